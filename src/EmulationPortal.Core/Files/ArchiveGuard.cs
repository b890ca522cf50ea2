using System.Buffers.Binary;
using System.IO.Compression;

namespace EmulationPortal.Files;

/// <summary>"Uploads:Archive" configuration: how much a zip-based file (DOCX, XLSX, ODT) may hold once unpacked.</summary>
public sealed class ArchiveLimits
{
    /// <summary>The defaults, a fresh copy each time (the options are settable).</summary>
    public static ArchiveLimits Default => new();

    /// <summary>Entries in the archive at most (a real DOCX holds a few dozen, an XLSX a few hundred at most).</summary>
    public int MaxEntries { get; set; } = 2000;

    /// <summary>Total unpacked size at most, in megabytes.</summary>
    public int MaxUncompressedMegabytes { get; set; } = 100;

    /// <summary>Unpacked size over packed size at most, for the whole archive and for any entry larger than 1 MB.</summary>
    public int MaxCompressionRatio { get; set; } = 100;

    public long MaxUncompressedBytes => MaxUncompressedMegabytes * 1024L * 1024L;
}

/// <summary>What <see cref="ArchiveGuard.Inspect"/> found.</summary>
public enum ArchiveVerdict
{
    /// <summary>Within every limit; every entry was unpacked and held no more than it declared.</summary>
    Ok,

    /// <summary>Not a readable zip (no end-of-central-directory record, damaged entries).</summary>
    Damaged,

    /// <summary>More entries than <see cref="ArchiveLimits.MaxEntries"/>.</summary>
    TooManyEntries,

    /// <summary>Unpacks to more than the size or ratio limits allow (a zip bomb), by its declared or its real sizes.</summary>
    TooLarge,
}

/// <summary>
/// The one gate every zip-based upload passes before a library (Open XML SDK, MiniExcel, the text extractor) opens it.
/// It reads the end-of-central-directory record first, so an archive claiming 100,000 entries is refused before the
/// central directory is parsed; then it checks the declared sizes and ratios of every entry; and since those declared
/// sizes can lie, it unpacks every entry through a counting stream that stops at the declared size and at the total
/// limit. Work is bounded by the limits, never by what the archive claims.
/// </summary>
public static class ArchiveGuard
{
    private const uint EndOfCentralDirectorySignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const int EndOfCentralDirectoryLength = 22;
    private const long RatioCheckedFrom = 1024 * 1024;

    /// <summary>The resource key of the message for a refused archive, or null when it passed.</summary>
    public static string? ErrorCode(ArchiveVerdict verdict) => verdict switch
    {
        ArchiveVerdict.Ok => null,
        ArchiveVerdict.TooManyEntries => "Upload.ArchiveTooManyEntries",
        ArchiveVerdict.TooLarge => "Upload.ArchiveTooLarge",
        _ => "Upload.ContentMismatch",
    };

    /// <summary>Checks the archive; the stream must be seekable and is left at position 0.</summary>
    public static ArchiveVerdict Inspect(Stream content, ArchiveLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        limits ??= ArchiveLimits.Default;
        try
        {
            return InspectCore(content, limits);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            // Damaged headers, an unsupported method (Deflate64 aside, which .NET reads), a truncated file.
            return ArchiveVerdict.Damaged;
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static ArchiveVerdict InspectCore(Stream content, ArchiveLimits limits)
    {
        var declaredEntries = DeclaredEntryCount(content);
        if (declaredEntries is null)
        {
            return ArchiveVerdict.Damaged;
        }

        if (declaredEntries > (ulong)limits.MaxEntries)
        {
            return ArchiveVerdict.TooManyEntries;
        }

        content.Position = 0;
        using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        var entries = zip.Entries;
        if (entries.Count > limits.MaxEntries)
        {
            // The record understated the count; the directory itself is bounded by the upload size limit.
            return ArchiveVerdict.TooManyEntries;
        }

        long declared = 0;
        long packed = 0;
        foreach (var entry in entries)
        {
            if (entry.Length < 0 || entry.CompressedLength < 0)
            {
                return ArchiveVerdict.Damaged;
            }

            declared += entry.Length;
            packed += entry.CompressedLength;
            if (declared > limits.MaxUncompressedBytes || TooCompressed(entry.Length, entry.CompressedLength, limits))
            {
                return ArchiveVerdict.TooLarge;
            }
        }

        if (declared > RatioCheckedFrom && TooCompressed(declared, packed, limits))
        {
            return ArchiveVerdict.TooLarge;
        }

        // The declared sizes passed; now prove them. Each entry is unpacked and counted, never more than it declared
        // plus one buffer, and never more than the total limit altogether.
        var buffer = new byte[81920];
        long total = 0;
        foreach (var entry in entries)
        {
            if (entry.FullName.EndsWith('/') && entry.Length == 0)
            {
                continue;
            }

            using var stream = entry.Open();
            long actual = 0;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                actual += read;
                total += read;
                if (actual > entry.Length || total > limits.MaxUncompressedBytes)
                {
                    return ArchiveVerdict.TooLarge;
                }
            }
        }

        return ArchiveVerdict.Ok;
    }

    private static bool TooCompressed(long unpacked, long packed, ArchiveLimits limits) =>
        unpacked > RatioCheckedFrom && unpacked / Math.Max(packed, 1) > limits.MaxCompressionRatio;

    /// <summary>The entry count in the end-of-central-directory record (or its ZIP64 form), or null when there is none.</summary>
    private static ulong? DeclaredEntryCount(Stream content)
    {
        var length = content.Length;
        if (length < EndOfCentralDirectoryLength)
        {
            return null;
        }

        // The record sits at the end, followed by a comment of at most 65,535 bytes.
        var tailLength = (int)Math.Min(length, EndOfCentralDirectoryLength + ushort.MaxValue);
        var tail = new byte[tailLength];
        content.Position = length - tailLength;
        content.ReadExactly(tail);
        for (var i = tailLength - EndOfCentralDirectoryLength; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) != EndOfCentralDirectorySignature)
            {
                continue;
            }

            var record = tail.AsSpan(i);
            ulong entries = BinaryPrimitives.ReadUInt16LittleEndian(record[10..]);
            if (entries != ushort.MaxValue)
            {
                return entries;
            }

            // ZIP64: the locator (20 bytes) just before the record points at the ZIP64 end record.
            var locatorAt = length - tailLength + i - 20;
            if (locatorAt < 0)
            {
                return null;
            }

            var locator = new byte[20];
            content.Position = locatorAt;
            content.ReadExactly(locator);
            if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64LocatorSignature)
            {
                return null;
            }

            var zip64At = BinaryPrimitives.ReadUInt64LittleEndian(locator.AsSpan(8));
            if (zip64At > (ulong)(length - 56))
            {
                return null;
            }

            var zip64 = new byte[56];
            content.Position = (long)zip64At;
            content.ReadExactly(zip64);
            return BinaryPrimitives.ReadUInt32LittleEndian(zip64) == Zip64EndSignature
                ? BinaryPrimitives.ReadUInt64LittleEndian(zip64.AsSpan(32))
                : null;
        }

        return null;
    }
}
