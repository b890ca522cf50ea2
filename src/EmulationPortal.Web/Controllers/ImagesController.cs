using EmulationPortal.Documents;
using EmulationPortal.Files;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace EmulationPortal.Web.Controllers;

/// <summary>Serves cover images and honoree photos (JPEG/PNG only) inline.</summary>
[AllowAnonymous]
public sealed class ImagesController(ImageService images, IFileStore files, ILogger<ImagesController> logger) : Controller
{
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

        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return File(stream, image.ContentType);
    }
}
