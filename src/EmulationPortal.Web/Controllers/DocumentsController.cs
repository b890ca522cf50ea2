using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using EmulationPortal.Web.Infrastructure;
using System.Globalization;
using EmulationPortal.Common;
using EmulationPortal.Documents;
using EmulationPortal.Files;
using EmulationPortal.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace EmulationPortal.Web.Controllers;

[Route("van-ban")]
[AllowAnonymous]
public sealed class DocumentsController(DocumentService documents, IFileStore files, ILogger<DocumentsController> logger) : Controller
{
    [HttpGet("")]
    [OutputCache(PolicyName = OutputCacheRegistration.PublicPage)]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "loai")] string? type,
        [FromQuery(Name = "co-quan")] string? issuer,
        [FromQuery(Name = "nam")] string? year,
        [FromQuery(Name = "trang")] string? page,
        CancellationToken cancellationToken)
    {
        var q = new QueryValues();
        var filter = new DocumentFilter(q.Id(type), q.Text(issuer), q.Year(year), q.Page(page));
        var list = await documents.ListAsync(filter, cancellationToken);
        var kept = CampaignsController.Keep(
            ("loai", filter.TypeId?.ToString(CultureInfo.InvariantCulture)), ("co-quan", filter.Issuer), ("nam", filter.Year?.ToString(CultureInfo.InvariantCulture)));
        return View(new DocumentIndexViewModel(
            list, filter.TypeId, filter.Issuer, filter.Year, await documents.FilterOptionsAsync(cancellationToken), q.HasInvalid,
            new PagerModel(list.Page, list.TotalPages, list.TotalCount, nameof(Index), "Documents", kept)));
    }

    [HttpGet("{id:int}")]
    [OutputCache(PolicyName = OutputCacheRegistration.PublicPage)]
    public async Task<IActionResult> Detail(int id, CancellationToken cancellationToken)
    {
        var document = await documents.GetAsync(id, cancellationToken);
        return document is null ? NotFound() : View(document);
    }

    /// <summary>Sends an attached file as a download with its Vietnamese name (RFC 6266/5987).</summary>
    [HttpGet("{id:int}/tep/{fileId:int}")]
    public async Task<IActionResult> Download(int id, int fileId, CancellationToken cancellationToken)
    {
        var attachment = await documents.FindAttachmentAsync(id, fileId, cancellationToken);
        if (attachment is null)
        {
            return NotFound();
        }

        var stream = files.OpenRead(attachment.StorageKey);
        if (stream is null)
        {
            logger.LogWarning("Attached file {FileId} of document {DocumentId} is missing on disk ({StorageKey})", fileId, id, attachment.StorageKey);
            return NotFound();
        }

        return FileResults.Download(Response, stream, attachment.ContentType, attachment.OriginalName);
    }
}

/// <summary>Download responses: attachment disposition with an ASCII fallback and the UTF-8 name, and nosniff.</summary>
internal static class FileResults
{
    public static FileStreamResult Download(HttpResponse response, Stream stream, string contentType, string fileName)
    {
        // filename* carries the real Vietnamese name; the quoted fallback is its ASCII spelling for old clients.
        var ascii = new string(VietnameseText.RemoveDiacritics(fileName).Select(c => c is >= ' ' and <= '~' and not '"' and not '\\' ? c : '_').ToArray());
        var disposition = new ContentDispositionHeaderValue("attachment") { FileName = $"\"{ascii}\"" };
        disposition.FileNameStar = fileName;
        response.Headers[HeaderNames.ContentDisposition] = disposition.ToString();
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return new FileStreamResult(stream, contentType);
    }
}
