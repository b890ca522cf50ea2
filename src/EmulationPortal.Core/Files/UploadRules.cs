using System.IO.Compression;
using System.Text;

namespace EmulationPortal.Files;

/// <summary>The kinds of file the portal accepts, each known by its extension AND its leading bytes.</summary>
public enum FileKind
{
    Pdf,
    Doc,
    Docx,
    Xls,
    Xlsx,
    Odt,
    Jpeg,
    Png,
}

/// <summary>"Uploads" configuration.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Uploads";

    /// <summary>Largest accepted file, in megabytes.</summary>
    public int MaxFileSizeMegabytes { get; set; } = 20;

    public long MaxBytes => MaxFileSizeMegabytes * 1024L * 1024L;

    /// <summary>"Uploads:Archive": limits on what a DOCX/XLSX/ODT may unpack to (see <see cref="ArchiveGuard"/>).</summary>
    public ArchiveLimits Archive { get; set; } = new();
}

/// <summary>
/// Checks an uploaded file before anything is stored: a safe name, a size within the limit, an allowed extension, and
/// leading bytes that match that extension (an executable or HTML page renamed ".pdf" is refused). The error codes are
/// resource keys ("Upload.…").
/// </summary>
public static class UploadRules
{
    public const int MaxFileNameLength = 200;

    public static readonly IReadOnlySet<FileKind> DocumentKinds = new HashSet<FileKind>
    {
        FileKind.Pdf, FileKind.Doc, FileKind.Docx, FileKind.Xls, FileKind.Xlsx, FileKind.Odt, FileKind.Jpeg, FileKind.Png,
    };

    public static readonly IReadOnlySet<FileKind> ImageKinds = new HashSet<FileKind> { FileKind.Jpeg, FileKind.Png };

    public static readonly IReadOnlySet<FileKind> SpreadsheetKinds = new HashSet<FileKind> { FileKind.Xlsx };

    private static readonly Dictionary<string, FileKind> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = FileKind.Pdf, [".doc"] = FileKind.Doc, [".docx"] = FileKind.Docx, [".xls"] = FileKind.Xls,
        [".xlsx"] = FileKind.Xlsx, [".odt"] = FileKind.Odt, [".jpg"] = FileKind.Jpeg, [".jpeg"] = FileKind.Jpeg, [".png"] = FileKind.Png,
    };

    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    public static string ContentType(FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Doc => "application/msword",
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileKind.Xls => "application/vnd.ms-excel",
        FileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileKind.Odt => "application/vnd.oasis.opendocument.text",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Png => "image/png",
        _ => "application/octet-stream",
    };

    /// <summary>
    /// Returns the file's kind, or an error code: Upload.Empty, Upload.TooLarge, Upload.BadName, Upload.TypeNotAllowed,
    /// Upload.ContentMismatch, Upload.ArchiveTooManyEntries, Upload.ArchiveTooLarge. The stream must be seekable; it is
    /// left at position 0. A zip-based kind passes <see cref="ArchiveGuard"/> (with <paramref name="archive"/>, else
    /// the default limits) before anything reads its entries.
    /// </summary>
    public static (FileKind? Kind, string? Error) Check(
        string? fileName, Stream content, long maxBytes, IReadOnlySet<FileKind> allowed, ArchiveLimits? archive = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(allowed);
        if (!IsSafeFileName(fileName))
        {
            return (null, "Upload.BadName");
        }

        if (content.Length == 0)
        {
            return (null, "Upload.Empty");
        }

        if (content.Length > maxBytes)
        {
            return (null, "Upload.TooLarge");
        }

        if (!Extensions.TryGetValue(Path.GetExtension(fileName!), out var kind) || !allowed.Contains(kind))
        {
            return (null, "Upload.TypeNotAllowed");
        }

        content.Position = 0;
        var error = ContentError(kind, content, archive ?? ArchiveLimits.Default);
        content.Position = 0;
        return error is null ? (kind, null) : (null, error);
    }

    /// <summary>
    /// A plain file name: no folders ("../"), no control or NUL characters (also not "%00"), not a reserved device name,
    /// with an extension, and at most <see cref="MaxFileNameLength"/> characters.
    /// </summary>
    public static bool IsSafeFileName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName) || fileName.Length > MaxFileNameLength)
        {
            return false;
        }

        if (fileName.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|']) >= 0 || fileName.Any(char.IsControl)
            || fileName.Contains("%00", StringComparison.Ordinal) || fileName.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        var stem = Path.GetFileNameWithoutExtension(fileName).TrimEnd('.', ' ');
        return stem.Length > 0 && !ReservedNames.Contains(stem.Split('.')[0]) && Path.GetExtension(fileName).Length > 1;
    }

    private static string? ContentError(FileKind kind, Stream content, ArchiveLimits archive)
    {
        var head = new byte[8];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (kind is FileKind.Docx or FileKind.Xlsx or FileKind.Odt && read >= 4 && head.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            // The archive's limits first: nothing below (nor any library later) reads an entry of a zip bomb.
            var verdict = ArchiveGuard.Inspect(content, archive);
            if (verdict != ArchiveVerdict.Ok)
            {
                return ArchiveGuard.ErrorCode(verdict);
            }
        }

        return ContentMatches(kind, content, head.AsSpan(0, read)) ? null : "Upload.ContentMismatch";
    }

    private static bool ContentMatches(FileKind kind, Stream content, ReadOnlySpan<byte> head)
    {
        return kind switch
        {
            FileKind.Pdf => head.StartsWith("%PDF-"u8),
            FileKind.Jpeg => head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }),
            FileKind.Png => head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }),
            FileKind.Doc or FileKind.Xls => head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }),
            FileKind.Docx => head.StartsWith("PK\u0003\u0004"u8) && ZipHas(content, e => e.FullName.StartsWith("word/", StringComparison.Ordinal)),
            FileKind.Xlsx => head.StartsWith("PK\u0003\u0004"u8) && ZipHas(content, e => e.FullName.StartsWith("xl/", StringComparison.Ordinal)),
            FileKind.Odt => head.StartsWith("PK\u0003\u0004"u8) && ZipHas(content, e => e.FullName == "mimetype" && ReadSmall(e) == "application/vnd.oasis.opendocument.text"),
            _ => false,
        };
    }

    private static bool ZipHas(Stream content, Func<ZipArchiveEntry, bool> predicate)
    {
        try
        {
            content.Position = 0;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return zip.Entries.Any(predicate);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static string ReadSmall(ZipArchiveEntry entry)
    {
        if (entry.Length > 200)
        {
            return string.Empty;
        }

        using var reader = new StreamReader(entry.Open(), Encoding.ASCII);
        return reader.ReadToEnd().Trim();
    }
}
