using EmulationPortal.Accounts;
using EmulationPortal.News;
using EmulationPortal.Web.Areas.Admin.Models;
using EmulationPortal.Web.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>Tin bài in the admin area: drafts, the editor, publish now or at a time, unpublish, preview.</summary>
public sealed class ArticlesController(ArticleAdminService articles, IStringLocalizer<AdminContentResource> text)
    : ContentControllerBase(text)
{
    private static readonly Dictionary<string, ArticleAdminState> StateSlugs = new()
    {
        ["ban-nhap"] = ArticleAdminState.Draft,
        ["hen-gio"] = ArticleAdminState.Scheduled,
        ["da-dang"] = ArticleAdminState.Published,
    };

    public static string SlugOf(ArticleAdminState state) => StateSlugs.First(s => s.Value == state).Key;

    [HttpGet]
    public async Task<IActionResult> Index([FromQuery(Name = "tinh-trang")] string? state, [FromQuery(Name = "trang")] string? page, CancellationToken cancellationToken)
    {
        var q = new QueryValues();
        ArticleAdminState? stateValue = null;
        var invalid = false;
        if (!string.IsNullOrEmpty(state))
        {
            if (StateSlugs.TryGetValue(state, out var s))
            {
                stateValue = s;
            }
            else
            {
                (state, invalid) = (null, true);
            }
        }

        var list = await articles.ListAsync(new ArticleAdminFilter(stateValue, q.Page(page)), cancellationToken);
        return View(new ArticleAdminIndexViewModel(list, state, invalid || q.HasInvalid, Pager(list, "/Admin/Articles", ("tinh-trang", state))));
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        await PageAsync(null, cancellationToken);
        return View("Edit", new ArticleForm());
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> Create(ArticleForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(null, form, cancellationToken);
        }

        var result = await articles.CreateAsync(ToInput(form), cancellationToken);
        if (!result.Succeeded)
        {
            Refuse(result);
            await PageAsync(null, cancellationToken);
            return View("Edit", form);
        }

        Notice(T["Article.Created"]);
        return RedirectToAction(nameof(Edit), new { id = result.Id });
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var article = await articles.GetAsync(id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        await PageAsync(article, cancellationToken);
        return View(new ArticleForm
        {
            Version = article.Version, Title = article.Title, Slug = article.Slug, Summary = article.Summary, Body = article.Body,
            CampaignId = article.CampaignId, FieldIds = [.. article.FieldIds],
        });
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> Edit(int id, ArticleForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var stored = await articles.GetAsync(id, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await InvalidAsync(stored, form, cancellationToken);
        }

        var result = await articles.UpdateAsync(id, form.Version, ToInput(form), cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (ShowSaveFailure(result, v => form.Version = v))
        {
            await PageAsync(stored, cancellationToken);
            return View(form);
        }

        Notice(AdminText["Common.Saved"]);
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> Publish(int id, CancellationToken cancellationToken)
    {
        var result = await articles.PublishNowAsync(id, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        Notice(T["Article.Published"]);
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> Schedule(int id, ScheduleForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var stored = await articles.GetAsync(id, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            UseFriendlyBindingErrors();
            return await EditPageWithErrorsAsync(stored, cancellationToken);
        }

        var result = await articles.ScheduleAsync(id, form.PublishAt, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            AddErrors(result, T);
            return await EditPageWithErrorsAsync(stored, cancellationToken);
        }

        Notice(T["Article.Scheduled"]);
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> Unpublish(int id, CancellationToken cancellationToken)
    {
        if (await articles.UnpublishAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        Notice(T["Article.Unpublished"]);
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>The article as the public page will show it, whatever its state; admin roles only (the area's policy).</summary>
    [HttpGet]
    public async Task<IActionResult> Preview(int id, CancellationToken cancellationToken)
    {
        var article = await articles.PreviewAsync(id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        Response.Headers["X-Robots-Tag"] = "noindex";
        return View(article);
    }

    /// <summary>
    /// An image inserted into the text by the editor's image button. The antiforgery token comes in the
    /// "RequestVerificationToken" header. Answers { url } to insert, or { error } in Vietnamese with 400.
    /// </summary>
    [HttpPost]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> UploadImage(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return BadRequest(new { error = T["Article.ImageRequired"].Value });
        }

        var result = await articles.UploadImageAsync(Incoming(file)!, cancellationToken);
        if (!result.Succeeded)
        {
            AddErrors(result, T);
            var message = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault();
            return BadRequest(new { error = message });
        }

        return Json(new { url = $"/anh/{result.Id}" });
    }

    [HttpGet]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var article = await articles.GetAsync(id, cancellationToken);
        return article is null
            ? NotFound()
            : View("_ConfirmContent", new ConfirmViewModel(
                T["Article.DeleteHeading"], T["Article.DeleteQuestion"], article.Title,
                Url.Action(nameof(Delete), new { id })!, Url.Action(nameof(Edit), new { id })!, AdminText["Common.Delete"]));
    }

    [HttpPost]
    [ActionName(nameof(Delete))]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> DeleteConfirmed(int id, CancellationToken cancellationToken)
    {
        if (!await articles.DeleteAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Notice(AdminText["Common.Deleted"]);
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> EditPageWithErrorsAsync(ArticleEditData stored, CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await PageAsync(stored, cancellationToken);
        return View(nameof(Edit), new ArticleForm
        {
            Version = stored.Version, Title = stored.Title, Slug = stored.Slug, Summary = stored.Summary, Body = stored.Body,
            CampaignId = stored.CampaignId, FieldIds = [.. stored.FieldIds],
        });
    }

    private async Task<IActionResult> InvalidAsync(ArticleEditData? stored, ArticleForm form, CancellationToken cancellationToken)
    {
        UseFriendlyBindingErrors();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await PageAsync(stored, cancellationToken);
        return View("Edit", form);
    }

    private async Task PageAsync(ArticleEditData? stored, CancellationToken cancellationToken) =>
        ViewData["Page"] = new ArticleFormPage(
            stored?.Id, stored?.State ?? ArticleAdminState.Draft, stored?.PublishedAt, stored?.CoverImageId,
            await articles.CampaignOptionsAsync(cancellationToken), await articles.FieldOptionsAsync(cancellationToken));

    private static ArticleInput ToInput(ArticleForm f) =>
        new(f.Title, f.Slug, f.Summary, f.Body, f.CampaignId, f.FieldIds, Incoming(f.Cover), f.RemoveCover);
}
