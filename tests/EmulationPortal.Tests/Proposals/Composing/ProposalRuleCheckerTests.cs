using EmulationPortal.Campaigns;
using EmulationPortal.Organisation;
using EmulationPortal.Proposals;

namespace EmulationPortal.Tests.Proposals.Composing;

public sealed class ProposalRuleCheckerTests
{
    private const int Year = ComposingTestData.Year;

    [Fact]
    public async Task DuplicateInYear_WhenAnotherLiveProposalNamesTheSamePersonAndAward_BlocksAndNamesTheRule()
    {
        await using var data = await ComposingTestData.CreateAsync();
        var rule = await data.RuleAsync(AwardRuleKind.DuplicateInYear);
        var person = await data.PersonAsync(data.UnitA, "Nguyễn Thị Ánh", Gender.Female);
        var other = await data.ProposalAsync(data.UnitA, status: ProposalStatus.Submitted);
        await data.NominateAsync(other, person, data.Ldtt);
        var proposal = await data.ProposalAsync(data.UnitA);
        var nominee = await data.NominateAsync(proposal, person, data.Ldtt);

        var findings = await data.Checker().CheckAsync(proposal.Id);

        var finding = Assert.Single(findings);
        Assert.Equal(rule.Name, finding.RuleName);
        Assert.Equal(rule.Name, finding.Args[0]);
        Assert.Equal(nominee.Id, finding.NomineeId);
        Assert.True(finding.Blocks);
        Assert.Equal("Rules.DuplicateProposed", finding.Code);
    }

    [Fact]
    public async Task DuplicateInYear_WhenAlreadyCommendedThatYear_Finds_ButNotForAnotherYearOrAWithdrawnProposal()
    {
        await using var data = await ComposingTestData.CreateAsync();
        await data.RuleAsync(AwardRuleKind.DuplicateInYear);
        var commended = await data.PersonAsync(data.UnitA, "Trần Văn Bình");
        var lastYear = await data.PersonAsync(data.UnitA, "Lê Văn Cường");
        var withdrawnElsewhere = await data.PersonAsync(data.UnitA, "Phạm Văn Dũng");
        await data.CommendAsync(commended, data.Ldtt, Year);
        await data.CommendAsync(lastYear, data.Ldtt, Year - 1);
        var withdrawn = await data.ProposalAsync(data.UnitA, status: ProposalStatus.Withdrawn);
        await data.NominateAsync(withdrawn, withdrawnElsewhere, data.Ldtt);
        var proposal = await data.ProposalAsync(data.UnitA);
        var flagged = await data.NominateAsync(proposal, commended, data.Ldtt);
        await data.NominateAsync(proposal, lastYear, data.Ldtt);
        await data.NominateAsync(proposal, withdrawnElsewhere, data.Ldtt);

        var findings = await data.Checker().CheckAsync(proposal.Id);

        var finding = Assert.Single(findings);
        Assert.Equal(flagged.Id, finding.NomineeId);
        Assert.Equal("Rules.DuplicateAwarded", finding.Code);
    }

    [Fact]
    public async Task DuplicateForCampaign_WhenCommendedForTheCampaignWithAnyAward_Finds()
    {
        await using var data = await ComposingTestData.CreateAsync();
        var campaign = new Campaign { Title = "Phong trào chuyển đổi số", Slug = "chuyen-doi-so", LaunchedBy = "Sở", StartsOn = new DateOnly(Year, 1, 1) };
        data.Db.Campaigns.Add(campaign);
        await data.Db.SaveChangesAsync();
        await data.RuleAsync(AwardRuleKind.DuplicateForCampaign, RuleSeverity.Warning);
        var awarded = await data.PersonAsync(data.UnitA, "Trần Văn Bình");
        var fresh = await data.PersonAsync(data.UnitA, "Lê Văn Cường");
        await data.CommendAsync(awarded, data.GiayKhen, Year, campaign.Id);
        await data.CommendAsync(fresh, data.GiayKhen, Year, campaignId: null);
        var proposal = await data.ProposalAsync(data.UnitA, campaignId: campaign.Id);
        var flagged = await data.NominateAsync(proposal, awarded, data.Ldtt);
        await data.NominateAsync(proposal, fresh, data.Ldtt);

        var findings = await data.Checker().CheckAsync(proposal.Id);

        var finding = Assert.Single(findings);
        Assert.Equal(flagged.Id, finding.NomineeId);
        Assert.False(finding.Blocks);
    }

    [Fact]
    public async Task PrerequisiteSameYear_IsMetByACommendationOrANominationInTheSameProposal()
    {
        await using var data = await ComposingTestData.CreateAsync();
        await data.RuleAsync(AwardRuleKind.PrerequisiteSameYear, award: data.Cstdcs, required: data.Ldtt);
        var viaCommendation = await data.PersonAsync(data.UnitA, "Trần Văn Bình");
        var viaNomination = await data.PersonAsync(data.UnitA, "Lê Văn Cường");
        var lacking = await data.PersonAsync(data.UnitA, "Phạm Văn Dũng");
        await data.CommendAsync(viaCommendation, data.Ldtt, Year);
        await data.CommendAsync(lacking, data.Ldtt, Year - 1);
        var proposal = await data.ProposalAsync(data.UnitA);
        await data.NominateAsync(proposal, viaCommendation, data.Cstdcs);
        await data.NominateAsync(proposal, viaNomination, data.Ldtt);
        await data.NominateAsync(proposal, viaNomination, data.Cstdcs);
        var flagged = await data.NominateAsync(proposal, lacking, data.Cstdcs);

        var findings = await data.Checker().CheckAsync(proposal.Id);

        var finding = Assert.Single(findings);
        Assert.Equal(flagged.Id, finding.NomineeId);
        Assert.Equal("Rules.PrerequisiteSameYear", finding.Code);
    }

    [Fact]
    public async Task PrerequisiteConsecutiveYears_ThreeTimesInARowPasses_TwoTimesFinds()
    {
        await using var data = await ComposingTestData.CreateAsync();
        await data.RuleAsync(AwardRuleKind.PrerequisiteConsecutiveYears, RuleSeverity.Warning, data.CstdTinh, data.Cstdcs, years: 3);
        var three = await data.PersonAsync(data.UnitA, "Trần Văn Bình");
        var two = await data.PersonAsync(data.UnitA, "Lê Văn Cường");
        var gap = await data.PersonAsync(data.UnitA, "Phạm Văn Dũng");
        await data.CommendAsync(three, data.Cstdcs, Year - 2);
        await data.CommendAsync(three, data.Cstdcs, Year - 1);
        await data.CommendAsync(two, data.Cstdcs, Year - 1);
        await data.CommendAsync(gap, data.Cstdcs, Year - 3);
        await data.CommendAsync(gap, data.Cstdcs, Year - 1);
        var proposal = await data.ProposalAsync(data.UnitA);

        // The third time is this year's nomination for CSTĐCS in the same proposal.
        foreach (var person in new[] { three, two, gap })
        {
            await data.NominateAsync(proposal, person, data.Cstdcs);
        }

        await data.NominateAsync(proposal, three, data.CstdTinh);
        var twoNominee = await data.NominateAsync(proposal, two, data.CstdTinh);
        var gapNominee = await data.NominateAsync(proposal, gap, data.CstdTinh);

        var findings = await data.Checker().CheckAsync(proposal.Id);

        Assert.Equal([twoNominee.Id, gapNominee.Id], findings.Select(f => f.NomineeId!.Value).Order().ToArray());
        Assert.Equal((Year - 2).ToString(System.Globalization.CultureInfo.InvariantCulture), findings.Single(f => f.NomineeId == twoNominee.Id).Args[^1]);
    }

    [Fact]
    public async Task Discipline_InEffectDuringTheYear_Blocks_EndingTheDayBeforeTheYearDoesNot()
    {
        await using var data = await ComposingTestData.CreateAsync();
        await data.RuleAsync(AwardRuleKind.Discipline);
        var disciplined = await data.PersonAsync(data.UnitA, "Trần Văn Bình");
        var cleared = await data.PersonAsync(data.UnitA, "Lê Văn Cường");
        data.Db.DisciplineRecords.AddRange(
            new DisciplineRecord
            {
                StaffMemberId = disciplined.Id, Form = "Khiển trách", DecisionNumber = "5/QĐ-STTTT", DecidedOn = new DateOnly(Year, 2, 1),
                EffectiveFrom = new DateOnly(Year, 2, 1), EffectiveUntil = new DateOnly(Year, 3, 1),
            },
            new DisciplineRecord
            {
                StaffMemberId = cleared.Id, Form = "Khiển trách", DecisionNumber = "9/QĐ-STTTT", DecidedOn = new DateOnly(Year - 2, 1, 1),
                EffectiveFrom = new DateOnly(Year - 2, 1, 1), EffectiveUntil = new DateOnly(Year - 1, 12, 31),
            });
        await data.Db.SaveChangesAsync();
        var proposal = await data.ProposalAsync(data.UnitA);
        var flagged = await data.NominateAsync(proposal, disciplined, data.Ldtt);
        await data.NominateAsync(proposal, cleared, data.Ldtt);

        var findings = await data.Checker().CheckAsync(proposal.Id);

        var finding = Assert.Single(findings);
        Assert.Equal(flagged.Id, finding.NomineeId);
        Assert.True(finding.Blocks);
        Assert.Equal("Khiển trách", finding.Args[2]);
    }

    [Fact]
    public async Task Discipline_InEffectToday_BlocksAProposalForLastYear()
    {
        await using var data = await ComposingTestData.CreateAsync();
        await data.RuleAsync(AwardRuleKind.Discipline);
        var person = await data.PersonAsync(data.UnitA, "Trần Văn Bình");
        data.Db.DisciplineRecords.Add(new DisciplineRecord
        {
            StaffMemberId = person.Id, Form = "Cảnh cáo", DecidedOn = new DateOnly(Year, 6, 1), EffectiveFrom = new DateOnly(Year, 6, 1),
        });
        await data.Db.SaveChangesAsync();
        var proposal = await data.ProposalAsync(data.UnitA, year: Year - 1);
        await data.NominateAsync(proposal, person, data.Ldtt);

        Assert.Single(await data.Checker().CheckAsync(proposal.Id));
    }

    [Theory]
    [InlineData(3, 20, false)] // exactly 15 %
    [InlineData(4, 20, true)] // 20 %
    [InlineData(1, 0, true)] // no base: none allowed
    public async Task Cap_PerUnit_AllowsExactlyTheShare(int capped, int baseCount, bool finds)
    {
        await using var data = await ComposingTestData.CreateAsync();
        await data.RuleAsync(AwardRuleKind.Cap, RuleSeverity.Warning, data.Cstdcs, data.Ldtt, cap: 15m, scope: CapScope.Unit);
        var proposal = await data.ProposalAsync(data.UnitA);
        for (var i = 0; i < Math.Max(capped, baseCount); i++)
        {
            var person = await data.PersonAsync(data.UnitA, $"Người thứ {i}");
            if (i < baseCount)
            {
                await data.NominateAsync(proposal, person, data.Ldtt);
            }

            if (i < capped)
            {
                await data.NominateAsync(proposal, person, data.Cstdcs);
            }
        }

        var findings = await data.Checker().CheckAsync(proposal.Id);

        Assert.Equal(finds, findings.Any(f => f.Kind == AwardRuleKind.Cap && f.NomineeId is null));
    }

    [Fact]
    public async Task Cap_AgencyWide_CountsOtherUnitsLiveProposals()
    {
        await using var data = await ComposingTestData.CreateAsync();
        await data.RuleAsync(AwardRuleKind.Cap, RuleSeverity.Warning, data.Cstdcs, data.Ldtt, cap: 15m, scope: CapScope.Agency);
        var other = await data.ProposalAsync(data.UnitB, status: ProposalStatus.Submitted);
        for (var i = 0; i < 6; i++)
        {
            await data.NominateAsync(other, await data.PersonAsync(data.UnitB, $"Cán bộ B {i}"), data.Ldtt);
        }

        var proposal = await data.ProposalAsync(data.UnitA);
        var a = await data.PersonAsync(data.UnitA, "Cán bộ A");
        await data.NominateAsync(proposal, a, data.Ldtt);
        await data.NominateAsync(proposal, a, data.Cstdcs);

        // 1 of 7 = 14.3 %: within 15 %.
        Assert.Empty(await data.Checker().CheckAsync(proposal.Id));

        var b = await data.PersonAsync(data.UnitA, "Cán bộ A2");
        await data.NominateAsync(proposal, b, data.Cstdcs);

        // 2 of 7 = 28.6 %.
        var finding = Assert.Single(await data.Checker().CheckAsync(proposal.Id));
        Assert.Equal("Rules.CapAgency", finding.Code);
        Assert.Equal(2, finding.Args[2]);
        Assert.Equal(7, finding.Args[4]);
    }

    [Fact]
    public async Task WomenShare_IsAWarningWithThePercentage_EvenWhenConfiguredToBlock()
    {
        await using var data = await ComposingTestData.CreateAsync();
        await data.RuleAsync(AwardRuleKind.WomenShare, RuleSeverity.Block);
        var proposal = await data.ProposalAsync(data.UnitA);
        await data.NominateAsync(proposal, await data.PersonAsync(data.UnitA, "Nguyễn Thị Ánh", Gender.Female), data.Ldtt);
        await data.NominateAsync(proposal, await data.PersonAsync(data.UnitA, "Trần Văn Bình"), data.Ldtt);
        await data.NominateAsync(proposal, await data.PersonAsync(data.UnitA, "Lê Văn Cường"), data.Ldtt);
        await data.NominateAsync(proposal, data.UnitA1, data.TapThe);

        var finding = Assert.Single(await data.Checker().CheckAsync(proposal.Id));

        Assert.False(finding.Blocks);
        Assert.Equal(1, finding.Args[1]);
        Assert.Equal(3, finding.Args[2]);
        Assert.Equal("33,3", finding.Args[3]);
    }

    [Fact]
    public async Task RulesSwitchedOff_FindNothing()
    {
        await using var data = await ComposingTestData.CreateAsync();
        await data.RuleAsync(AwardRuleKind.DuplicateInYear, RuleSeverity.Off);
        var person = await data.PersonAsync(data.UnitA, "Trần Văn Bình");
        await data.CommendAsync(person, data.Ldtt, Year);
        var proposal = await data.ProposalAsync(data.UnitA);
        await data.NominateAsync(proposal, person, data.Ldtt);

        Assert.Empty(await data.Checker().CheckAsync(proposal.Id));
    }

    [Fact]
    public async Task DefaultRules_AreAddedOnce_ByTheSeededNames()
    {
        await using var data = await ComposingTestData.CreateAsync();

        var added = await EmulationPortal.Seeding.DemoProposalRules.AddAsync(data.Db);
        var again = await EmulationPortal.Seeding.DemoProposalRules.AddAsync(data.Db);

        Assert.Equal(7, added);
        Assert.Equal(0, again);
        var cap = data.Db.AwardRules.Single(r => r.Kind == AwardRuleKind.Cap);
        Assert.Equal((data.Cstdcs.Id, data.Ldtt.Id, 15m), (cap.AwardTypeId!.Value, cap.RequiredAwardTypeId!.Value, cap.CapPercent!.Value));
    }
}
