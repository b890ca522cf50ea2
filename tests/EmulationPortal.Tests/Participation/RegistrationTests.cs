using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.Participation;
using EmulationPortal.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using static EmulationPortal.Tests.Admin.ContentTestSupport;
using static EmulationPortal.Tests.Participation.RegistrationTestSupport;

namespace EmulationPortal.Tests.Participation;

/// <summary>Đăng ký thi đua by a unit reporter, and the Office's participation pages.</summary>
public sealed class RegistrationTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task UnitReporter_RegistersThroughTheForm_RegistrationIsStoredForTheirUnitWithTargets()
    {
        var s = await ScenarioAsync(factory);
        using var client = await ReporterAsync(factory, s.UnitA);

        var index = await client.GetStringAsync(new Uri("/don-vi", UriKind.Relative));
        Assert.Contains("Chưa đăng ký", Html.Text(index), StringComparison.Ordinal);
        var url = $"/don-vi/phong-trao/{s.CampaignId}/dang-ky";
        using var response = await TestUsers.PostFormAsync(client, url, url, new Dictionary<string, string>
        {
            ["Commitments"] = "Tổ chức 4 hoạt động hưởng ứng phong trào.",
            [$"Targets[{s.ActivitiesId}]"] = "4",
            [$"Targets[{s.PeopleId}]"] = "25",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Registrations.Include(r => r.Targets).SingleAsync(r => r.CampaignId == s.CampaignId));
        Assert.Equal(s.UnitA, stored.UnitId);
        Assert.Equal("Tổ chức 4 hoạt động hưởng ứng phong trào.", stored.Commitments);
        Assert.Equal(25m, stored.Targets.Single(t => t.IndicatorId == s.PeopleId).Value);
        var page = Html.Text(await client.GetStringAsync(new Uri($"/don-vi/phong-trao/{s.CampaignId}", UriKind.Relative)));
        Assert.Contains("Đã đăng ký", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_WithNegativeOrAbsurdTargets_IsRefusedWithMessagesAndNothingSaved()
    {
        var s = await ScenarioAsync(factory);
        using var client = await ReporterAsync(factory, s.UnitA);
        var url = $"/don-vi/phong-trao/{s.CampaignId}/dang-ky";

        using var response = await TestUsers.PostFormAsync(client, url, url, new Dictionary<string, string>
        {
            ["Commitments"] = "Cam kết", [$"Targets[{s.ActivitiesId}]"] = "-2", [$"Targets[{s.PeopleId}]"] = "31",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Contains("“Số hoạt động” không được là số âm.", body, StringComparison.Ordinal);
        Assert.Contains("vượt quá 30 người", body, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Registrations.AnyAsync(r => r.CampaignId == s.CampaignId)));
    }

    [Fact]
    public async Task Register_AfterTheDeadline_IsRefusedWithAMessage()
    {
        var s = await ScenarioAsync(factory, deadlineInDays: -1);
        using var client = await ReporterAsync(factory, s.UnitA);
        var campaignPage = $"/don-vi/phong-trao/{s.CampaignId}";

        using var response = await TestUsers.PostFormAsync(client, campaignPage, $"{campaignPage}/dang-ky", new Dictionary<string, string> { ["Commitments"] = "Muộn" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Đã hết hạn đăng ký", await BodyAsync(response), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Registrations.AnyAsync(r => r.CampaignId == s.CampaignId)));
    }

    [Fact]
    public async Task Register_ForAUnitTheCampaignDoesNotExpect_IsRefusedWithAMessage()
    {
        var s = await ScenarioAsync(factory);
        using var client = await ReporterAsync(factory, s.UnitC);

        using var response = await client.GetAsync(new Uri($"/don-vi/phong-trao/{s.CampaignId}/dang-ky", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("không thuộc danh sách đơn vị tham gia", await BodyAsync(response), StringComparison.Ordinal);
        var index = Html.Text(await client.GetStringAsync(new Uri("/don-vi", UriKind.Relative)));
        Assert.DoesNotContain($"/don-vi/phong-trao/{s.CampaignId}\"", index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workspace_ForAReporterWithoutAUnit_SaysSoClearly()
    {
        using var client = await ReporterAsync(factory, unitId: null);

        var body = Html.Text(await client.GetStringAsync(new Uri("/don-vi", UriKind.Relative)));

        Assert.Contains("chưa được gắn với đơn vị nào", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workspace_IsClosedToAnonymousAndToStaff()
    {
        using var anonymous = factory.CreateBrowserlikeClient();
        using var anonymousResponse = await anonymous.GetAsync(new Uri("/don-vi", UriKind.Relative));
        Assert.Contains("/dang-nhap", LocationOf(anonymousResponse), StringComparison.Ordinal);

        using var staff = await TestUsers.SignedInClientAsync(factory, Roles.Staff);
        using var staffResponse = await staff.GetAsync(new Uri("/don-vi", UriKind.Relative));
        await AssertForbiddenAsync(staff, staffResponse);
    }

    [Fact]
    public async Task ReporterMenu_LinksToTheUnitWorkspace()
    {
        var s = await ScenarioAsync(factory);
        using var client = await ReporterAsync(factory, s.UnitA);

        var home = Html.Text(await client.GetStringAsync(new Uri("/", UriKind.Relative)));

        Assert.Contains("href=\"/don-vi\">Thi đua của đơn vị</a>", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminMenu_LinksToParticipation_UnderHonors()
    {
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);

        var admin = Html.Text(await editor.GetStringAsync(new Uri("/Admin", UriKind.Relative)));

        Assert.Contains("href=\"/Admin/Participation\">Tham gia, báo cáo</a>", admin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_SetsUpACampaign_SettingsIndicatorAndRoundAreStored()
    {
        var s = await ScenarioAsync(factory);
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var page = $"/Admin/Participation/Campaign/{s.CampaignId}";
        var list = Html.Text(await editor.GetStringAsync(new Uri("/Admin/Participation", UriKind.Relative)));
        Assert.Contains(page, list, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Tham gia, báo cáo", list, StringComparison.Ordinal);

        var settingsVersion = await factory.WithDbAsync(db => db.ParticipationSettings.Where(x => x.CampaignId == s.CampaignId).Select(x => x.Version).SingleAsync());
        using var settings = await TestUsers.PostFormAsync(editor, page, $"/Admin/Participation/Settings/{s.CampaignId}", new Dictionary<string, string>
        {
            ["Version"] = settingsVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RegistrationExpected"] = "false", ["AllowsPersonalRegistration"] = "true", ["RegistrationDeadline"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, settings.StatusCode);

        var indicatorUrl = $"/Admin/Participation/Indicator/{s.CampaignId}";
        using var indicator = await TestUsers.PostFormAsync(editor, indicatorUrl, indicatorUrl, new Dictionary<string, string>
        {
            ["Name"] = "Số sáng kiến mới", ["MeasureUnit"] = "sáng kiến", ["SortOrder"] = "3",
        });
        Assert.Equal(HttpStatusCode.Redirect, indicator.StatusCode);

        var roundUrl = $"/Admin/Participation/Round/{s.CampaignId}";
        using var round = await TestUsers.PostFormAsync(editor, roundUrl, roundUrl, new Dictionary<string, string>
        {
            ["Name"] = "Tổng kết năm", ["Kind"] = "Final", ["DueOn"] = s.StartsOn.AddDays(200).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, round.StatusCode);

        var stored = await factory.WithDbAsync(async db => new
        {
            Settings = await db.ParticipationSettings.Include(x => x.ExpectedUnits).SingleAsync(x => x.CampaignId == s.CampaignId),
            Indicator = await db.CampaignIndicators.AnyAsync(i => i.CampaignId == s.CampaignId && i.Name == "Số sáng kiến mới"),
            Round = await db.ReportRounds.SingleAsync(r => r.CampaignId == s.CampaignId && r.Name == "Tổng kết năm"),
        });
        Assert.False(stored.Settings.RegistrationExpected);
        Assert.True(stored.Settings.AllowsPersonalRegistration);
        Assert.Empty(stored.Settings.ExpectedUnits);
        Assert.True(stored.Indicator);
        Assert.Equal(ReportKind.Final, stored.Round.Kind);
        var overview = Html.Text(await editor.GetStringAsync(new Uri(page, UriKind.Relative)));
        Assert.Contains("Tổng kết", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_RoundDueBeforeTheCampaignStarts_IsRefusedWithAMessage()
    {
        var s = await ScenarioAsync(factory);
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var roundUrl = $"/Admin/Participation/Round/{s.CampaignId}";

        using var response = await TestUsers.PostFormAsync(editor, roundUrl, roundUrl, new Dictionary<string, string>
        {
            ["Name"] = "Đợt quá sớm", ["Kind"] = "Progress", ["DueOn"] = s.StartsOn.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Hạn nộp không được trước ngày bắt đầu phong trào", await BodyAsync(response), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.ReportRounds.AnyAsync(r => r.Name == "Đợt quá sớm")));
    }

    [Fact]
    public async Task Editor_DeletesARegistration_AfterConfirming()
    {
        var s = await ScenarioAsync(factory);
        using (var reporter = await ReporterAsync(factory, s.UnitA))
        {
            await RegisterAsync(reporter, s.CampaignId);
        }

        var id = await factory.WithDbAsync(db => db.Registrations.Where(r => r.CampaignId == s.CampaignId).Select(r => r.Id).SingleAsync());
        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var confirm = $"/Admin/Participation/DeleteRegistration/{id}";
        Assert.Contains("Bạn có chắc muốn xóa đăng ký", Html.Text(await editor.GetStringAsync(new Uri(confirm, UriKind.Relative))), StringComparison.Ordinal);

        using var response = await TestUsers.PostFormAsync(editor, confirm, confirm, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Registrations.AnyAsync(r => r.Id == id)));
    }

    [Fact]
    public async Task Leader_ReadsButCannotChangeAnything()
    {
        var s = await ScenarioAsync(factory);
        using (var reporter = await ReporterAsync(factory, s.UnitA))
        {
            await RegisterAsync(reporter, s.CampaignId);
        }

        var registrationId = await factory.WithDbAsync(db => db.Registrations.Where(r => r.CampaignId == s.CampaignId).Select(r => r.Id).SingleAsync());
        using var leader = await TestUsers.SignedInClientAsync(factory, Roles.Leader);
        var page = $"/Admin/Participation/Campaign/{s.CampaignId}";
        using var read = await leader.GetAsync(new Uri(page, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        var posts = new[]
        {
            $"/Admin/Participation/Settings/{s.CampaignId}", $"/Admin/Participation/Indicator/{s.CampaignId}", $"/Admin/Participation/Round/{s.CampaignId}",
            $"/Admin/Participation/Lock/{s.CampaignId}?roundId={s.OpenRoundId}", $"/Admin/Participation/Unlock/{s.CampaignId}?roundId={s.LockedRoundId}",
            $"/Admin/Participation/Registration/{registrationId}", $"/Admin/Participation/DeleteRegistration/{registrationId}",
        };
        foreach (var action in posts)
        {
            using var response = await TestUsers.PostFormAsync(leader, page, action, new Dictionary<string, string>
            {
                ["Name"] = "Đổi", ["Kind"] = "Progress", ["DueOn"] = "2099-01-01", ["Commitments"] = "Đổi",
            });
            await AssertForbiddenAsync(leader, response);
        }

        var unchanged = await factory.WithDbAsync(async db => new
        {
            Rounds = await db.ReportRounds.CountAsync(r => r.CampaignId == s.CampaignId),
            OpenLocked = await db.ReportRounds.Where(r => r.Id == s.OpenRoundId).Select(r => r.IsLocked).SingleAsync(),
            Registration = await db.Registrations.AnyAsync(r => r.Id == registrationId),
        });
        Assert.Equal(3, unchanged.Rounds);
        Assert.False(unchanged.OpenLocked);
        Assert.True(unchanged.Registration);
    }
}
