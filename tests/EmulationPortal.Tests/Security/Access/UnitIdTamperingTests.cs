using System.Globalization;
using System.Net;
using EmulationPortal.Proposals;
using EmulationPortal.Tests.Integration;
using EmulationPortal.Tests.Proposals.Composing;
using EmulationPortal.Tests.Search;
using Microsoft.EntityFrameworkCore;
using static EmulationPortal.Tests.Admin.ContentTestSupport;
using static EmulationPortal.Tests.Participation.RegistrationTestSupport;

namespace EmulationPortal.Tests.Security.Access;

/// <summary>
/// ASVS V8.2 (object-level authorization): a unit reporter who puts another unit's ids into the addresses of the unit
/// pages gets 404, never the other unit's data, and changes nothing of it, whether reading (GET) or writing (POST).
/// </summary>
public sealed class UnitIdTamperingTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Unit B's draft with a nominee, a dossier paper and a notice; unit A's reporter with a draft of its own.</summary>
    private async Task<(UnitProposalsScenario A, int OwnId, int ForeignId, int ForeignNominee, int ForeignDocument, long ForeignNotice, string[] Secrets)> ForeignProposalAsync()
    {
        var a = await UnitProposalsScenario.CreateAsync(factory);
        var b = a with { Reporter = await UnitProposalsScenario.ReporterAsync(factory, a.UnitB) };
        var ownId = await a.CreateProposalAsync();
        var foreignId = await b.CreateProposalAsync();
        using (var added = await b.AddPersonAsync(factory, foreignId, b.PersonB))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        using (var uploaded = await b.UploadAsync(foreignId, ProposalDocumentKind.ReviewMinutes, null, TestDocuments.Pdf(["Biên bản"]), $"bien-ban-don-vi-b-{a.Tag}.pdf"))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        var noticeText = $"Thông báo riêng của đơn vị B {a.Tag}";
        var (nominee, document, notice, unitB, personB) = await factory.WithDbAsync(async db =>
        {
            var n = new UnitNotice { UnitId = a.UnitB, ProposalId = foreignId, Text = noticeText, CreatedAt = DateTime.UtcNow };
            db.UnitNotices.Add(n);
            await db.SaveChangesAsync();
            return (
                await db.Nominees.Where(x => x.ProposalId == foreignId).Select(x => x.Id).SingleAsync(),
                await db.ProposalDocuments.Where(x => x.ProposalId == foreignId).Select(x => x.Id).SingleAsync(),
                n.Id,
                await db.Units.Where(u => u.Id == a.UnitB).Select(u => u.Name).SingleAsync(),
                await db.StaffMembers.Where(p => p.Id == a.PersonB).Select(p => p.FullName).SingleAsync());
        });

        return (a, ownId, foreignId, nominee, document, notice, [unitB, personB, noticeText, $"bien-ban-don-vi-b-{a.Tag}"]);
    }

    /// <summary>Everything of unit B's proposal that a write could change.</summary>
    private Task<string> SnapshotAsync(int proposalId, long noticeId) => factory.WithDbAsync(async db =>
    {
        var p = await db.Proposals.AsNoTracking().SingleAsync(x => x.Id == proposalId);
        var nominees = await db.Nominees.AsNoTracking().Where(n => n.ProposalId == proposalId).OrderBy(n => n.Id)
            .Select(n => $"{n.Id}:{n.Version}:{n.StaffMemberId}:{n.AwardTypeId}:{n.Achievement}").ToListAsync();
        var documents = await db.ProposalDocuments.AsNoTracking().Where(d => d.ProposalId == proposalId).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
        var notice = await db.UnitNotices.AsNoTracking().SingleAsync(n => n.Id == noticeId);
        return $"{p.Version}|{p.Status}|{p.Title}|{p.CoverText}|{p.UpdatedAt:O}|{string.Join(",", nominees)}|{string.Join(",", documents)}|{notice.ReadAt:O}";
    });

    [Fact]
    public async Task AnotherUnitsProposalIds_InEveryUnitProposalAddress_Are404_ShowNothing_AndChangeNothing()
    {
        var (a, own, foreign, nominee, document, notice, secrets) = await ForeignProposalAsync();
        var before = await SnapshotAsync(foreign, notice);
        var version = S(await UnitProposalsScenario.VersionAsync(factory, foreign));
        var nomineeVersion = await factory.WithDbAsync(db => db.Nominees.Where(n => n.Id == nominee).Select(n => n.Version).SingleAsync());
        var token = Html.AntiforgeryToken(await a.Reporter.GetStringAsync(new Uri($"/don-vi/de-nghi/{own}", UriKind.Relative)));
        var nomineeForm = new Dictionary<string, string>
        {
            ["Kind"] = "0", ["StaffMemberId"] = S(a.PersonA), ["AwardTypeId"] = S(a.AwardId), ["Achievement"] = "Ghi đè", ["Version"] = S(nomineeVersion),
        };

        var gets = new[]
        {
            $"/don-vi/de-nghi/{foreign}",
            $"/don-vi/de-nghi/{foreign}/de-cu/{nominee}",
            $"/don-vi/de-nghi/{foreign}/nhap",
            $"/don-vi/de-nghi/{foreign}/tai-lieu/{document}",
            $"/don-vi/de-nghi/{own}/de-cu/{nominee}",
            $"/don-vi/de-nghi/{own}/tai-lieu/{document}",
        };
        var posts = new (string Url, Dictionary<string, string> Fields)[]
        {
            ($"/don-vi/de-nghi/thong-bao/{notice}/da-doc", []),
            ($"/don-vi/de-nghi/{foreign}/thong-tin", new() { ["Kind"] = "0", ["Year"] = S(DateTime.UtcNow.Year), ["Title"] = "Ghi đè", ["Version"] = version }),
            ($"/don-vi/de-nghi/{foreign}/to-trinh-mau", new() { ["version"] = version }),
            ($"/don-vi/de-nghi/{foreign}/de-cu", new(nomineeForm) { ["Version"] = version }),
            ($"/don-vi/de-nghi/{foreign}/de-cu/{nominee}", nomineeForm),
            ($"/don-vi/de-nghi/{foreign}/de-cu/{nominee}/xoa", new() { ["version"] = S(nomineeVersion) }),
            ($"/don-vi/de-nghi/{foreign}/nhap/xem-truoc", new() { ["text"] = "Nguyễn Văn A\tPhòng A\tGiấy khen\tThành tích" }),
            ($"/don-vi/de-nghi/{foreign}/nhap/xac-nhan", new() { ["rows"] = "Nguyễn Văn A\tPhòng A\tGiấy khen\tThành tích", ["version"] = version }),
            ($"/don-vi/de-nghi/{foreign}/tai-lieu/{document}/xoa", []),
            ($"/don-vi/de-nghi/{foreign}/chuyen", new() { ["action"] = S((int)ProposalAction.Submit), ["version"] = version }),
            ($"/don-vi/de-nghi/{foreign}/chuyen", new() { ["action"] = S((int)ProposalAction.Withdraw), ["version"] = version }),
        };

        var answers = new List<(string Request, HttpResponseMessage Response)>();
        foreach (var url in gets)
        {
            answers.Add(($"GET {url}", await a.Reporter.GetAsync(new Uri(url, UriKind.Relative))));
        }

        foreach (var (url, fields) in posts)
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token });
            answers.Add(($"POST {url}", await a.Reporter.PostAsync(new Uri(url, UriKind.Relative), content)));
        }

        answers.Add(($"POST /don-vi/de-nghi/{foreign}/tai-lieu (upload)", await PostMultipartAsync(
            a.Reporter, $"/don-vi/de-nghi/{own}", $"/don-vi/de-nghi/{foreign}/tai-lieu", [new("kind", "0"), new("title", "Ghi đè")], ("file", "gia-mao.pdf", Pdf()))));

        var wrong = new List<string>();
        foreach (var (request, response) in answers)
        {
            var body = Html.Text(await response.Content.ReadAsStringAsync());
            Html.AssertNoStackTrace(body);
            if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden))
            {
                wrong.Add($"{request}: {(int)response.StatusCode}");
            }

            wrong.AddRange(secrets.Where(s => body.Contains(s, StringComparison.Ordinal)).Select(s => $"{request}: shows \"{s}\""));
            response.Dispose();
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(before, await SnapshotAsync(foreign, notice));
    }

    [Fact]
    public async Task OwnProposal_WithAnotherUnitsNomineeOrPaper_ChangesNothingOfTheOtherUnit()
    {
        var (a, own, foreign, nominee, document, notice, secrets) = await ForeignProposalAsync();
        var before = await SnapshotAsync(foreign, notice);
        var token = Html.AntiforgeryToken(await a.Reporter.GetStringAsync(new Uri($"/don-vi/de-nghi/{own}", UriKind.Relative)));
        var nomineeVersion = await factory.WithDbAsync(db => db.Nominees.Where(n => n.Id == nominee).Select(n => n.Version).SingleAsync());
        var posts = new (string Url, Dictionary<string, string> Fields)[]
        {
            ($"/don-vi/de-nghi/{own}/de-cu/{nominee}", new()
            {
                ["Kind"] = "0", ["StaffMemberId"] = S(a.PersonA), ["AwardTypeId"] = S(a.AwardId), ["Achievement"] = "Ghi đè", ["Version"] = S(nomineeVersion),
            }),
            ($"/don-vi/de-nghi/{own}/de-cu/{nominee}/xoa", new() { ["version"] = S(nomineeVersion) }),
            ($"/don-vi/de-nghi/{own}/tai-lieu/{document}/xoa", []),
        };

        foreach (var (url, fields) in posts)
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token });
            using var response = await a.Reporter.PostAsync(new Uri(url, UriKind.Relative), content);
            var body = Html.Text(await response.Content.ReadAsStringAsync());

            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"POST {url}: {(int)response.StatusCode}");
            Assert.DoesNotContain(secrets, s => body.Contains(s, StringComparison.Ordinal));
        }

        Assert.Equal(before, await SnapshotAsync(foreign, notice));
    }

    [Fact]
    public async Task AnotherUnitsReportAttachment_UnderTheUnitsOwnReportId_Is404()
    {
        var s = await ScenarioAsync(factory);
        using var unitA = await ReporterAsync(factory, s.UnitA);
        using var unitB = await ReporterAsync(factory, s.UnitB);
        await RegisterAsync(unitA, s.CampaignId);
        await RegisterAsync(unitB, s.CampaignId);
        var url = $"/don-vi/bao-cao/{s.OpenRoundId}";
        var secret = $"bao-cao-rieng-don-vi-b-{Guid.NewGuid():N}";
        foreach (var (client, file) in new[] { (unitA, "don-vi-a.pdf"), (unitB, $"{secret}.pdf") })
        {
            using var sent = await PostMultipartAsync(client, url, url, [new("Narrative", "Báo cáo."), new($"Values[{s.ActivitiesId}]", "1"), new($"Values[{s.PeopleId}]", "2")], ("Files", file, Pdf()));
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var (ownReport, foreignReport, foreignAttachment) = await factory.WithDbAsync(async db => (
            await db.ProgressReports.Where(r => r.RoundId == s.OpenRoundId && r.UnitId == s.UnitA).Select(r => r.Id).SingleAsync(),
            await db.ProgressReports.Where(r => r.RoundId == s.OpenRoundId && r.UnitId == s.UnitB).Select(r => r.Id).SingleAsync(),
            await db.ProgressReports.Where(r => r.RoundId == s.OpenRoundId && r.UnitId == s.UnitB).SelectMany(r => r.Attachments).Select(x => x.Id).SingleAsync()));

        using var mixed = await unitA.GetAsync(new Uri($"/don-vi/bao-cao/xem/{ownReport}/tep/{foreignAttachment}", UriKind.Relative));
        using var foreignById = await unitA.GetAsync(new Uri($"/don-vi/bao-cao/xem/{foreignReport}", UriKind.Relative));
        using var foreignFile = await unitA.GetAsync(new Uri($"/don-vi/bao-cao/xem/{foreignReport}/tep/{foreignAttachment}", UriKind.Relative));

        foreach (var response in new[] { mixed, foreignById, foreignFile })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(secret, await BodyAsync(response), StringComparison.Ordinal);
        }
    }
}
