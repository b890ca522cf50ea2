using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.Decisions;
using EmulationPortal.Proposals;
using EmulationPortal.Tests.Admin;
using EmulationPortal.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace EmulationPortal.Tests.Proposals.Decisions;

/// <summary>
/// The decision pages on the real app: the Office drafts but may not issue (403), the leader issues with the signed
/// PDF and the honor roll shows the nominees, a used number is explained, cancelling withdraws them, the admin
/// honoring pages refuse to delete a workflow commendation, and the statistics page and its .xlsx show the totals.
/// </summary>
public sealed class DecisionPagesTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Office_DraftsAndDownloadsTheDocx_ButIssuingIsForbidden()
    {
        var s = await factory.WithDbAsync(db => DecisionTestData.ScenarioAsync(db));
        var (editor, _) = await AccountsTestHelpers.SignInNewAsync(factory, Roles.Editor);

        var candidates = Html.Text(await editor.GetStringAsync(new Uri("/Admin/Decisions/Candidates", UriKind.Relative)));
        Assert.Contains($"Nguyễn Thị Ánh {s.Tag}", candidates, StringComparison.Ordinal);
        Assert.DoesNotContain($"Lê Đức Cường {s.Tag}", candidates, StringComparison.Ordinal);

        var id = await DraftAsync(editor, s.AnhGiayKhen, s.BinhGiayKhen);
        var details = Html.Text(await editor.GetStringAsync(new Uri($"/Admin/Decisions/Details/{id}", UriKind.Relative)));
        Assert.Contains("Chỉ Lãnh đạo mới được ban hành quyết định", details, StringComparison.Ordinal);
        Assert.Contains("<fieldset disabled", details, StringComparison.Ordinal);

        using var docx = await editor.GetAsync(new Uri($"/Admin/Decisions/Docx/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal(DecisionDocxWriter.ContentType, docx.Content.Headers.ContentType?.MediaType);
        using (var package = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Contains($"Trần Văn Bình {s.Tag}", package.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }

        using var issue = await IssuePostAsync(editor, id, "31/QĐ-STTTT");
        await HonorsTestHelpers.AssertForbiddenAsync(editor, issue);
        var stored = await factory.WithDbAsync(db => db.AwardDecisions.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal(DecisionStatus.Draft, stored.Status);
    }

    [Fact]
    public async Task Leader_Issues_HonorRollShowsTheNominees_AUsedNumberIsExplained_AndCancellingWithdrawsThem()
    {
        var s = await factory.WithDbAsync(db => DecisionTestData.ScenarioAsync(db));
        var (leader, _) = await AccountsTestHelpers.SignInNewAsync(factory, Roles.Leader);
        var number = $"{Random.Shared.Next(100, 99999)}/QĐ-STTTT";
        var first = await DraftAsync(leader, s.AnhGiayKhen, s.UnitGiayKhen);

        using (var issued = await IssuePostAsync(leader, first, number))
        {
            var page = await HonorsTestHelpers.FollowAsync(leader, issued);
            Assert.Contains("Đã ban hành quyết định", page, StringComparison.Ordinal);
        }

        using var anonymous = factory.CreateClient();
        var honors = Html.Text(await anonymous.GetStringAsync(new Uri($"/vinh-danh?nam=2025&don-vi={s.UnitId}", UriKind.Relative)));
        Assert.Contains($"Nguyễn Thị Ánh {s.Tag}", honors, StringComparison.Ordinal);
        Assert.DoesNotContain($"Trần Văn Bình {s.Tag}", honors, StringComparison.Ordinal);

        // Bình of the same proposal is still waiting: the proposal stays until he is decided too.
        Assert.Equal(ProposalStatus.AwaitingDecision, await factory.WithDbAsync(db => db.Proposals.Where(p => p.Id == s.PlainProposalId).Select(p => p.Status).SingleAsync()));

        // The same number again: the message, a 400, and the second draft untouched.
        var second = await DraftAsync(leader, s.BinhGiayKhen);
        using (var reused = await IssuePostAsync(leader, second, number))
        {
            Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
            var body = await HonorsTestHelpers.BodyAsync(reused);
            Assert.Contains($"Số {number} đã được dùng cho một quyết định khác", body, StringComparison.Ordinal);
        }

        Assert.Equal(DecisionStatus.Draft, await factory.WithDbAsync(db => db.AwardDecisions.Where(d => d.Id == second).Select(d => d.Status).SingleAsync()));
        using (var issued = await IssuePostAsync(leader, second, number + "-B"))
        {
            Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        }

        Assert.Equal(ProposalStatus.Awarded, await factory.WithDbAsync(db => db.Proposals.Where(p => p.Id == s.PlainProposalId).Select(p => p.Status).SingleAsync()));

        // The admin honoring pages refuse to delete a commendation of the workflow.
        var commendationId = await factory.WithDbAsync(db => db.Commendations.Where(c => c.AwardDecisionId == first).Select(c => c.Id).FirstAsync());
        using (var delete = await TestUsers.PostFormAsync(leader, $"/Admin/Commendations/Edit/{commendationId}", $"/Admin/Commendations/Delete/{commendationId}", new Dictionary<string, string>()))
        {
            // Leaders may not publish: the refusal comes from the policy. An editor gets the explanation.
            Assert.NotEqual(HttpStatusCode.OK, delete.StatusCode);
        }

        var (editor, _) = await AccountsTestHelpers.SignInNewAsync(factory, Roles.Editor);
        using (var delete = await TestUsers.PostFormAsync(editor, $"/Admin/Commendations/Delete/{commendationId}", $"/Admin/Commendations/Delete/{commendationId}", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
            Assert.Contains("hủy quyết định", await HonorsTestHelpers.BodyAsync(delete), StringComparison.Ordinal);
        }

        Assert.True(await factory.WithDbAsync(db => db.Commendations.AnyAsync(c => c.Id == commendationId)));

        // Cancelling: a reason, then the honor roll no longer shows them and the proposal is DecisionCancelled.
        var version = await factory.WithDbAsync(db => db.AwardDecisions.Where(d => d.Id == first).Select(d => d.Version).SingleAsync());
        using (var cancel = await TestUsers.PostFormAsync(leader, $"/Admin/Decisions/Details/{first}", $"/Admin/Decisions/Cancel/{first}", new Dictionary<string, string>
        {
            ["reason"] = "Quyết định ghi nhầm thành tích",
            ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        }

        var after = Html.Text(await anonymous.GetStringAsync(new Uri($"/vinh-danh?nam=2025&don-vi={s.UnitId}", UriKind.Relative)));
        Assert.DoesNotContain($"Nguyễn Thị Ánh {s.Tag}", after, StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.DecisionCancelled, await factory.WithDbAsync(db => db.Proposals.Where(p => p.Id == s.PlainProposalId).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task Statistics_PageAndXlsx_ShowTheTotalsOfTheYearsIssuedDecisions()
    {
        var s = await factory.WithDbAsync(db => DecisionTestData.ScenarioAsync(db, year: 2019));
        var (leader, _) = await AccountsTestHelpers.SignInNewAsync(factory, Roles.Leader);
        var id = await DraftAsync(leader, s.AnhGiayKhen, s.BinhGiayKhen, s.UnitGiayKhen, s.AnhChienSi);
        var number = $"{Random.Shared.Next(100, 99999)}/QĐ-STTTT";
        using (var issued = await IssuePostAsync(leader, id, number))
        {
            Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        }

        var list = Html.Text(await leader.GetStringAsync(new Uri("/Admin/Decisions?status=Issued", UriKind.Relative)));
        Assert.Contains(number, list, StringComparison.Ordinal);

        var page = Html.Text(await leader.GetStringAsync(new Uri("/Admin/Decisions/Statistics?nam=2019", UriKind.Relative)));
        Assert.Contains("Thống kê khen thưởng năm 2019", page, StringComparison.Ordinal);
        Assert.Contains("data-total=\"collective\">1<", page, StringComparison.Ordinal);
        Assert.Contains("data-total=\"individual\">3<", page, StringComparison.Ordinal);

        using var export = await leader.GetAsync(new Uri("/Admin/Decisions/StatisticsExport?nam=2019&mau=0603", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var total = rows.Last(r => Equals(r["Chỉ tiêu"], "Tổng số"));
        Assert.Equal(1d, Convert.ToDouble(total["Tổng số – Tập thể"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3d, Convert.ToDouble(total["Tổng số – Cá nhân"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(rows, r => Equals(r["Chỉ tiêu"], s.UnitName));

        // An administrator reviews them too (CanReview); a unit reporter may not read them.
        var administrator = await TestUsers.SignedInClientAsync(factory, Roles.Administrator);
        using (var allowed = await administrator.GetAsync(new Uri("/Admin/Decisions/Statistics?nam=2019", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var reporter = await TestUsers.SignedInClientAsync(factory, Roles.UnitReporter);
        using var refused = await reporter.GetAsync(new Uri("/Admin/Decisions/Statistics?nam=2019", UriKind.Relative));
        await HonorsTestHelpers.AssertForbiddenAsync(reporter, refused);
    }

    private static async Task<int> DraftAsync(HttpClient client, params int[] nominees)
    {
        using var response = await AccountsTestHelpers.PostFormAsync(
            client, "/Admin/Decisions/Candidates", "/Admin/Decisions/Create", nominees.Select(n => ("nomineeIds", n.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = AccountsTestHelpers.Location(response);
        return int.Parse(location.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<HttpResponseMessage> IssuePostAsync(HttpClient client, int id, string number)
    {
        var version = await factory.WithDbAsync(db => db.AwardDecisions.Where(d => d.Id == id).Select(d => d.Version).SingleAsync());
        return await HonorsTestHelpers.PostMultipartAsync(
            client, $"/Admin/Decisions/Details/{id}", $"/Admin/Decisions/Issue/{id}",
            new Dictionary<string, string>
            {
                ["Number"] = number, ["SignedOn"] = "2026-03-05", ["SignerName"] = "Nguyễn Văn Ký", ["SignerTitle"] = "GIÁM ĐỐC",
                ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            ("signedPdf", "quyet-dinh-da-ky.pdf", DecisionTestData.SignedPdf(number)));
    }
}
