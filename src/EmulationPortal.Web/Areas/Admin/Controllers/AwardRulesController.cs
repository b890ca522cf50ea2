using EmulationPortal.Accounts;
using EmulationPortal.Proposals;
using EmulationPortal.Web.Areas.Admin.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>Quy tắc kiểm tra khi đề nghị khen thưởng (/Admin/AwardRules): the Office head and administrators set them.</summary>
[Authorize(Policy = Policies.CanConfigureAwards)]
public sealed class AwardRulesController(AwardRuleAdminService rules, IStringLocalizer<ComposingResource> T) : AdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new AwardRuleIndexViewModel(await rules.ListAsync(cancellationToken)));

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", new AwardRuleEditViewModel(null, new AwardRuleForm(), await rules.AwardOptionsAsync(cancellationToken)));

    [HttpPost]
    public Task<IActionResult> Create(AwardRuleForm form, CancellationToken cancellationToken) => SaveAsync(null, form, cancellationToken);

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var form = await rules.GetAsync(id, cancellationToken);
        return form is null ? NotFound() : View(new AwardRuleEditViewModel(id, form, await rules.AwardOptionsAsync(cancellationToken)));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(int id, AwardRuleForm form, CancellationToken cancellationToken) =>
        await rules.GetAsync(id, cancellationToken) is null ? NotFound() : await SaveAsync(id, form, cancellationToken);

    [HttpPost]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        if (!await rules.DeleteAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Notice(T["Rules.Deleted"].Value);
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> SaveAsync(int? id, AwardRuleForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (ModelState.IsValid)
        {
            var result = await rules.SaveAsync(id, form, cancellationToken);
            if (result.Succeeded)
            {
                Notice(T["Rules.Saved"].Value);
                return RedirectToAction(nameof(Index));
            }

            if (result.Conflict is { } conflict)
            {
                ShowConflict(conflict, T);
                form.Version = conflict.CurrentVersion;
                Response.StatusCode = StatusCodes.Status409Conflict;
            }
            else
            {
                AddErrors(result, T);
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        }
        else
        {
            ModelState.AddModelError(string.Empty, T["Proposal.BadInput"].Value);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View("Edit", new AwardRuleEditViewModel(id, form, await rules.AwardOptionsAsync(cancellationToken)));
    }
}
