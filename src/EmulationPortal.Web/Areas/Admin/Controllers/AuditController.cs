using EmulationPortal.Accounts;
using EmulationPortal.Audit;
using EmulationPortal.Web.Areas.Admin.Models;
using EmulationPortal.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace EmulationPortal.Web.Areas.Admin.Controllers;

/// <summary>The audit log (Administrator only), read-only: there is no action that edits or deletes an entry.</summary>
[Authorize(Policy = Policies.CanAdminister)]
public sealed class AuditController(AuditQueryService audit) : AdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "nguoi-dung")] string? userName,
        [FromQuery(Name = "hanh-dong")] string? action,
        [FromQuery(Name = "doi-tuong")] string? entityType,
        [FromQuery(Name = "tu-ngay")] string? from,
        [FromQuery(Name = "den-ngay")] string? to,
        [FromQuery(Name = "trang")] string? page,
        CancellationToken cancellationToken)
    {
        var q = new QueryValues();
        var invalid = false;
        var fromDate = AccountsFormHelpers.Date(from, ref invalid);
        var toDate = AccountsFormHelpers.Date(to, ref invalid);
        var filter = new AuditFilter(q.Text(userName), q.Text(action), q.Text(entityType), fromDate, toDate, q.Page(page));
        var list = await audit.ListAsync(filter, cancellationToken);
        var pager = AccountsFormHelpers.Pager(
            list, "/Admin/Audit", ("nguoi-dung", filter.UserName), ("hanh-dong", filter.Action), ("doi-tuong", filter.EntityType),
            ("tu-ngay", fromDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("den-ngay", toDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        return View(new AuditIndexViewModel(
            list, filter.UserName, filter.Action, filter.EntityType, fromDate, toDate, await audit.FilterOptionsAsync(cancellationToken), q.HasInvalid || invalid, pager));
    }
}
