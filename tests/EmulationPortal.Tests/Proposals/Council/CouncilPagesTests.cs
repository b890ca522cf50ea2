using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.Council;
using EmulationPortal.Honors;
using EmulationPortal.Organisation;
using EmulationPortal.Proposals;
using EmulationPortal.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using static EmulationPortal.Tests.Admin.AccountsTestHelpers;

namespace EmulationPortal.Tests.Proposals.Council;

/// <summary>A fresh council of <c>MemberUserNames.Count</c> members (everyone else deactivated) and a proposal under council review with two nominees.</summary>
internal sealed record CouncilWebScenario(IReadOnlyList<int> MemberIds, IReadOnlyList<string> MemberUserNames, int ProposalId, IReadOnlyList<int> NomineeIds);

/// <summary>The council's pages through the real app: who may open them, antiforgery, a paper session end to end, the member's ballot.</summary>
public sealed class CouncilPagesTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static bool IsForbidden(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Forbidden || (r.StatusCode == HttpStatusCode.Redirect && Location(r).Contains("/khong-co-quyen", StringComparison.Ordinal));

    [Theory]
    [InlineData("/Admin/CouncilMembers")]
    [InlineData("/Admin/CouncilSessions")]
    [InlineData("/Admin/CouncilSessions/Create")]
    public async Task Staff_IsForbidden_OnCouncilAdminPages(string url)
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Staff);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.True(IsForbidden(response), $"{url} → {(int)response.StatusCode} {Location(response)}");
    }

    [Fact]
    public async Task Leader_ReadsSessions_ButCannotCreateOne()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Leader);

        using var list = await client.GetAsync(new Uri("/Admin/CouncilSessions", UriKind.Relative));
        using var create = await client.GetAsync(new Uri("/Admin/CouncilSessions/Create", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("Phiên họp Hội đồng", Html.Text(await list.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.True(IsForbidden(create));
    }

    [Fact]
    public async Task MembersPage_SecretaryAddsAMember_ASecondChairIsRefusedInVietnamese()
    {
        var scenario = await ScenarioAsync(members: 1);
        var client = await TestUsers.SignedInClientAsync(factory, Roles.CouncilSecretary);
        var staffIds = await factory.WithDbAsync(db => db.StaffMembers.AsNoTracking()
            .Where(s => s.IsActive && !db.CouncilMembers.Any(m => m.StaffMemberId == s.Id)).OrderBy(s => s.Id).Select(s => s.Id).Take(2).ToListAsync());

        using var chair = await PostFormAsync(client, "/Admin/CouncilMembers", "/Admin/CouncilMembers/Add",
            ("StaffMemberId", staffIds[0].ToString()), ("Role", "Chair"), ("SortOrder", "1"));
        using var second = await PostFormAsync(client, "/Admin/CouncilMembers", "/Admin/CouncilMembers/Add",
            ("StaffMemberId", staffIds[1].ToString()), ("Role", "Chair"), ("SortOrder", "2"));

        Assert.Equal(HttpStatusCode.Redirect, chair.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("Hội đồng đã có Chủ tịch", Html.Text(await second.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var active = await factory.WithDbAsync(db => db.CouncilMembers.AsNoTracking().Where(m => m.IsActive).ToListAsync());
        Assert.Single(active, m => m.Role == CouncilRole.Chair);
        Assert.DoesNotContain(active, m => m.StaffMemberId == staffIds[1]);
        Assert.Contains(active, m => m.Id == scenario.MemberIds[0]);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Is400_AndCreatesNothing()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.CouncilSecretary);
        var before = await factory.WithDbAsync(db => db.CouncilSessions.CountAsync());
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Title"] = "Phiên họp không có mã chống giả mạo", ["HeldOn"] = "2026-12-15", ["VotingMode"] = "Paper",
        });

        using var response = await client.PostAsync(new Uri("/Admin/CouncilSessions/Create", UriKind.Relative), content);
        using var ballot = await client.PostAsync(new Uri("/hoi-dong/bo-phieu/1", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["Choice"] = "dong-y" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, ballot.StatusCode);
        Assert.Equal(before, await factory.WithDbAsync(db => db.CouncilSessions.CountAsync()));
    }

    [Fact]
    public async Task PaperSession_Secretary_RecordsResultsAndCloses_ThenResultsAreLocked()
    {
        var scenario = await ScenarioAsync(members: 3);
        var client = await TestUsers.SignedInClientAsync(factory, Roles.CouncilSecretary);

        using var created = await PostFormAsync(client, "/Admin/CouncilSessions/Create", "/Admin/CouncilSessions/Create",
            ("Title", "Phiên họp xét khen thưởng cuối năm"), ("HeldOn", "2026-12-15"), ("Place", "Phòng họp tầng 3"), ("VotingMode", "Paper"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var detailUrl = Location(created);
        var sessionId = int.Parse(detailUrl.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        // Two of three present: exactly two thirds.
        using var attendance = await PostFormAsync(client, detailUrl, $"/Admin/CouncilSessions/Attendance/{sessionId}",
            ("Version", await SessionVersionAsync(sessionId)), ("Present", scenario.MemberIds[0].ToString()), ("Present", scenario.MemberIds[1].ToString()));
        Assert.Equal(HttpStatusCode.Redirect, attendance.StatusCode);
        using var agenda = await PostFormAsync(client, detailUrl, $"/Admin/CouncilSessions/AddToAgenda/{sessionId}",
            ("NomineeIds", scenario.NomineeIds[0].ToString()), ("NomineeIds", scenario.NomineeIds[1].ToString()));
        Assert.Equal(HttpStatusCode.Redirect, agenda.StatusCode);
        var items = await factory.WithDbAsync(db => db.CouncilAgendaItems.AsNoTracking().Where(i => i.SessionId == sessionId).OrderBy(i => i.SortOrder).ToListAsync());

        // Three ballots counted with two members present: refused with a Vietnamese message, nothing saved.
        using var beyond = await PostFormAsync(client, detailUrl, $"/Admin/CouncilSessions/Tallies/{sessionId}",
            ("ItemId", items[0].Id.ToString()), ("Version", items[0].Version.ToString()), ("Agree", "2"), ("Disagree", "1"), ("Invalid", "0"));
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
        Assert.Contains("vượt quá số thành viên có mặt", Html.Text(await beyond.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.CouncilAgendaItems.Where(i => i.Id == items[0].Id).Select(i => i.Agree).SingleAsync()));

        foreach (var (item, agree) in new[] { (items[0], "1"), (items[1], "0") })
        {
            using var tally = await PostFormAsync(client, detailUrl, $"/Admin/CouncilSessions/Tallies/{sessionId}",
                ("ItemId", item.Id.ToString()), ("Version", item.Version.ToString()), ("Agree", agree), ("Disagree", agree == "1" ? "1" : "2"), ("Invalid", "0"));
            Assert.Equal(HttpStatusCode.Redirect, tally.StatusCode);
        }

        using var closed = await PostFormAsync(client, detailUrl, $"/Admin/CouncilSessions/Close/{sessionId}", ("Version", await SessionVersionAsync(sessionId)));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);

        var fresh = await factory.WithDbAsync(db => db.CouncilAgendaItems.AsNoTracking().SingleAsync(i => i.Id == items[0].Id));
        using var late = await PostFormAsync(client, detailUrl, $"/Admin/CouncilSessions/Tallies/{sessionId}",
            ("ItemId", fresh.Id.ToString()), ("Version", fresh.Version.ToString()), ("Agree", "0"), ("Disagree", "2"), ("Invalid", "0"));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("Phiên họp đã kết thúc", Html.Text(await late.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // 1 of 2 present is exactly one half: passes; 0 fails. The proposal waits for the decision.
        var outcomes = await factory.WithDbAsync(db => db.Nominees.AsNoTracking().Where(n => n.ProposalId == scenario.ProposalId).OrderBy(n => n.SortOrder).Select(n => n.Outcome).ToListAsync());
        Assert.Equal([NomineeOutcome.Passed, NomineeOutcome.Failed], outcomes);
        Assert.Equal(ProposalStatus.AwaitingDecision, await factory.WithDbAsync(db => db.Proposals.Where(p => p.Id == scenario.ProposalId).Select(p => p.Status).SingleAsync()));
        Assert.Equal((1, 1), await factory.WithDbAsync(db => db.CouncilAgendaItems.Where(i => i.Id == items[0].Id).Select(i => new ValueTuple<int, int>(i.Agree, i.Disagree)).SingleAsync()));

        using var print = await client.GetAsync(new Uri($"/Admin/CouncilSessions/Print/{sessionId}", UriKind.Relative));
        var printed = Html.Text(await print.Content.ReadAsStringAsync());
        Assert.Contains("Đạt", printed, StringComparison.Ordinal);
        Assert.Contains("Không đạt", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlineBallot_MemberVotesOnce_PageSaysVotedNeverTheChoice_OthersAre403()
    {
        var scenario = await ScenarioAsync(members: 3);
        var sessionId = await factory.WithDbAsync(async db =>
        {
            var session = new CouncilSession
            {
                Title = "Phiên bỏ phiếu trực tuyến", HeldOn = new DateOnly(2026, 12, 16), VotingMode = VotingMode.OnlineSecret,
                QuorumNumerator = 2, QuorumDenominator = 3, CreatedAt = DateTime.UtcNow,
            };
            foreach (var (id, i) in scenario.MemberIds.Select((id, i) => (id, i)))
            {
                session.Attendance.Add(new CouncilAttendance { CouncilMemberId = id, Role = CouncilRole.Member, IsPresent = i < 2 });
            }

            session.Agenda.Add(new CouncilAgendaItem { NomineeId = scenario.NomineeIds[0], SortOrder = 1 });
            db.CouncilSessions.Add(session);
            await db.SaveChangesAsync();
            return session.Id;
        });
        var itemId = await factory.WithDbAsync(db => db.CouncilAgendaItems.Where(i => i.SessionId == sessionId).Select(i => i.Id).SingleAsync());

        var member = factory.CreateBrowserlikeClient();
        using (var signIn = await TestUsers.SignInAsync(member, scenario.MemberUserNames[0], TestUsers.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using var page = await member.GetAsync(new Uri("/hoi-dong/bo-phieu", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Phiên bỏ phiếu trực tuyến", Html.Text(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var vote = await PostFormAsync(member, "/hoi-dong/bo-phieu", $"/hoi-dong/bo-phieu/{itemId}", ("Choice", "khong-dong-y"));
        Assert.Equal(HttpStatusCode.Redirect, vote.StatusCode);
        using var after = await member.GetAsync(new Uri("/hoi-dong/bo-phieu", UriKind.Relative));
        var text = Html.Text(await after.Content.ReadAsStringAsync());
        Assert.Contains("Bạn đã bỏ phiếu", text, StringComparison.Ordinal);
        Assert.DoesNotContain("khong-dong-y", text, StringComparison.Ordinal);
        Assert.DoesNotContain("checked", text, StringComparison.Ordinal);

        // A second vote (crafted, since the page no longer offers one) is refused.
        using var again = await PostFormAsync(member, "/hoi-dong/bo-phieu", $"/hoi-dong/bo-phieu/{itemId}", ("Choice", "dong-y"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("chỉ được bỏ phiếu một lần", Html.Text(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal((0, 1), await factory.WithDbAsync(db => db.CouncilAgendaItems.Where(i => i.Id == itemId).Select(i => new ValueTuple<int, int>(i.Agree, i.Disagree)).SingleAsync()));

        // The absent member and a user who is no member.
        var absent = factory.CreateBrowserlikeClient();
        using (var signIn = await TestUsers.SignInAsync(absent, scenario.MemberUserNames[2], TestUsers.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using var absentVote = await PostFormAsync(absent, "/hoi-dong/bo-phieu", $"/hoi-dong/bo-phieu/{itemId}", ("Choice", "dong-y"));
        Assert.Equal(HttpStatusCode.Forbidden, absentVote.StatusCode);
        var outsider = await TestUsers.SignedInClientAsync(factory, Roles.Staff);
        using var outsiderPage = await outsider.GetAsync(new Uri("/hoi-dong/bo-phieu", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, outsiderPage.StatusCode);
        Assert.Contains("chỉ dành cho thành viên Hội đồng", Html.Text(await outsiderPage.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.CouncilBallotRecords.CountAsync(b => b.AgendaItemId == itemId)));
    }

    private Task<string> SessionVersionAsync(int sessionId) =>
        factory.WithDbAsync(async db => (await db.CouncilSessions.AsNoTracking().SingleAsync(s => s.Id == sessionId)).Version.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task<CouncilWebScenario> ScenarioAsync(int members)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var userNames = new List<string>();
        for (var i = 0; i < members; i++)
        {
            userNames.Add(await TestUsers.CreateAsync(factory, Roles.Staff, $"hoi-dong-{tag}-{i}"));
        }

        return await factory.WithDbAsync(async db =>
        {
            foreach (var old in await db.CouncilMembers.Where(m => m.IsActive).ToListAsync())
            {
                old.IsActive = false;
            }

            var unit = new Unit { Name = $"Phòng Thử nghiệm Hội đồng {tag}", Kind = UnitKind.Division, SortOrder = 950 };
            var staff = Enumerable.Range(0, members + 2).Select(i => new StaffMember { FullName = $"Trần Văn Thử {tag} {i}", Position = "Chuyên viên", Unit = unit }).ToList();
            db.StaffMembers.AddRange(staff);
            var award = new AwardType
            {
                Name = $"Lao động tiên tiến {tag}", Category = AwardCategory.EmulationTitle, RecipientKind = RecipientKind.Individual,
                Steps = ProposalSteps.Council, ThresholdNumerator = 1, ThresholdDenominator = 2, ThresholdBase = ThresholdBase.MembersPresent,
            };
            db.AwardTypes.Add(award);
            await db.SaveChangesAsync();

            var councilMembers = staff.Take(members).Select((s, i) => new CouncilMember { StaffMemberId = s.Id, Role = CouncilRole.Member, SortOrder = i }).ToList();
            db.CouncilMembers.AddRange(councilMembers);
            var users = await db.Users.Where(u => userNames.Contains(u.UserName!)).ToListAsync();
            foreach (var (name, i) in userNames.Select((n, i) => (n, i)))
            {
                users.Single(u => u.UserName == name).StaffMemberId = staff[i].Id;
            }

            var now = DateTime.UtcNow;
            var proposal = new Proposal { UnitId = unit.Id, Year = 2026, Title = $"Đề nghị khen thưởng {tag}", Status = ProposalStatus.CouncilReview, CreatedAt = now, UpdatedAt = now };
            proposal.Nominees.Add(new Nominee { RecipientKind = RecipientKind.Individual, StaffMemberId = staff[members].Id, AwardTypeId = award.Id, Achievement = "Hoàn thành xuất sắc nhiệm vụ", SortOrder = 1 });
            proposal.Nominees.Add(new Nominee { RecipientKind = RecipientKind.Individual, StaffMemberId = staff[members + 1].Id, AwardTypeId = award.Id, Achievement = "Hoàn thành tốt nhiệm vụ", SortOrder = 2 });
            db.Proposals.Add(proposal);
            await db.SaveChangesAsync();
            return new CouncilWebScenario(
                councilMembers.Select(m => m.Id).ToList(), userNames, proposal.Id, proposal.Nominees.OrderBy(n => n.SortOrder).Select(n => n.Id).ToList());
        });
    }
}
