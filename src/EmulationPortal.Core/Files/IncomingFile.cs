using System.Security.Cryptography;
using EmulationPortal.Common;

namespace EmulationPortal.Files;

/// <summary>A file a user uploaded through an admin form, handed from the web layer to a feature service.</summary>
public sealed record IncomingFile(string? FileName, Stream Content);

/// <summary>A file that passed <see cref="UploadRules"/>: its kind, its content in a seekable buffer, its SHA-256.</summary>
public sealed record CheckedFile(string FileName, FileKind Kind, MemoryStream Content, string Sha256);

/// <summary>Checks uploads with <see cref="UploadRules"/> before anything is stored, with errors a form can show.</summary>
public static class IncomingFiles
{
    /// <summary>Names of the kinds, for the "only these are accepted" message.</summary>
    public static string Describe(IReadOnlySet<FileKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return string.Join(", ", kinds.Select(k => k switch
        {
            FileKind.Jpeg => "JPG",
            _ => k.ToString().ToUpperInvariant(),
        }));
    }

    /// <summary>Reads the upload into memory and checks it; returns the checked file or an error for <paramref name="field"/>.</summary>
    public static async Task<(CheckedFile? File, ServiceError? Error)> CheckAsync(
        IncomingFile upload, string field, UploadOptions options, IReadOnlySet<FileKind> allowed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(options);
        var buffer = new MemoryStream();
        await upload.Content.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        var (kind, error) = UploadRules.Check(upload.FileName, buffer, options.MaxBytes, allowed, options.Archive);
        var reencoded = kind is not null && allowed.All(UploadRules.ImageKinds.Contains);
        if (reencoded)
        {
            // A path that takes only pictures shows them inline (covers, images in an article's text): re-encoded, so
            // no metadata, trailing bytes or polyglot payload of the original survives.
            (kind, buffer) = Reencode(buffer);
            error = kind is null ? "Upload.ContentMismatch" : null;
        }

        if (kind is null)
        {
            await buffer.DisposeAsync();
            object[] args = error switch
            {
                "Upload.TooLarge" => [options.MaxFileSizeMegabytes],
                "Upload.TypeNotAllowed" => [Describe(allowed)],
                _ => [],
            };
            return (null, new ServiceError(field, error ?? "Upload.TypeNotAllowed", args));
        }

        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(buffer, cancellationToken));
        buffer.Position = 0;
        var name = reencoded
            ? Path.ChangeExtension(Path.GetFileName(upload.FileName!), kind == FileKind.Png ? ".png" : ".jpg")
            : upload.FileName!;
        return (new CheckedFile(name, kind.Value, buffer, hash), null);
    }

    /// <summary>Largest side of a re-encoded inline picture (a cover or an image in an article's text).</summary>
    public const int InlineImageMaxSize = 1600;

    private static (FileKind? Kind, MemoryStream Buffer) Reencode(MemoryStream original)
    {
        original.Position = 0;
        var bytes = ImageProcessor.Reencode(original, InlineImageMaxSize, keepTransparency: true);
        original.Dispose();
        if (bytes is null)
        {
            return (null, new MemoryStream());
        }

        var kind = bytes.AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 }) ? FileKind.Png : FileKind.Jpeg;
        return (kind, new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true));
    }

    /// <summary>Stores a checked file (deduplicated by content) and returns its record, added to the context but not saved.</summary>
    public static Task<StoredFile> StoreAsync(this FileService files, CheckedFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(file);
        file.Content.Position = 0;
        return files.StoreAsync(file.Content, file.FileName, UploadRules.ContentType(file.Kind), cancellationToken);
    }
}
