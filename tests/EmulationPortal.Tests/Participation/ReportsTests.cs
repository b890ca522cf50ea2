using System.Net;
using System.Text;
using EmulationPortal.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using static EmulationPortal.Tests.Admin.ContentTestSupport;
using static EmulationPortal.Tests.Participation.RegistrationTestSupport;

namespace EmulationPortal.Tests.Participation;

/// <summary>"Gửi báo cáo": a unit reporter submits and edits only their own unit's reports, with checked figures and files.</summary>
public sealed class ReportsTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static KeyValuePair<string, string>[] Fields(ParticipationScenario s, string narrative, string activities, string people) =>
    [
        new("Narrative", narrative), new($"Values[{s.ActivitiesId}]", activities), new($"Values[{s.PeopleId}]", people),
    ];

    [Fact]
    public async Task UnitReporter_SubmitsAReportWithFiguresAndAFile_ItIsStoredForTheirUnit()
    {
        var s = await ScenarioAsync(factory);
        using var client = await ReporterAsync(factory, s.UnitA);
        await RegisterAsync(client, s.CampaignId);
        var url = $"/don-vi/bao-cao/{s.OpenRoundId}";

        using var response = await PostMultipartAsync(client, url, url, Fields(s, "Đã tổ chức hội thi.\n\nCó 25 người tham gia <b>tích cực</b>.", "3", "25"),
            ("Files", "bao-cao-quy.pdf", Pdf()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var report = await factory.WithDbAsync(db => db.ProgressReports.Include(p => p.Values).Include(p => p.Attachments).ThenInclude(a => a.StoredFile)
            .SingleAsync(p => p.RoundId == s.OpenRoundId));
        Assert.Equal(s.UnitA, report.UnitId);
        Assert.Equal(25m, report.Values.Single(v => v.IndicatorId == s.PeopleId).Value);
        Assert.Equal("bao-cao-quy.pdf", Assert.Single(report.Attachments).StoredFile!.OriginalName);
        Assert.Contains("<p>Đã tổ chức hội thi.</p>", report.Narrative, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", report.Narrative, StringComparison.Ordinal);
        var page = Html.Text(await client.GetStringAsync(new Uri(url, UriKind.Relative)));
        Assert.Contains("Đã nộp đúng hạn", page, StringComparison.Ordinal);
        Assert.Contains("bao-cao-quy.pdf", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALateReport_ShowsHowManyDaysLate_AndEditingKeepsTheFirstSubmissionDate()
    {
        var s = await ScenarioAsync(factory);
        using var client = await ReporterAsync(factory, s.UnitA);
        await RegisterAsync(client, s.CampaignId);
        var url = $"/don-vi/bao-cao/{s.LateRoundId}";
        using (var first = await PostMultipartAsync(client, url, url, Fields(s, "Báo cáo sơ kết.", "1", "5")))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var version = await factory.WithDbAsync(db => db.ProgressReports.Where(p => p.RoundId == s.LateRoundId).Select(p => p.Version).SingleAsync());
        using var second = await PostMultipartAsync(client, url, url,
            [.. Fields(s, "Báo cáo sơ kết, bổ sung.", "2", "6"), new("Version", version.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var page = Html.Text(await client.GetStringAsync(new Uri(url, UriKind.Relative)));
        Assert.Contains("Nộp muộn 3 ngày", page, StringComparison.Ordinal);
        Assert.Contains("bổ sung", page, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ProgressReports.CountAsync(p => p.RoundId == s.LateRoundId)));
    }

    [Fact]
    public async Task AnotherUnitsReport_CannotBeReadOrWritten_WithATamperedId()
    {
        var s = await ScenarioAsync(factory);
        using var unitB = await ReporterAsync(factory, s.UnitB);
        await RegisterAsync(unitB, s.CampaignId);
        var url = $"/don-vi/bao-cao/{s.OpenRoundId}";
        using (var sent = await PostMultipartAsync(unitB, url, url, Fields(s, "Bí mật của đơn vị B.", "7", "20"), ("Files", "don-vi-b.pdf", Pdf())))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var (reportId, attachmentId) = await factory.WithDbAsync(async db =>
        {
            var r = await db.ProgressReports.Include(p => p.Attachments).SingleAsync(p => p.RoundId == s.OpenRoundId && p.UnitId == s.UnitB);
            return (r.Id, r.Attachments.Single().Id);
        });

        // Unit C is not expected in the campaign: its reporter tries B's report by id, its file, and the round.
        using var unitC = await ReporterAsync(factory, s.UnitC);
        using var byId = await unitC.GetAsync(new Uri($"/don-vi/bao-cao/xem/{reportId}", UriKind.Relative));
        using var file = await unitC.GetAsync(new Uri($"/don-vi/bao-cao/xem/{reportId}/tep/{attachmentId}", UriKind.Relative));
        using var round = await unitC.GetAsync(new Uri(url, UriKind.Relative));
        using var post = await PostMultipartAsync(unitC, "/don-vi", url, Fields(s, "Ghi đè", "0", "0"));

        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, round.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        foreach (var response in new[] { byId, file, round, post })
        {
            Assert.DoesNotContain("Bí mật của đơn vị B", await BodyAsync(response), StringComparison.Ordinal);
        }

        // Unit A is expected too: its own form is empty, and its post creates A's report, never changes B's.
        using var unitA = await ReporterAsync(factory, s.UnitA);
        await RegisterAsync(unitA, s.CampaignId);
        using var aById = await unitA.GetAsync(new Uri($"/don-vi/bao-cao/xem/{reportId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, aById.StatusCode);
        Assert.DoesNotContain("Bí mật của đơn vị B", Html.Text(await unitA.GetStringAsync(new Uri(url, UriKind.Relative))), StringComparison.Ordinal);
        using var aPost = await PostMultipartAsync(unitA, url, url, [.. Fields(s, "Báo cáo của A", "1", "1"), new("Version", "1"), new("ReportId", reportId.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, aPost.StatusCode);
        var stored = await factory.WithDbAsync(db => db.ProgressReports.AsNoTracking().SingleAsync(p => p.Id == reportId));
        Assert.Equal(s.UnitB, stored.UnitId);
        Assert.Contains("Bí mật của đơn vị B.", stored.Narrative, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALockedRound_RefusesTheReportWithAMessage()
    {
        var s = await ScenarioAsync(factory);
        using var client = await ReporterAsync(factory, s.UnitA);
        await RegisterAsync(client, s.CampaignId);
        var url = $"/don-vi/bao-cao/{s.LockedRoundId}";

        using var response = await PostMultipartAsync(client, $"/don-vi/phong-trao/{s.CampaignId}", url, Fields(s, "Quá muộn", "1", "1"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Đợt báo cáo đã khóa", await BodyAsync(response), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.ProgressReports.AnyAsync(p => p.RoundId == s.LockedRoundId)));
    }

    [Fact]
    public async Task ACampaignTheUnitDidNotRegisterFor_RefusesTheReportWithAMessage()
    {
        var s = await ScenarioAsync(factory);
        using var client = await ReporterAsync(factory, s.UnitA);
        var url = $"/don-vi/bao-cao/{s.OpenRoundId}";

        using var response = await PostMultipartAsync(client, "/don-vi", url, Fields(s, "Chưa đăng ký", "1", "1"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Đơn vị chưa đăng ký thi đua phong trào này", await BodyAsync(response), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.ProgressReports.AnyAsync(p => p.RoundId == s.OpenRoundId)));
    }

    [Fact]
    public async Task NegativeAndAbsurdFigures_AreRefusedWithMessages_AndNothingIsSaved()
    {
        var s = await ScenarioAsync(factory);
        using var client = await ReporterAsync(factory, s.UnitA);
        await RegisterAsync(client, s.CampaignId);
        var url = $"/don-vi/bao-cao/{s.OpenRoundId}";

        // Three active staff: at most 30 people.
        using var response = await PostMultipartAsync(client, url, url, Fields(s, "Số liệu sai", "-1", "31"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Contains("“Số hoạt động” không được là số âm.", body, StringComparison.Ordinal);
        Assert.Contains("“Số người tham gia” không hợp lý: vượt quá 30 người", body, StringComparison.Ordinal);
        using var letters = await PostMultipartAsync(client, url, url, Fields(s, "Chữ", "mười", "1"));
        Assert.Equal(HttpStatusCode.BadRequest, letters.StatusCode);
        Assert.Contains("“Số hoạt động” phải là một số", await BodyAsync(letters), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.ProgressReports.AnyAsync(p => p.RoundId == s.OpenRoundId)));
    }

    [Fact]
    public async Task ADisguisedPdf_IsRefusedByTheUploadRules()
    {
        var s = await ScenarioAsync(factory);
        using var client = await ReporterAsync(factory, s.UnitA);
        await RegisterAsync(client, s.CampaignId);
        var url = $"/don-vi/bao-cao/{s.OpenRoundId}";
        var filesBefore = StoredFileNames(factory).Length;

        using var response = await PostMultipartAsync(client, url, url, Fields(s, "Có tệp giả", "1", "1"),
            ("Files", "bao-cao.pdf", Encoding.ASCII.GetBytes("MZ\u0090\u0000 this is an executable")), ("Files", "chay.exe", Pdf()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Contains("Nội dung tệp “bao-cao.pdf” không đúng với phần mở rộng", body, StringComparison.Ordinal);
        Assert.Contains("Tệp “chay.exe” không được nhận", body, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.ProgressReports.AnyAsync(p => p.RoundId == s.OpenRoundId)));
        Assert.Equal(filesBefore, StoredFileNames(factory).Length);
    }
}
