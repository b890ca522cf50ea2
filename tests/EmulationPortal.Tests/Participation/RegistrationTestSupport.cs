using EmulationPortal.Accounts;
using EmulationPortal.Campaigns;
using EmulationPortal.Common;
using EmulationPortal.Organisation;
using EmulationPortal.Participation;
using EmulationPortal.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace EmulationPortal.Tests.Participation;

/// <summary>A launched campaign expecting two units (A and B, three staff each), with two indicators and rounds; unit C is not expected.</summary>
internal sealed record ParticipationScenario(
    int CampaignId, DateOnly StartsOn, int UnitA, int UnitB, int UnitC, int ActivitiesId, int PeopleId, int OpenRoundId, int LateRoundId, int LockedRoundId);

internal static class RegistrationTestSupport
{
    /// <summary>Creates the scenario; <paramref name="deadline"/> sets the registration deadline relative to today (days).</summary>
    public static async Task<ParticipationScenario> ScenarioAsync(PortalAppFactory factory, bool registrationExpected = true, int? deadlineInDays = 30)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EmulationPortal.Data.PortalDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<PortalClock>().Today;
        var tag = Guid.NewGuid().ToString("N")[..8];
        Unit NewUnit(string name) => new() { Name = $"{name} {tag}", Kind = UnitKind.Division, SortOrder = 900 };
        var (a, b, c) = (NewUnit("Phòng Thử nghiệm A"), NewUnit("Phòng Thử nghiệm B"), NewUnit("Phòng Thử nghiệm C"));
        db.Units.AddRange(a, b, c);
        foreach (var unit in new[] { a, b, c })
        {
            for (var i = 0; i < 3; i++)
            {
                db.StaffMembers.Add(new StaffMember { FullName = $"Nguyễn Văn Thử {i}", Position = "Chuyên viên", Unit = unit });
            }
        }

        var startsOn = today.AddDays(-40);
        var campaign = new Campaign
        {
            Title = $"Phong trào thử nghiệm {tag}", Slug = $"phong-trao-thu-nghiem-{tag}", LaunchedBy = "Sở", StartsOn = startsOn,
            EndsOn = today.AddDays(300), Summary = "Tóm tắt", IsPublished = true,
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        var settings = new ParticipationSettings
        {
            CampaignId = campaign.Id, RegistrationExpected = registrationExpected,
            RegistrationDeadline = deadlineInDays is { } d ? today.AddDays(d) : null,
        };
        settings.ExpectedUnits.Add(a);
        settings.ExpectedUnits.Add(b);
        db.ParticipationSettings.Add(settings);
        var activities = new CampaignIndicator { CampaignId = campaign.Id, Name = "Số hoạt động", MeasureUnit = "hoạt động", SortOrder = 1 };
        var people = new CampaignIndicator { CampaignId = campaign.Id, Name = "Số người tham gia", MeasureUnit = "người", SortOrder = 2 };
        db.CampaignIndicators.AddRange(activities, people);
        var open = new ReportRound { CampaignId = campaign.Id, Name = "Báo cáo quý", Kind = ReportKind.Progress, DueOn = today.AddDays(20) };
        var late = new ReportRound { CampaignId = campaign.Id, Name = "Sơ kết", Kind = ReportKind.Interim, DueOn = today.AddDays(-3) };
        var locked = new ReportRound { CampaignId = campaign.Id, Name = "Báo cáo đã khóa", Kind = ReportKind.Progress, DueOn = today.AddDays(-20), IsLocked = true };
        db.ReportRounds.AddRange(open, late, locked);
        await db.SaveChangesAsync();
        return new ParticipationScenario(campaign.Id, startsOn, a.Id, b.Id, c.Id, activities.Id, people.Id, open.Id, late.Id, locked.Id);
    }

    /// <summary>A unit reporter of the unit, signed in through the login form.</summary>
    public static async Task<HttpClient> ReporterAsync(PortalAppFactory factory, int? unitId)
    {
        var userName = await TestUsers.CreateAsync(factory, Roles.UnitReporter, unitId: unitId);
        var client = factory.CreateBrowserlikeClient();
        using var response = await TestUsers.SignInAsync(client, userName, TestUsers.Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Registers the unit through the workspace form and checks the redirect.</summary>
    public static async Task RegisterAsync(HttpClient client, int campaignId, string commitments = "Tổ chức 4 hoạt động trong năm.")
    {
        var url = $"/don-vi/phong-trao/{campaignId}/dang-ky";
        using var response = await TestUsers.PostFormAsync(client, url, url, new Dictionary<string, string> { ["Commitments"] = commitments });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    public static async Task<string> BodyAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = Html.Text(await response.Content.ReadAsStringAsync());
        Html.AssertNoStackTrace(body);
        return body;
    }
}
