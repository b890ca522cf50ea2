using EmulationPortal.Accounts;
using EmulationPortal.Organisation;
using EmulationPortal.Web.Areas.Admin.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>Kỷ luật (/Admin/Discipline): dated discipline records per staff member, read by the rule checks.</summary>
[Authorize(Policy = Policies.CanConfigureAwards)]
public sealed class DisciplineController(DisciplineAdminService discipline, IStringLocalizer<ComposingResource> T) : AdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index(int? staffMemberId, CancellationToken cancellationToken) =>
        View(new DisciplineIndexViewModel(await discipline.ListAsync(staffMemberId, cancellationToken), await discipline.StaffOptionsAsync(cancellationToken), staffMemberId));

    [HttpGet]
    public async Task<IActionResult> Create(int? staffMemberId, CancellationToken cancellationToken) =>
        View("Edit", new DisciplineEditViewModel(null, new DisciplineForm { StaffMemberId = staffMemberId }, await discipline.StaffOptionsAsync(cancellationToken)));

    [HttpPost]
    public Task<IActionResult> Create(DisciplineForm input, CancellationToken cancellationToken) => SaveAsync(null, input, cancellationToken);

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var form = await discipline.GetAsync(id, cancellationToken);
        return form is null ? NotFound() : View(new DisciplineEditViewModel(id, form, await discipline.StaffOptionsAsync(cancellationToken)));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(int id, DisciplineForm input, CancellationToken cancellationToken) =>
        await discipline.GetAsync(id, cancellationToken) is null ? NotFound() : await SaveAsync(id, input, cancellationToken);

    [HttpPost]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        if (!await discipline.DeleteAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Notice(T["Discipline.Deleted"].Value);
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> SaveAsync(int? id, DisciplineForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (ModelState.IsValid)
        {
            var result = await discipline.SaveAsync(id, form, cancellationToken);
            if (result.Succeeded)
            {
                Notice(T["Discipline.Saved"].Value);
                return RedirectToAction(nameof(Index), new { staffMemberId = form.StaffMemberId });
            }

            AddErrors(result, T);
        }
        else
        {
            ModelState.AddModelError(string.Empty, T["Proposal.BadInput"].Value);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Edit", new DisciplineEditViewModel(id, form, await discipline.StaffOptionsAsync(cancellationToken)));
    }
}
