using System.Net;
using EmulationPortal.Proposals;
using EmulationPortal.Tests.Integration;
using EmulationPortal.Tests.Search;
using EmulationPortal.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace EmulationPortal.Tests.Proposals.Composing;

public sealed class UnitProposalsPagesTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly string Pdf = "hồ-sơ.pdf";

    /// <summary>The text a user reads for a workflow code: the workflow's strings, else this part's.</summary>
    private string Expected(string code, params object[] args)
    {
        using var scope = factory.Services.CreateScope();
        var workflow = scope.ServiceProvider.GetRequiredService<IStringLocalizer<WorkflowResource>>()[code, args];
        var text = workflow.ResourceNotFound ? scope.ServiceProvider.GetRequiredService<IStringLocalizer<ComposingResource>>()[code, args] : workflow;
        Assert.False(text.ResourceNotFound, code);
        return text.Value;
    }

    [Fact]
    public async Task AnotherUnitsReporter_OpeningTheProposalById_GetsNotFound_AndCannotAddToIt()
    {
        var s = await UnitProposalsScenario.CreateAsync(factory);
        var id = await s.CreateProposalAsync();
        var other = await UnitProposalsScenario.ReporterAsync(factory, s.UnitB);

        using var page = await other.GetAsync(new Uri($"/don-vi/de-nghi/{id}", UriKind.Relative));
        var ownList = await other.GetStringAsync(new Uri("/don-vi/de-nghi", UriKind.Relative));
        using var post = await TestUsers.PostFormAsync(other, "/don-vi/de-nghi", $"/don-vi/de-nghi/{id}/de-cu", new Dictionary<string, string>
        {
            ["Kind"] = "0", ["StaffMemberId"] = s.PersonB.ToString(System.Globalization.CultureInfo.InvariantCulture), ["AwardTypeId"] = s.AwardId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain($"/don-vi/de-nghi/{id}\"", ownList, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Nominees.CountAsync(n => n.ProposalId == id)));
    }

    [Fact]
    public async Task AddNominee_FromTheSubUnit_IsAdded_FromAnotherUnit_IsRefusedWithAMessage()
    {
        var s = await UnitProposalsScenario.CreateAsync(factory);
        var id = await s.CreateProposalAsync();

        using var inside = await s.AddPersonAsync(factory, id, s.PersonA1);
        using var outside = await s.AddPersonAsync(factory, id, s.PersonB);
        var body = Html.Text(await outside.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, inside.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("không thuộc đơn vị", body, StringComparison.Ordinal);
        var staff = await factory.WithDbAsync(db => db.Nominees.Where(n => n.ProposalId == id).Select(n => n.StaffMemberId).ToListAsync());
        Assert.Equal([s.PersonA1], staff.Select(x => x!.Value));
    }

    [Fact]
    public async Task AddNominee_TheSamePersonAndAwardTwice_IsRefused()
    {
        var s = await UnitProposalsScenario.CreateAsync(factory);
        var id = await s.CreateProposalAsync();

        using var first = await s.AddPersonAsync(factory, id, s.PersonA);
        using var second = await s.AddPersonAsync(factory, id, s.PersonA);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("đã có trong danh sách", Html.Text(await second.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Nominees.CountAsync(n => n.ProposalId == id)));
    }

    [Fact]
    public async Task ImportFromXlsx_PreviewListsEachRowsProblems_ConfirmAddsOnlyTheGoodRows()
    {
        var s = await UnitProposalsScenario.CreateAsync(factory);
        var id = await s.CreateProposalAsync();
        var unitA = await factory.WithDbAsync(db => db.Units.Where(u => u.Id == s.UnitA).Select(u => u.Name).SingleAsync());
        var unitB = await factory.WithDbAsync(db => db.Units.Where(u => u.Id == s.UnitB).Select(u => u.Name).SingleAsync());
        var personB = await factory.WithDbAsync(db => db.StaffMembers.Where(p => p.Id == s.PersonB).Select(p => p.FullName).SingleAsync());
        var rows = new[]
        {
            new Dictionary<string, object> { ["Họ và tên"] = s.PersonAName, ["Đơn vị"] = unitA, ["Danh hiệu"] = s.AwardName, ["Thành tích"] = "Hoàn thành xuất sắc nhiệm vụ." },
            new Dictionary<string, object> { ["Họ và tên"] = personB, ["Đơn vị"] = unitB, ["Danh hiệu"] = s.AwardName, ["Thành tích"] = "" },
            new Dictionary<string, object> { ["Họ và tên"] = unitA, ["Đơn vị"] = "", ["Danh hiệu"] = "Danh hiệu không có", ["Thành tích"] = "" },
        };
        using var xlsx = new MemoryStream();
        await xlsx.SaveAsAsync(rows);
        var page = await s.Reporter.GetStringAsync(new Uri($"/don-vi/de-nghi/{id}/nhap", UriKind.Relative));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(xlsx.ToArray()), "file", "danh-sach.xlsx" },
        };

        using var preview = await s.Reporter.PostAsync(new Uri($"/don-vi/de-nghi/{id}/nhap/xem-truoc", UriKind.Relative), form);
        var previewHtml = await preview.Content.ReadAsStringAsync();
        var previewText = Html.Text(previewHtml);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("3 dòng: 1 hợp lệ, 2 có lỗi", previewText, StringComparison.Ordinal);
        Assert.Contains($"{personB} không thuộc đơn vị", previewText, StringComparison.Ordinal);
        Assert.Contains("Danh hiệu không có", previewText, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Nominees.CountAsync(n => n.ProposalId == id)));

        var rowsValue = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(previewHtml, "name=\"rows\" value=\"([^\"]*)\"").Groups[1].Value);
        using var confirm = await TestUsers.PostFormAsync(s.Reporter, $"/don-vi/de-nghi/{id}/nhap", $"/don-vi/de-nghi/{id}/nhap/xac-nhan", new Dictionary<string, string>
        {
            ["rows"] = rowsValue, ["version"] = (await UnitProposalsScenario.VersionAsync(factory, id)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var added = await factory.WithDbAsync(db => db.Nominees.Where(n => n.ProposalId == id).Select(n => new { n.StaffMemberId, n.Achievement }).ToListAsync());
        var only = Assert.Single(added);
        Assert.Equal(s.PersonA, only.StaffMemberId);
        Assert.Equal("Hoàn thành xuất sắc nhiệm vụ.", only.Achievement);
    }

    [Fact]
    public async Task Submit_WithoutTheRequiredDocuments_Is400WithTheMessage_ThenWithThemIsSubmitted_AndNoLongerEditable()
    {
        var s = await UnitProposalsScenario.CreateAsync(factory);
        var id = await s.CreateProposalAsync();
        using (var added = await s.AddPersonAsync(factory, id, s.PersonA))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        using var refused = await s.MoveAsync(factory, id, ProposalAction.Submit);
        var refusedText = Html.Text(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(Expected("Proposal.Submit.MissingMinutes"), refusedText, StringComparison.Ordinal);
        Assert.Contains(Expected("Proposal.Submit.MissingReport", s.PersonAName), refusedText, StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Draft, await factory.WithDbAsync(db => db.Proposals.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));

        var nomineeId = await factory.WithDbAsync(db => db.Nominees.Where(n => n.ProposalId == id).Select(n => n.Id).SingleAsync());
        using (var minutes = await s.UploadAsync(id, ProposalDocumentKind.ReviewMinutes, null, TestDocuments.Pdf(["Biên bản họp bình xét"]), Pdf))
        {
            Assert.Equal(HttpStatusCode.Redirect, minutes.StatusCode);
        }

        using (var report = await s.UploadAsync(id, ProposalDocumentKind.AchievementReport, nomineeId, TestDocuments.Docx("Báo cáo thành tích"), "bao-cao.docx"))
        {
            Assert.Equal(HttpStatusCode.Redirect, report.StatusCode);
        }

        using var submitted = await s.MoveAsync(factory, id, ProposalAction.Submit);

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(ProposalStatus.Submitted, await factory.WithDbAsync(db => db.Proposals.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
        var shown = Html.Text(await s.Reporter.GetStringAsync(new Uri($"/don-vi/de-nghi/{id}", UriKind.Relative)));
        Assert.Contains("không sửa được", shown, StringComparison.Ordinal);
        Assert.DoesNotContain($"action=\"/don-vi/de-nghi/{id}/de-cu\"", shown, StringComparison.Ordinal);

        using var lateAdd = await s.AddPersonAsync(factory, id, s.PersonA1);
        using var lateEdit = await TestUsers.PostFormAsync(s.Reporter, $"/don-vi/de-nghi/{id}", $"/don-vi/de-nghi/{id}/thong-tin", new Dictionary<string, string>
        {
            ["Kind"] = "0", ["Year"] = "2020", ["Title"] = "Đổi tên sau khi gửi",
            ["Version"] = (await UnitProposalsScenario.VersionAsync(factory, id)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.BadRequest, lateAdd.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, lateEdit.StatusCode);
        Assert.Contains("không sửa được", Html.Text(await lateEdit.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.Proposals.Where(p => p.Id == id).Select(p => new { p.Title, p.Year, Count = p.Nominees.Count }).SingleAsync());
        Assert.NotEqual("Đổi tên sau khi gửi", stored.Title);
        Assert.Equal(1, stored.Count);
    }

    [Fact]
    public async Task ComposeCover_FillsTheTemplateWithTheUnitYearAndNominees()
    {
        var s = await UnitProposalsScenario.CreateAsync(factory);
        var id = await s.CreateProposalAsync(2025);
        using (var added = await s.AddPersonAsync(factory, id, s.PersonA))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        using var composed = await TestUsers.PostFormAsync(s.Reporter, $"/don-vi/de-nghi/{id}", $"/don-vi/de-nghi/{id}/to-trinh-mau", new Dictionary<string, string>
        {
            ["version"] = (await UnitProposalsScenario.VersionAsync(factory, id)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, composed.StatusCode);
        var cover = await factory.WithDbAsync(db => db.Proposals.Where(p => p.Id == id).Select(p => p.CoverText).SingleAsync());
        Assert.Contains("TỜ TRÌNH", cover, StringComparison.Ordinal);
        Assert.Contains("năm 2025", cover, StringComparison.Ordinal);
        Assert.Contains($"1. {s.PersonAName}, Chuyên viên – {s.AwardName}", cover, StringComparison.Ordinal);
        Assert.Contains("I. CÁ NHÂN", cover, StringComparison.Ordinal);
        Assert.Matches(@"ngày \d{2} tháng \d{1,2} năm \d{4}", cover);
    }

    [Fact]
    public async Task EveryPostFormOfTheProposalPages_CarriesAnAntiforgeryToken()
    {
        var s = await UnitProposalsScenario.CreateAsync(factory);
        var id = await s.CreateProposalAsync();
        using (var added = await s.AddPersonAsync(factory, id, s.PersonA))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var nomineeId = await factory.WithDbAsync(db => db.Nominees.Where(n => n.ProposalId == id).Select(n => n.Id).SingleAsync());
        foreach (var url in new[] { "/don-vi/de-nghi/tao-moi", $"/don-vi/de-nghi/{id}", $"/don-vi/de-nghi/{id}/nhap", $"/don-vi/de-nghi/{id}/de-cu/{nomineeId}" })
        {
            var html = await s.Reporter.GetStringAsync(new Uri(url, UriKind.Relative));
            var forms = html.Split("<form").Skip(1).Select(f => f[..f.IndexOf("</form>", StringComparison.Ordinal)]).Where(f => f.Contains("method=\"post\"", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(forms);
            Assert.All(forms, f => Assert.Contains("__RequestVerificationToken", f, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task UnitWorkspace_LinksToTheProposals()
    {
        var s = await UnitProposalsScenario.CreateAsync(factory);

        var page = await s.Reporter.GetStringAsync(new Uri("/don-vi", UriKind.Relative));

        Assert.Contains("href=\"/don-vi/de-nghi\"", page, StringComparison.Ordinal);
    }
}
