using EmulationPortal.Accounts;
using EmulationPortal.Files;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace EmulationPortal.Web.Controllers;

/// <summary>
/// Serves cover images, honoree photos, the logo and images in articles (re-encoded JPEG/PNG) inline. What may be
/// shown to whom is <see cref="ImageAccess"/>: a draft's cover only to staff who edit content, a private attachment
/// (a unit's report, a dossier) never.
/// </summary>
[AllowAnonymous]
public sealed class ImagesController(ImageAccess images, IFileStore files, ILogger<ImagesController> logger) : Controller
{
    private static readonly HashSet<string> InlineTypes = new(StringComparer.OrdinalIgnoreCase) { "image/jpeg", "image/png", "image/webp" };

    [HttpGet("/anh/{id:int}")]
    [ResponseCache(Duration = 86400, Location = ResponseCacheLocation.Any)]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var staff = User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Editor) || User.IsInRole(Roles.Leader);
        var image = await images.FindAsync(id, staff, cancellationToken);
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

        if (staff)
        {
            // Possibly a draft's cover: not for shared caches.
            Response.Headers[HeaderNames.CacheControl] = "private, max-age=300";
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
