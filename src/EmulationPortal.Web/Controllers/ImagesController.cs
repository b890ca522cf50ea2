using EmulationPortal.Documents;
using EmulationPortal.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace EmulationPortal.Web.Controllers;

/// <summary>Serves cover images and honoree photos (JPEG/PNG only) inline.</summary>
public sealed class ImagesController(ImageService images, IFileStore files, ILogger<ImagesController> logger) : Controller
{
    private static readonly HashSet<string> InlineTypes = new(StringComparer.OrdinalIgnoreCase) { "image/jpeg", "image/png", "image/webp" };

    [HttpGet("/anh/{id:int}")]
    [ResponseCache(Duration = 86400, Location = ResponseCacheLocation.Any)]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var image = await images.FindImageAsync(id, cancellationToken);
        if (image is null)
        {
            return NotFound();
        }

        var stream = files.OpenRead(image.StorageKey);
        if (stream is null)
        {
            logger.LogWarning("Image {FileId} is missing on disk ({StorageKey})", id, image.StorageKey);
            return NotFound();
        }

        // Inline only with an image type of the re-encoded set; anything else stored under an image id is a download.
        if (!InlineTypes.Contains(image.ContentType))
        {
            return FileResults.Download(Response, stream, "application/octet-stream", image.OriginalName);
        }

        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        Response.Headers[HeaderNames.ContentDisposition] = "inline";
        return File(stream, image.ContentType);
    }
}
