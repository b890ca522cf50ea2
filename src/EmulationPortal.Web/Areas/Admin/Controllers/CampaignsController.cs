using EmulationPortal.Accounts;
using EmulationPortal.Campaigns;
using EmulationPortal.Common;
using EmulationPortal.Web.Areas.Admin.Models;
using EmulationPortal.Web.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>Phong trào thi đua in the admin area: list, create, edit, launch, close, delete.</summary>
public sealed class CampaignsController(CampaignAdminService campaigns, PortalClock clock, IStringLocalizer<AdminContentResource> text)
    : ContentControllerBase(text)
{
    private static readonly Dictionary<string, bool> PublishedSlugs = new() { ["da-phat-dong"] = true, ["ban-nhap"] = false };

    [HttpGet]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "tinh-trang")] string? state, [FromQuery(Name = "cong-bo")] string? published, [FromQuery(Name = "trang")] string? page,
        CancellationToken cancellationToken)
    {
        var q = new QueryValues();
        var stateValue = q.State(state);
        bool? publishedValue = null;
        if (!string.IsNullOrEmpty(published))
        {
            if (PublishedSlugs.TryGetValue(published, out var p))
            {
                publishedValue = p;
            }
            else
            {
                published = null;
            }
        }

        var list = await campaigns.ListAsync(new CampaignAdminFilter(publishedValue, stateValue, q.Page(page)), cancellationToken);
        var keptState = stateValue is null ? null : state;
        return View(new CampaignAdminIndexViewModel(
            list, keptState, published, q.HasInvalid || (state is not null && keptState is null),
            Pager(list, "/Admin/Campaigns", ("tinh-trang", keptState), ("cong-bo", published))));
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        await PageAsync(null, cancellationToken);
        return View("Edit", new CampaignForm { StartsOn = clock.Today });
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> Create(CampaignForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return await InvalidAsync(null, form, cancellationToken);
        }

        var result = await campaigns.CreateAsync(ToInput(form), cancellationToken);
        if (!result.Succeeded)
        {
            Refuse(result);
            await PageAsync(null, cancellationToken);
            return View("Edit", form);
        }

        Notice(T["Campaign.Created"]);
        return RedirectToAction(nameof(Edit), new { id = result.Id });
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.GetAsync(id, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }

        await PageAsync(campaign, cancellationToken);
        return View(new CampaignForm
        {
            Version = campaign.Version, Title = campaign.Title, Slug = campaign.Slug, Kind = campaign.Kind, Scope = campaign.Scope,
            LaunchedBy = campaign.LaunchedBy, LaunchedOn = campaign.LaunchedOn, StartsOn = campaign.StartsOn, EndsOn = campaign.EndsOn,
            Summary = campaign.Summary, Content = campaign.Content, IsFeatured = campaign.IsFeatured,
            FieldIds = [.. campaign.FieldIds], DocumentIds = [.. campaign.DocumentIds],
        });
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> Edit(int id, CampaignForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var stored = await campaigns.GetAsync(id, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await InvalidAsync(stored, form, cancellationToken);
        }

        var result = await campaigns.UpdateAsync(id, form.Version, ToInput(form), cancellationToken);
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

    /// <summary>Phát động: the campaign becomes visible to staff.</summary>
    [HttpPost]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> Launch(int id, CancellationToken cancellationToken)
    {
        if (!await campaigns.LaunchAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Notice(T["Campaign.Launched"]);
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> Close(int id, CancellationToken cancellationToken)
    {
        var result = await campaigns.CloseAsync(id, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        Notice(result.Succeeded ? T["Campaign.Closed"] : T["Campaign.CloseNotStarted"]);
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpGet]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.GetAsync(id, cancellationToken);
        return campaign is null
            ? NotFound()
            : View("_ConfirmContent", new ConfirmViewModel(
                T["Campaign.DeleteHeading"], T["Campaign.DeleteQuestion"], campaign.Title,
                Url.Action(nameof(Delete), new { id })!, Url.Action(nameof(Edit), new { id })!, AdminText["Common.Delete"]));
    }

    [HttpPost]
    [ActionName(nameof(Delete))]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> DeleteConfirmed(int id, CancellationToken cancellationToken)
    {
        if (!await campaigns.DeleteAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Notice(AdminText["Common.Deleted"]);
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> InvalidAsync(CampaignEditData? stored, CampaignForm form, CancellationToken cancellationToken)
    {
        UseFriendlyBindingErrors();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await PageAsync(stored, cancellationToken);
        return View("Edit", form);
    }

    private async Task PageAsync(CampaignEditData? stored, CancellationToken cancellationToken) =>
        ViewData["Page"] = new CampaignFormPage(
            stored?.Id, stored?.IsPublished ?? false, stored?.CoverImageId,
            await campaigns.FieldOptionsAsync(cancellationToken), await campaigns.DocumentOptionsAsync(cancellationToken));

    private static CampaignInput ToInput(CampaignForm f) => new(
        f.Title, f.Slug, f.Kind, f.Scope, f.LaunchedBy, f.LaunchedOn, f.StartsOn, f.EndsOn, f.Summary, f.Content, f.IsFeatured,
        f.FieldIds, f.DocumentIds, Incoming(f.Cover), f.RemoveCover);
}
