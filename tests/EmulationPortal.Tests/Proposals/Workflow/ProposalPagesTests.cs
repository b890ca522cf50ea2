using System.Net;
using System.Text.RegularExpressions;
using EmulationPortal.Accounts;
using EmulationPortal.Files;
using EmulationPortal.Honors;
using EmulationPortal.Proposals;
using EmulationPortal.Tests.Integration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Moq;

namespace EmulationPortal.Tests.Proposals.Workflow;

/// <summary>The portal for the workflow's page tests: mail goes to the pickup folder, links use a known public address.</summary>
public sealed class WorkflowAppFactory : PortalAppFactory
{
    public const string BaseUrl = "https://thidua.example.gov.vn";

    public string PickupFolder => Path.Combine(DataFolder, "mail-pickup");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:BaseUrl", BaseUrl);
    }
}

/// <summary>
/// The Office's proposal pages through HTTP: each Office role posts each move (allowed → 302, wrong role → 403, wrong
/// status → 409), two clerks at once, a return that notices and mails the unit, a refused move re-rendered with its
/// Vietnamese reason, downloads, the award settings, and who may open the pages at all.
/// </summary>
public sealed partial class ProposalPagesTests(WorkflowAppFactory factory) : IClassFixture<WorkflowAppFactory>
{
    private static readonly string[] OfficeRoles = [Roles.Editor, Roles.Specialist, Roles.OfficeHead, Roles.CouncilSecretary, Roles.Leader];

    [Fact]
    public async Task RoleByMove_AllowedRolesMoveIt_OthersAreForbidden_AWrongStatusIsAConflict()
    {
        var clients = new Dictionary<string, (HttpClient Client, string Token)>();
        foreach (var role in OfficeRoles)
        {
            var client = await TestUsers.SignedInClientAsync(factory, role);
            clients[role] = (client, Html.AntiforgeryToken(await client.GetStringAsync(new Uri("/Admin/Proposals", UriKind.Relative))));
        }

        var wrong = new List<string>();
        var tried = 0;
        foreach (var rule in ProposalStateMachine.Transitions.Where(r => r.Action is not (ProposalAction.Award or ProposalAction.CancelDecision)))
        {
            foreach (var from in rule.From)
            {
                foreach (var role in OfficeRoles)
                {
                    var id = await ProposalAsync(from, rule.WhenSteps);
                    var (client, token) = clients[role];
                    using var response = await PostMoveAsync(client, token, id, rule.Action, 0, rule.RequiresReason ? "Hồ sơ cần bổ sung." : null);
                    var expected = rule.Roles.Contains(role) ? HttpStatusCode.Redirect : HttpStatusCode.Forbidden;
                    var status = await StatusAsync(id);
                    var expectedStatus = expected == HttpStatusCode.Redirect ? rule.To : from;
                    tried++;
                    if (response.StatusCode != expected || status != expectedStatus
                        || (expected == HttpStatusCode.Redirect && !string.Equals(response.Headers.Location?.OriginalString, $"/Admin/Proposals/{id}", StringComparison.OrdinalIgnoreCase)))
                    {
                        wrong.Add($"{rule.Action} from {from} by {role}: {(int)response.StatusCode} {response.Headers.Location}, now {status}");
                    }
                }
            }

            // The same move from a status it is not valid from, by a role that may take it elsewhere.
            var allowed = rule.Roles.FirstOrDefault(OfficeRoles.Contains);
            var invalidFrom = Enum.GetValues<ProposalStatus>().First(s => ProposalStateMachine.Find(rule.Action, s, rule.WhenSteps) is null);
            if (allowed is not null)
            {
                var id = await ProposalAsync(invalidFrom, rule.WhenSteps);
                var (client, token) = clients[allowed];
                using var response = await PostMoveAsync(client, token, id, rule.Action, 0, "Lý do");
                var body = await response.Content.ReadAsStringAsync();
                tried++;
                if (response.StatusCode != HttpStatusCode.Conflict || !body.Contains("không thực hiện được ở trạng thái hiện tại", StringComparison.Ordinal)
                    || await StatusAsync(id) != invalidFrom)
                {
                    wrong.Add($"{rule.Action} from {invalidFrom} by {allowed}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(tried > 90, $"only {tried} posts");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task TwoClerksReceivingAtOnce_OneSucceeds_TheOtherGetsAConflictPage_AndTheHistoryHasOneRow()
    {
        var id = await ProposalAsync(ProposalStatus.Submitted, ProposalSteps.Appraisal);
        var first = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var second = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var firstPage = await first.GetStringAsync(new Uri($"/Admin/Proposals/{id}", UriKind.Relative));
        var secondPage = await second.GetStringAsync(new Uri($"/Admin/Proposals/{id}", UriKind.Relative));
        Assert.Contains("Tiếp nhận", firstPage, StringComparison.Ordinal);
        var version = int.Parse(VersionField().Match(firstPage).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var responses = await Task.WhenAll(
            PostMoveAsync(first, Html.AntiforgeryToken(firstPage), id, ProposalAction.Receive, version, null),
            PostMoveAsync(second, Html.AntiforgeryToken(secondPage), id, ProposalAction.Receive, version, null));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var conflict = await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync();
        Assert.Contains("Hồ sơ vừa được người khác xử lý", conflict, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Admin/Proposals/{id}\"", conflict, StringComparison.Ordinal);
        var history = await factory.WithDbAsync(db => db.ProposalTransitions.Where(t => t.ProposalId == id).ToListAsync());
        Assert.Equal(ProposalAction.Receive, Assert.Single(history).Action);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task ReturnToUnit_WritesTheNotice_MailsTheUnitsReporter_AndShowsInTheHistory()
    {
        var unitId = await UnitIdAsync();
        var email = $"dau-moi-{Guid.NewGuid():N}@example.gov.vn"[..40];
        var reporter = await TestUsers.CreateAsync(factory, Roles.UnitReporter, unitId: unitId);
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            await users.SetEmailAsync((await users.FindByNameAsync(reporter))!, email);
        }

        var id = await ProposalAsync(ProposalStatus.Submitted, ProposalSteps.None);
        var clerk = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        const string reason = "Thiếu biên bản họp bình xét của đơn vị; đề nghị bổ sung.";

        using var response = await TestUsers.PostFormAsync(clerk, $"/Admin/Proposals/{id}", $"/Admin/Proposals/{id}/move", new Dictionary<string, string>
        {
            ["Action"] = nameof(ProposalAction.ReturnToUnit), ["Version"] = "0", ["Reason"] = reason,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var notice = await factory.WithDbAsync(db => db.UnitNotices.SingleAsync(n => n.ProposalId == id));
        Assert.Equal(unitId, notice.UnitId);
        Assert.Contains("Trả lại đơn vị", notice.Text, StringComparison.Ordinal);
        Assert.Contains(reason, notice.Text, StringComparison.Ordinal);
        var mail = Directory.GetFiles(factory.PickupFolder, "*.eml").Select(f => MimeMessage.Load(f))
            .Single(m => m.To.Mailboxes.Any(a => a.Address == email));
        Assert.Equal("[Hồ sơ đề nghị khen thưởng] Trả lại đơn vị: Đề nghị khen thưởng thử nghiệm năm 2025", mail.Subject);
        Assert.Contains(reason, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{WorkflowAppFactory.BaseUrl}/don-vi/de-nghi/{id}", mail.TextBody, StringComparison.Ordinal);

        var page = Html.Text(await clerk.GetStringAsync(new Uri($"/Admin/Proposals/{id}", UriKind.Relative)));
        Assert.Contains("<span class=\"badge text-bg-primary\" id=\"proposal-status\">Trả lại đơn vị</span>", page, StringComparison.Ordinal);
        Assert.Contains(reason, page, StringComparison.Ordinal);
        Assert.Contains("Đã thực hiện «Trả lại đơn vị»", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturnWithoutAReason_IsA400_WithTheVietnameseMessage_AndNothingChanges()
    {
        var id = await ProposalAsync(ProposalStatus.Received, ProposalSteps.None);
        var clerk = await TestUsers.SignedInClientAsync(factory, Roles.Editor);

        using var response = await TestUsers.PostFormAsync(clerk, $"/Admin/Proposals/{id}", $"/Admin/Proposals/{id}/move", new Dictionary<string, string>
        {
            ["Action"] = nameof(ProposalAction.ReturnToUnit), ["Version"] = "0", ["Reason"] = "  ",
        });
        using var unknown = await TestUsers.PostFormAsync(clerk, $"/Admin/Proposals/{id}", $"/Admin/Proposals/{id}/move", new Dictionary<string, string>
        {
            ["Action"] = "Explode", ["Version"] = "abc",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Vui lòng nhập lý do.", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Html.AssertNoStackTrace(await unknown.Content.ReadAsStringAsync());
        Assert.Equal(ProposalStatus.Received, await StatusAsync(id));
        Assert.False(await factory.WithDbAsync(db => db.ProposalTransitions.AnyAsync(t => t.ProposalId == id)));
    }

    [Fact]
    public async Task Inbox_ShowsSubmittedProposals_ButNotDrafts_AndADraftsPageIsNotFound()
    {
        var submitted = await ProposalAsync(ProposalStatus.Submitted, ProposalSteps.None, "Hồ sơ đã gửi để kiểm tra hộp thư");
        var draft = await ProposalAsync(ProposalStatus.Draft, ProposalSteps.None, "Hồ sơ còn đang soạn của đơn vị");
        var clerk = await TestUsers.SignedInClientAsync(factory, Roles.Editor);

        var inbox = Html.Text(await clerk.GetStringAsync(new Uri("/Admin/Proposals?trang-thai=Submitted", UriKind.Relative)));
        using var draftPage = await clerk.GetAsync(new Uri($"/Admin/Proposals/{draft}", UriKind.Relative));
        using var badFilter = await clerk.GetAsync(new Uri("/Admin/Proposals?trang-thai=Draft&nam=abc&trang=-1", UriKind.Relative));

        Assert.Contains("Hồ sơ đã gửi để kiểm tra hộp thư", inbox, StringComparison.Ordinal);
        Assert.Contains($"/Admin/Proposals/{submitted}", inbox, StringComparison.Ordinal);
        Assert.DoesNotContain("Hồ sơ còn đang soạn của đơn vị", inbox, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, draftPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, badFilter.StatusCode);
    }

    [Fact]
    public async Task ADossierFile_DownloadsFromItsProposal_Only()
    {
        var id = await ProposalAsync(ProposalStatus.Submitted, ProposalSteps.None);
        var other = await ProposalAsync(ProposalStatus.Submitted, ProposalSteps.None);
        var content = "Biên bản họp bình xét thi đua năm 2025"u8.ToArray();
        int documentId;
        using (var scope = factory.Services.CreateScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<FileService>().StoreAsync(new MemoryStream(content), "bien-ban.pdf", "application/pdf");
            var db = scope.ServiceProvider.GetRequiredService<EmulationPortal.Data.PortalDbContext>();
            var document = new ProposalDocument { ProposalId = id, Kind = ProposalDocumentKind.ReviewMinutes, StoredFile = stored, Title = "Biên bản họp", UploadedAt = DateTime.UtcNow };
            db.ProposalDocuments.Add(document);
            await db.SaveChangesAsync();
            documentId = document.Id;
        }

        var clerk = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var page = await clerk.GetStringAsync(new Uri($"/Admin/Proposals/{id}", UriKind.Relative));
        using var download = await clerk.GetAsync(new Uri($"/Admin/Proposals/{id}/documents/{documentId}", UriKind.Relative));
        using var elsewhere = await clerk.GetAsync(new Uri($"/Admin/Proposals/{other}/documents/{documentId}", UriKind.Relative));

        Assert.Contains($"/Admin/Proposals/{id}/documents/{documentId}", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Fact]
    public async Task SpecialistExcludesANominee_WithAReason_AndTheProposalGoesOnWithoutIt()
    {
        var id = await ProposalAsync(ProposalStatus.UnderAppraisal, ProposalSteps.Appraisal);
        var nomineeId = await factory.WithDbAsync(db => db.Nominees.Where(n => n.ProposalId == id).Select(n => n.Id).SingleAsync());
        var specialist = await TestUsers.SignedInClientAsync(factory, Roles.Specialist);
        var clerk = await TestUsers.SignedInClientAsync(factory, Roles.Editor);

        using var byClerk = await TestUsers.PostFormAsync(clerk, $"/Admin/Proposals/{id}", $"/Admin/Proposals/{id}/nominees/{nomineeId}/exclude", new Dictionary<string, string> { ["Version"] = "0", ["Reason"] = "x" });
        using var noReason = await TestUsers.PostFormAsync(specialist, $"/Admin/Proposals/{id}", $"/Admin/Proposals/{id}/nominees/{nomineeId}/exclude", new Dictionary<string, string> { ["Version"] = "0", ["Reason"] = "" });
        using var excluded = await TestUsers.PostFormAsync(specialist, $"/Admin/Proposals/{id}", $"/Admin/Proposals/{id}/nominees/{nomineeId}/exclude", new Dictionary<string, string> { ["Version"] = "0", ["Reason"] = "Đang trong thời gian bị kỷ luật" });

        Assert.Equal(HttpStatusCode.Forbidden, byClerk.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, excluded.StatusCode);
        var nominee = await factory.WithDbAsync(db => db.Nominees.SingleAsync(n => n.Id == nomineeId));
        Assert.Equal((NomineeOutcome.Excluded, "Đang trong thời gian bị kỷ luật"), (nominee.Outcome, nominee.OutcomeReason));
        var page = Html.Text(await specialist.GetStringAsync(new Uri($"/Admin/Proposals/{id}", UriKind.Relative)));
        Assert.Contains("Đang trong thời gian bị kỷ luật", page, StringComparison.Ordinal);
        Assert.Contains("Đưa lại vào hồ sơ", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwardSettings_OfficeHeadSavesStepsAndThreshold_ABadFractionIsA400_TheClerkIsForbidden()
    {
        var awardId = await factory.WithDbAsync(async db =>
        {
            var award = new AwardType { Name = $"Danh hiệu cấu hình {Guid.NewGuid():N}"[..40], RecipientKind = RecipientKind.Individual };
            db.AwardTypes.Add(award);
            await db.SaveChangesAsync();
            return award.Id;
        });
        var head = await TestUsers.SignedInClientAsync(factory, Roles.OfficeHead);
        var clerk = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var url = $"/Admin/AwardWorkflow/Edit/{awardId}";

        using var bad = await TestUsers.PostFormAsync(head, url, url, new Dictionary<string, string> { ["ThresholdNumerator"] = "3", ["ThresholdDenominator"] = "2", ["ThresholdBase"] = "AllMembers", ["Version"] = "0" });
        var badBody = await bad.Content.ReadAsStringAsync();
        var good = new FormUrlEncodedContent(
        [
            new("Steps", "Appraisal"), new("Steps", "Council"), new("Documents", "CoverSubmission"), new("ThresholdNumerator", "2"),
            new("ThresholdDenominator", "3"), new("ThresholdBase", "AllMembers"), new("Version", "0"),
            new("__RequestVerificationToken", Html.AntiforgeryToken(await head.GetStringAsync(new Uri(url, UriKind.Relative)))),
        ]);
        using var saved = await head.PostAsync(new Uri(url, UriKind.Relative), good);
        using var clerkPage = await clerk.GetAsync(new Uri("/Admin/AwardWorkflow", UriKind.Relative));
        using var settingsPage = await head.GetAsync(new Uri("/Admin/AwardWorkflow", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Tử số phải từ 1 đến 2", badBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var award = await factory.WithDbAsync(db => db.AwardTypes.SingleAsync(a => a.Id == awardId));
        Assert.Equal(
            (ProposalSteps.Appraisal | ProposalSteps.Council, RequiredDocuments.CoverSubmission, 2, 3, EmulationPortal.Council.ThresholdBase.AllMembers),
            (award.Steps, award.RequiredDocuments, award.ThresholdNumerator, award.ThresholdDenominator, award.ThresholdBase));
        Assert.Equal(HttpStatusCode.OK, settingsPage.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, clerkPage.StatusCode);
        Assert.Contains("/khong-co-quyen", clerkPage.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePage_NamesTheRuleOfEachFinding_AndABlockingOneRefusesCompleteAppraisal()
    {
        var id = await ProposalAsync(ProposalStatus.UnderAppraisal, ProposalSteps.Appraisal);
        var nomineeId = await factory.WithDbAsync(db => db.Nominees.Where(n => n.ProposalId == id).Select(n => n.Id).SingleAsync());

        // Codes of the workflow's own messages stand in for the rule checks' codes (composing part) until those land.
        var checks = new Mock<IProposalChecks>();
        checks.Setup(c => c.CheckAsync(It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new RuleFinding(7, "Không xét người đang bị kỷ luật", AwardRuleKind.Discipline, RuleSeverity.Block, nomineeId, "Proposal.Move.ReasonRequired"),
            new RuleFinding(8, "Tỷ lệ nữ trong danh sách", AwardRuleKind.WomenShare, RuleSeverity.Warning, null, "Proposal.Submit.NoNominees"),
        ]);
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped(_ => checks.Object)));
        var userName = await TestUsers.CreateAsync(factory, Roles.Specialist);
        using var specialist = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var signIn = await TestUsers.SignInAsync(specialist, userName, TestUsers.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var page = Html.Text(await specialist.GetStringAsync(new Uri($"/Admin/Proposals/{id}", UriKind.Relative)));
        using var refused = await TestUsers.PostFormAsync(specialist, $"/Admin/Proposals/{id}", $"/Admin/Proposals/{id}/move", new Dictionary<string, string>
        {
            ["Action"] = nameof(ProposalAction.CompleteAppraisal), ["Version"] = "0",
        });

        Assert.Contains("Quy định: Không xét người đang bị kỷ luật", page, StringComparison.Ordinal);
        Assert.Contains("Quy định: Tỷ lệ nữ trong danh sách", page, StringComparison.Ordinal);
        Assert.Contains("Hoàn thành thẩm định", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Vui lòng nhập lý do.", Html.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.UnderAppraisal, await StatusAsync(id));
    }

    [Fact]
    public async Task Anonymous_IsSentToLogin_StaffAndUnitReportersAreForbidden()
    {
        var id = await ProposalAsync(ProposalStatus.Submitted, ProposalSteps.None);
        using var anonymous = factory.CreateBrowserlikeClient();
        using var anonymousPage = await anonymous.GetAsync(new Uri($"/Admin/Proposals/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, anonymousPage.StatusCode);
        Assert.Contains("/dang-nhap", anonymousPage.Headers.Location!.OriginalString, StringComparison.Ordinal);

        foreach (var role in new[] { Roles.Staff, Roles.UnitReporter, Roles.Administrator })
        {
            var client = await TestUsers.SignedInClientAsync(factory, role);
            using var page = await client.GetAsync(new Uri($"/Admin/Proposals/{id}", UriKind.Relative));
            using var move = await PostMoveAsync(client, Html.AntiforgeryToken(await client.GetStringAsync(new Uri("/", UriKind.Relative))), id, ProposalAction.Receive, 0, null);
            Assert.True(IsForbidden(page), $"{role} GET: {(int)page.StatusCode}");
            Assert.True(IsForbidden(move), $"{role} POST: {(int)move.StatusCode}");
        }

        Assert.Equal(ProposalStatus.Submitted, await StatusAsync(id));
    }

    private static bool IsForbidden(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Forbidden
        || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/khong-co-quyen", StringComparison.Ordinal));

    private static async Task<HttpResponseMessage> PostMoveAsync(HttpClient client, string token, int id, ProposalAction action, int version, string? reason)
    {
        var fields = new Dictionary<string, string>
        {
            ["Action"] = action.ToString(),
            ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = token,
        };
        if (reason is not null)
        {
            fields["Reason"] = reason;
        }

        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri($"/Admin/Proposals/{id}/move", UriKind.Relative), content);
    }

    private static int _nextYear = 1900;

    private Task<int> UnitIdAsync() => factory.WithDbAsync(db => db.Units.Where(u => u.Name == "Phòng Công nghệ thông tin").Select(u => u.Id).SingleAsync());

    private Task<ProposalStatus> StatusAsync(int id) => factory.WithDbAsync(db => db.Proposals.Where(p => p.Id == id).Select(p => p.Status).SingleAsync());

    /// <summary>A proposal of the IT division in <paramref name="status"/>, one nominee of an award type with exactly <paramref name="steps"/>.</summary>
    private async Task<int> ProposalAsync(ProposalStatus status, ProposalSteps steps, string title = "Đề nghị khen thưởng thử nghiệm năm 2025") =>
        await factory.WithDbAsync(async db =>
        {
            var unitId = await db.Units.Where(u => u.Name == "Phòng Công nghệ thông tin").Select(u => u.Id).SingleAsync();
            var staffId = await db.StaffMembers.Where(s => s.UnitId == unitId).Select(s => s.Id).FirstAsync();
            var awardName = $"Danh hiệu thử nghiệm quy trình {(int)steps}";
            var award = await db.AwardTypes.FirstOrDefaultAsync(a => a.Name == awardName);
            if (award is null)
            {
                award = new AwardType { Name = awardName, RecipientKind = RecipientKind.Both, Steps = steps };
                db.AwardTypes.Add(award);
            }

            var proposal = new Proposal
            {
                // A year of its own: the real rule checks refuse the same person, award and year twice.
                UnitId = unitId, Kind = ProposalKind.YearEnd, Year = Interlocked.Increment(ref _nextYear), Title = title, Status = status,
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            proposal.Nominees.Add(new Nominee
            {
                RecipientKind = RecipientKind.Individual, StaffMemberId = staffId, AwardType = award, Achievement = "Hoàn thành xuất sắc nhiệm vụ.",
                Outcome = status == ProposalStatus.CouncilReview ? NomineeOutcome.Passed : NomineeOutcome.Pending,
            });
            db.Proposals.Add(proposal);
            await db.SaveChangesAsync();
            return proposal.Id;
        });

    [GeneratedRegex("""name="Version" value="(\d+)""", RegexOptions.CultureInvariant)]
    private static partial Regex VersionField();
}
