using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Participation;
using EmulationPortal.Web.Areas.Admin.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>Tham gia, báo cáo: per campaign the participation settings, indicators, report rounds and every registration.</summary>
public sealed class ParticipationController(ParticipationAdminService participation, IStringLocalizer<ParticipationResource> text) : AdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index([FromQuery(Name = "trang")] int? page, CancellationToken cancellationToken)
    {
        var list = await participation.ListCampaignsAsync(Paging.ClampPage(page), cancellationToken);
        return View(new ParticipationIndexViewModel(
            list, new AdminPager(list.Page, list.TotalPages, list.TotalCount, "/Admin/Participation", new Dictionary<string, string>())));
    }

    [HttpGet]
    public async Task<IActionResult> Campaign(int id, CancellationToken cancellationToken)
    {
        var overview = await participation.OverviewAsync(id, cancellationToken);
        if (overview is null)
        {
            return NotFound();
        }

        var s = overview.Settings;
        return View(new ParticipationCampaignViewModel(overview, new ParticipationSettingsForm
        {
            Version = s?.Version ?? 0, RegistrationExpected = s?.RegistrationExpected ?? true, RegistrationDeadline = s?.RegistrationDeadline,
            AllowsPersonalRegistration = s?.AllowsPersonalRegistration ?? false, ExpectedUnitIds = [.. s?.ExpectedUnitIds ?? []],
        }));
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> Settings(int id, ParticipationSettingsForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var overview = await participation.OverviewAsync(id, cancellationToken);
        if (overview is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await participation.SaveSettingsAsync(
                id, form.Version, new SettingsInput(form.RegistrationExpected, form.RegistrationDeadline, form.AllowsPersonalRegistration, form.ExpectedUnitIds),
                cancellationToken);
            if (result is null)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                Notice(AdminText["Common.Saved"]);
                return RedirectToAction(nameof(Campaign), new { id });
            }

            if (result.Conflict is { } conflict)
            {
                ShowConflict(conflict, text);
                ModelState.Remove(nameof(form.Version));
                form.Version = conflict.CurrentVersion;
            }

            AddErrors(result, text);
        }

        Response.StatusCode = ModelState.IsValid ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return View(nameof(Campaign), new ParticipationCampaignViewModel(overview, form));
    }

    [HttpGet]
    public async Task<IActionResult> Indicator(int id, int? indicatorId, CancellationToken cancellationToken)
    {
        var overview = await participation.OverviewAsync(id, cancellationToken);
        var indicator = overview?.Indicators.FirstOrDefault(i => i.Id == indicatorId);
        if (overview is null || (indicatorId is not null && indicator is null))
        {
            return NotFound();
        }

        FormPage(overview, indicatorId);
        return View(indicator is null
            ? new IndicatorForm { SortOrder = overview.Indicators.Count == 0 ? 1 : overview.Indicators.Max(i => i.SortOrder) + 1 }
            : new IndicatorForm { Version = indicator.Version, Name = indicator.Name, MeasureUnit = indicator.MeasureUnit, SortOrder = indicator.SortOrder });
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> Indicator(int id, int? indicatorId, IndicatorForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var overview = await participation.OverviewAsync(id, cancellationToken);
        if (overview is null || (indicatorId is not null && overview.Indicators.All(i => i.Id != indicatorId)))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await participation.SaveIndicatorAsync(id, indicatorId, form.Version, new IndicatorInput(form.Name, form.MeasureUnit, form.SortOrder), cancellationToken);
            if (result is null)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                Notice(AdminText["Common.Saved"]);
                return RedirectToAction(nameof(Campaign), new { id });
            }

            Problem(result, () => form.Version = result.Conflict!.CurrentVersion);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        FormPage(overview, indicatorId);
        return View(form);
    }

    [HttpGet]
    public async Task<IActionResult> DeleteIndicator(int id, int indicatorId, CancellationToken cancellationToken)
    {
        var overview = await participation.OverviewAsync(id, cancellationToken);
        var indicator = overview?.Indicators.FirstOrDefault(i => i.Id == indicatorId);
        return indicator is null
            ? NotFound()
            : View("_ConfirmContent", new ConfirmViewModel(
                text["Indicator.DeleteHeading"], text["Indicator.DeleteQuestion"], indicator.Name,
                Url.Action(nameof(DeleteIndicator), new { id, indicatorId })!, Url.Action(nameof(Campaign), new { id })!, AdminText["Common.Delete"]));
    }

    [HttpPost]
    [ActionName(nameof(DeleteIndicator))]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> DeleteIndicatorConfirmed(int id, int indicatorId, CancellationToken cancellationToken)
    {
        var result = await participation.DeleteIndicatorAsync(id, indicatorId, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        Notice(result.Succeeded ? AdminText["Common.Deleted"] : text[result.Errors[0].Code, result.Errors[0].Args]);
        return RedirectToAction(nameof(Campaign), new { id });
    }

    [HttpGet]
    public async Task<IActionResult> Round(int id, int? roundId, CancellationToken cancellationToken)
    {
        var overview = await participation.OverviewAsync(id, cancellationToken);
        var round = overview?.Rounds.FirstOrDefault(r => r.Id == roundId);
        if (overview is null || (roundId is not null && round is null))
        {
            return NotFound();
        }

        FormPage(overview, roundId);
        return View(round is null
            ? new RoundForm()
            : new RoundForm { Version = round.Version, Name = round.Name, Kind = round.Kind, DueOn = round.DueOn });
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> Round(int id, int? roundId, RoundForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var overview = await participation.OverviewAsync(id, cancellationToken);
        if (overview is null || (roundId is not null && overview.Rounds.All(r => r.Id != roundId)))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await participation.SaveRoundAsync(id, roundId, form.Version, new RoundInput(form.Name, form.Kind, form.DueOn), cancellationToken);
            if (result is null)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                Notice(AdminText["Common.Saved"]);
                return RedirectToAction(nameof(Campaign), new { id });
            }

            Problem(result, () => form.Version = result.Conflict!.CurrentVersion);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        FormPage(overview, roundId);
        return View(form);
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> Lock(int id, int roundId, CancellationToken cancellationToken) => await SetLockAsync(id, roundId, true, cancellationToken);

    [HttpPost]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> Unlock(int id, int roundId, CancellationToken cancellationToken) => await SetLockAsync(id, roundId, false, cancellationToken);

    [HttpGet]
    public async Task<IActionResult> Registration(int id, CancellationToken cancellationToken)
    {
        var data = await participation.GetRegistrationAsync(id, cancellationToken);
        if (data is null)
        {
            return NotFound();
        }

        ViewData["Page"] = new RegistrationEditPage(data);
        return View(new RegistrationEditForm
        {
            Version = data.Version, Commitments = data.Commitments, Targets = data.Targets.ToDictionary(t => t.Key, t => (string?)t.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)),
        });
    }

    [HttpPost]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> Registration(int id, RegistrationEditForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var data = await participation.GetRegistrationAsync(id, cancellationToken);
        if (data is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var result = await participation.UpdateRegistrationAsync(id, form.Version, new RegistrationInput(form.Commitments, form.Targets), cancellationToken);
            if (result is null)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                Notice(AdminText["Common.Saved"]);
                return RedirectToAction(nameof(Campaign), new { id = data.CampaignId });
            }

            Problem(result, () => form.Version = result.Conflict!.CurrentVersion);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        ViewData["Page"] = new RegistrationEditPage(data);
        return View(form);
    }

    [HttpGet]
    public async Task<IActionResult> DeleteRegistration(int id, CancellationToken cancellationToken)
    {
        var data = await participation.GetRegistrationAsync(id, cancellationToken);
        return data is null
            ? NotFound()
            : View("_ConfirmContent", new ConfirmViewModel(
                text["Registration.DeleteHeading"], text["Registration.DeleteQuestion"], $"{data.Registrant} – {data.CampaignTitle}",
                Url.Action(nameof(DeleteRegistration), new { id })!, Url.Action(nameof(Campaign), new { id = data.CampaignId })!, AdminText["Common.Delete"]));
    }

    [HttpPost]
    [ActionName(nameof(DeleteRegistration))]
    [Authorize(Policy = Policies.CanPublish)]
    public async Task<IActionResult> DeleteRegistrationConfirmed(int id, CancellationToken cancellationToken)
    {
        var data = await participation.GetRegistrationAsync(id, cancellationToken);
        if (data is null || !await participation.DeleteRegistrationAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Notice(AdminText["Common.Deleted"]);
        return RedirectToAction(nameof(Campaign), new { id = data.CampaignId });
    }

    private async Task<IActionResult> SetLockAsync(int id, int roundId, bool locked, CancellationToken cancellationToken)
    {
        if (!await participation.SetRoundLockAsync(id, roundId, locked, cancellationToken))
        {
            return NotFound();
        }

        Notice(text[locked ? "Round.Locked" : "Round.Unlocked"]);
        return RedirectToAction(nameof(Campaign), new { id });
    }

    private void Problem(ServiceResult result, Action useStoredVersion)
    {
        if (result.Conflict is { } conflict)
        {
            ShowConflict(conflict, text);
            ModelState.Remove("Version");
            if (conflict.CurrentVersion >= 0)
            {
                useStoredVersion();
            }

            Response.StatusCode = StatusCodes.Status409Conflict;
            return;
        }

        AddErrors(result, text);
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    private void FormPage(ParticipationOverview overview, int? id) =>
        ViewData["Page"] = new ParticipationFormPage(overview.CampaignId, overview.Title, overview.StartsOn, id);
}
