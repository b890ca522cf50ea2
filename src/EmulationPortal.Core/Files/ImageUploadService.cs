using EmulationPortal.Common;

namespace EmulationPortal.Files;

/// <summary>A file the user sent: its name as given and its content (seekable).</summary>
public sealed record UploadedFile(string? FileName, Stream Content);

/// <summary>Checks an uploaded JPEG/PNG, re-encodes it with <see cref="ImageProcessor"/>, then stores it through <see cref="FileService"/>.</summary>
public sealed class ImageUploadService(FileService files, UploadOptions options)
{
    public async Task<(StoredFile? File, ServiceError? Error)> StoreAsync(
        UploadedFile upload, string field, int maxSize, bool keepTransparency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var (kind, error) = UploadRules.Check(upload.FileName, upload.Content, options.MaxBytes, UploadRules.ImageKinds);
        if (kind is null)
        {
            return (null, error switch
            {
                "Upload.TooLarge" => new ServiceError(field, error, options.MaxFileSizeMegabytes),
                "Upload.TypeNotAllowed" => new ServiceError(field, error, "JPG, PNG"),
                _ => new ServiceError(field, error ?? "Upload.ContentMismatch"),
            });
        }

        var bytes = ImageProcessor.Reencode(upload.Content, maxSize, keepTransparency);
        if (bytes is null)
        {
            return (null, new ServiceError(field, "Upload.ContentMismatch"));
        }

        var isPng = bytes.AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
        var name = Path.ChangeExtension(Path.GetFileName(upload.FileName!), isPng ? ".png" : ".jpg");
        using var stream = new MemoryStream(bytes);
        var file = await files.StoreAsync(stream, name, isPng ? "image/png" : "image/jpeg", cancellationToken);
        return (file, null);
    }
}
