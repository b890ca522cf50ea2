using System.Net;
using EmulationPortal.Proposals;
using EmulationPortal.Tests.Integration;
using EmulationPortal.Tests.Search;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Tests.Proposals.Composing;

public sealed class UnitProposalsDossierTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Dossier_PdfIsStoredAndDownloadable_ByTheUnitOnly_AndAnExecutableRenamedPdfIsRefused()
    {
        var s = await UnitProposalsScenario.CreateAsync(factory);
        var id = await s.CreateProposalAsync();
        var pdf = TestDocuments.Pdf(["Biên bản họp bình xét"]);

        using var fake = await s.UploadAsync(id, ProposalDocumentKind.ReviewMinutes, null, [0x4D, 0x5A, 0x90, 0x00, 0x03], "bien-ban.pdf");
        using var uploaded = await s.UploadAsync(id, ProposalDocumentKind.ReviewMinutes, null, pdf, "biên-bản.pdf");
        var documentId = await factory.WithDbAsync(db => db.ProposalDocuments.Where(d => d.ProposalId == id).Select(d => d.Id).SingleAsync());
        using var own = await s.Reporter.GetAsync(new Uri($"/don-vi/de-nghi/{id}/tai-lieu/{documentId}", UriKind.Relative));
        var other = await UnitProposalsScenario.ReporterAsync(factory, s.UnitB);
        using var foreign = await other.GetAsync(new Uri($"/don-vi/de-nghi/{id}/tai-lieu/{documentId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.Contains("Nội dung tệp không đúng", Html.Text(await fake.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(pdf, await own.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task AchievementReport_WithoutANominee_IsRefused()
    {
        var s = await UnitProposalsScenario.CreateAsync(factory);
        var id = await s.CreateProposalAsync();

        using var response = await s.UploadAsync(id, ProposalDocumentKind.AchievementReport, null, TestDocuments.Pdf(["Báo cáo"]), "bao-cao.pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Báo cáo thành tích cần chọn", Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.ProposalDocuments.AnyAsync(d => d.ProposalId == id)));
    }

    [Fact]
    public async Task AddNominee_WithAStaleVersion_Is409_AndAddsNothing()
    {
        var s = await UnitProposalsScenario.CreateAsync(factory);
        var id = await s.CreateProposalAsync();
        var stale = await UnitProposalsScenario.VersionAsync(factory, id);
        using (var first = await s.AddPersonAsync(factory, id, s.PersonA))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var second = await TestUsers.PostFormAsync(s.Reporter, $"/don-vi/de-nghi/{id}", $"/don-vi/de-nghi/{id}/de-cu", new Dictionary<string, string>
        {
            ["Kind"] = "0", ["StaffMemberId"] = s.PersonA1.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AwardTypeId"] = s.AwardId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Version"] = stale.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("vừa được người khác thay đổi", Html.Text(await second.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Nominees.CountAsync(n => n.ProposalId == id)));
    }

    [Fact]
    public async Task Withdraw_WithAStaleVersion_Is409_AndTheStatusStays()
    {
        var s = await UnitProposalsScenario.CreateAsync(factory);
        var id = await s.CreateProposalAsync();
        var stale = await UnitProposalsScenario.VersionAsync(factory, id);
        using (var added = await s.AddPersonAsync(factory, id, s.PersonA))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        using var response = await TestUsers.PostFormAsync(s.Reporter, $"/don-vi/de-nghi/{id}", $"/don-vi/de-nghi/{id}/chuyen", new Dictionary<string, string>
        {
            ["action"] = ((int)ProposalAction.Withdraw).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["version"] = stale.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Html.AssertNoStackTrace(await response.Content.ReadAsStringAsync());
        Assert.Equal(ProposalStatus.Draft, await factory.WithDbAsync(db => db.Proposals.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task Notices_AreListed_AndMarkedReadByPost_OnlyForTheOwnUnit()
    {
        var s = await UnitProposalsScenario.CreateAsync(factory);
        var id = await s.CreateProposalAsync();
        var text = $"Hồ sơ đã bị trả lại: thiếu biên bản {s.Tag}";
        var noticeId = await factory.WithDbAsync(async db =>
        {
            var notice = new UnitNotice { UnitId = s.UnitA, ProposalId = id, Text = text, CreatedAt = DateTime.UtcNow };
            db.UnitNotices.Add(notice);
            await db.SaveChangesAsync();
            return notice.Id;
        });
        var other = await UnitProposalsScenario.ReporterAsync(factory, s.UnitB);

        var list = Html.Text(await s.Reporter.GetStringAsync(new Uri("/don-vi/de-nghi", UriKind.Relative)));
        using var foreign = await TestUsers.PostFormAsync(other, "/don-vi/de-nghi/tao-moi", $"/don-vi/de-nghi/thong-bao/{noticeId}/da-doc", new Dictionary<string, string>());
        using var own = await TestUsers.PostFormAsync(s.Reporter, "/don-vi/de-nghi", $"/don-vi/de-nghi/thong-bao/{noticeId}/da-doc", new Dictionary<string, string>());

        Assert.Contains(text, list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.NotNull(await factory.WithDbAsync(db => db.UnitNotices.Where(n => n.Id == noticeId).Select(n => n.ReadAt).SingleAsync()));
    }
}
