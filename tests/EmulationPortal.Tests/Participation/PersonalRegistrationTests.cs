using System.Globalization;
using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.Campaigns;
using EmulationPortal.Common;
using EmulationPortal.Organisation;
using EmulationPortal.Participation;
using EmulationPortal.Tests.Integration;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EmulationPortal.Tests.Admin.ContentTestSupport;
using static EmulationPortal.Tests.Participation.RegistrationTestSupport;

namespace EmulationPortal.Tests.Participation;

/// <summary>Đăng ký thi đua cá nhân on the public campaign page (/phong-trao/{slug}).</summary>
public sealed class PersonalRegistrationTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private sealed record Scenario(int CampaignId, string Slug, int StaffMemberId, string StaffName, int ActivitiesId)
    {
        public string Page => $"/phong-trao/{Slug}";

        public string Action => $"/phong-trao/{Slug}/dang-ky-ca-nhan";
    }

    [Fact]
    public async Task Staff_RegistersThroughTheCampaignPage_StoredWithStaffMemberAndNoUnit()
    {
        var s = await ScenarioAsync();
        using var client = await StaffClientAsync(s.StaffMemberId);

        var page = Html.Text(await client.GetStringAsync(new Uri(s.Page, UriKind.Relative)));
        Assert.Contains("Đăng ký thi đua cá nhân", page, StringComparison.Ordinal);
        Assert.Contains($"action=\"{s.Action}\"", page, StringComparison.Ordinal);
        using var response = await PostAsync(client, s, "Tham gia đầy đủ các hoạt động của phong trào.", "3");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(s.Page, LocationOf(response));
        var stored = await factory.WithDbAsync(db => db.Registrations.Include(r => r.Targets).SingleAsync(r => r.CampaignId == s.CampaignId));
        Assert.Equal(s.StaffMemberId, stored.StaffMemberId);
        Assert.Null(stored.UnitId);
        Assert.Equal("Tham gia đầy đủ các hoạt động của phong trào.", stored.Commitments);
        Assert.Equal(3m, stored.Targets.Single(t => t.IndicatorId == s.ActivitiesId).Value);
        var after = Html.Text(await client.GetStringAsync(new Uri(s.Page, UriKind.Relative)));
        Assert.Contains("Đã đăng ký thi đua.", after, StringComparison.Ordinal);
        Assert.Contains("Tham gia đầy đủ các hoạt động của phong trào.", after, StringComparison.Ordinal);
        Assert.Contains("Sửa nội dung đăng ký", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondRegistration_EditsTheFirst_RatherThanAddingAnother()
    {
        var s = await ScenarioAsync();
        using var client = await StaffClientAsync(s.StaffMemberId);
        using (var first = await PostAsync(client, s, "Cam kết ban đầu", "2"))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var page = await client.GetStringAsync(new Uri(s.Page, UriKind.Relative));
        var version = await factory.WithDbAsync(db => db.Registrations.Where(r => r.CampaignId == s.CampaignId).Select(r => r.Version).SingleAsync());
        Assert.Contains($"name=\"Version\" value=\"{version.ToString(CultureInfo.InvariantCulture)}\"", page, StringComparison.Ordinal);
        using var second = await PostAsync(client, s, "Cam kết đã sửa", "", version);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Registrations.Include(r => r.Targets).Where(r => r.CampaignId == s.CampaignId).ToListAsync());
        var only = Assert.Single(stored);
        Assert.Equal("Cam kết đã sửa", only.Commitments);
        Assert.Empty(only.Targets);
    }

    [Fact]
    public async Task Register_WhenTheCampaignDoesNotAllowPersonalRegistration_IsRefusedAndNothingSaved()
    {
        var s = await ScenarioAsync(allowsPersonal: false);
        using var client = await StaffClientAsync(s.StaffMemberId);
        var page = Html.Text(await client.GetStringAsync(new Uri(s.Page, UriKind.Relative)));
        Assert.DoesNotContain("Đăng ký thi đua cá nhân", page, StringComparison.Ordinal);

        using var response = await PostAsync(client, s, "Cam kết", "1");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Phong trào này không nhận đăng ký thi đua cá nhân.", await BodyAsync(response), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Registrations.AnyAsync(r => r.CampaignId == s.CampaignId)));
    }

    [Fact]
    public async Task Register_AfterTheDeadline_IsRefusedAndNothingSaved()
    {
        var s = await ScenarioAsync(deadlineInDays: -1);
        using var client = await StaffClientAsync(s.StaffMemberId);
        var page = Html.Text(await client.GetStringAsync(new Uri(s.Page, UriKind.Relative)));
        Assert.DoesNotContain(s.Action, page, StringComparison.Ordinal);

        using var response = await PostAsync(client, s, "Muộn", "");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Đã hết hạn đăng ký", await BodyAsync(response), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Registrations.AnyAsync(r => r.CampaignId == s.CampaignId)));
    }

    [Fact]
    public async Task Register_AfterTheCampaignEnded_IsRefusedAndNothingSaved()
    {
        var s = await ScenarioAsync(deadlineInDays: null, endsInDays: -2);
        using var client = await StaffClientAsync(s.StaffMemberId);

        using var response = await PostAsync(client, s, "Muộn", "");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Phong trào đã kết thúc", await BodyAsync(response), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Registrations.AnyAsync(r => r.CampaignId == s.CampaignId)));
    }

    [Fact]
    public async Task Register_WithATamperedCampaignId_IsRefusedAndNothingSaved()
    {
        var s = await ScenarioAsync();
        var other = await ScenarioAsync();
        using var client = await StaffClientAsync(s.StaffMemberId);

        using var response = await PostAsync(client, s, "Cam kết", "", campaignId: other.CampaignId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("không khớp với phong trào đang xem", await BodyAsync(response), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Registrations.AnyAsync(r => r.CampaignId == s.CampaignId || r.CampaignId == other.CampaignId)));
    }

    [Fact]
    public async Task Register_WithANegativeTarget_ShowsTheMessageAndNothingSaved()
    {
        var s = await ScenarioAsync();
        using var client = await StaffClientAsync(s.StaffMemberId);

        using var response = await PostAsync(client, s, "Cam kết", "-1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Contains("“Số hoạt động” không được là số âm.", body, StringComparison.Ordinal);
        Assert.Contains("Cam kết", body, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Registrations.AnyAsync(r => r.CampaignId == s.CampaignId)));
    }

    [Fact]
    public async Task Register_WithoutCommitments_ShowsTheMessageAndNothingSaved()
    {
        var s = await ScenarioAsync();
        using var client = await StaffClientAsync(s.StaffMemberId);

        using var response = await PostAsync(client, s, "   ", "2");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nội dung đăng ký không được để trống.", await BodyAsync(response), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Registrations.AnyAsync(r => r.CampaignId == s.CampaignId)));
    }

    [Fact]
    public async Task CampaignPage_ForAnonymousVisitors_LinksToSignInAndComesBack()
    {
        var s = await ScenarioAsync();
        using var anonymous = factory.CreateBrowserlikeClient();

        var page = Html.Text(await anonymous.GetStringAsync(new Uri(s.Page, UriKind.Relative)));

        Assert.Contains($"href=\"/dang-nhap?ReturnUrl=%2Fphong-trao%2F{s.Slug}\">Đăng nhập để đăng ký</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(s.Action, page, StringComparison.Ordinal);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["CampaignId"] = s.CampaignId.ToString(CultureInfo.InvariantCulture), ["Commitments"] = "x" });
        using var post = await anonymous.PostAsync(new Uri(s.Action, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("/dang-nhap", LocationOf(post), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Registrations.AnyAsync(r => r.CampaignId == s.CampaignId)));
    }

    [Fact]
    public async Task CampaignPage_ForAnAccountWithoutAStaffMember_ExplainsAndRefusesThePost()
    {
        var s = await ScenarioAsync();
        using var client = await StaffClientAsync(staffMemberId: null);

        var page = Html.Text(await client.GetStringAsync(new Uri(s.Page, UriKind.Relative)));
        Assert.Contains("chưa được gắn với hồ sơ cán bộ nào", page, StringComparison.Ordinal);
        Assert.DoesNotContain(s.Action, page, StringComparison.Ordinal);

        using var response = await PostAsync(client, s, "Cam kết", "");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Registrations.AnyAsync(r => r.CampaignId == s.CampaignId)));
    }

    [Fact]
    public async Task Register_WithoutAntiforgeryToken_Is400AndNothingSaved()
    {
        var s = await ScenarioAsync();
        using var client = await StaffClientAsync(s.StaffMemberId);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CampaignId"] = s.CampaignId.ToString(CultureInfo.InvariantCulture), ["Version"] = "0", ["Commitments"] = "Không có mã chống giả mạo",
        });

        using var response = await client.PostAsync(new Uri(s.Action, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Registrations.AnyAsync(r => r.CampaignId == s.CampaignId)));
    }

    [Fact]
    public async Task Editor_SeesThePersonalRegistration_WithThePersonsName()
    {
        var s = await ScenarioAsync();
        using (var client = await StaffClientAsync(s.StaffMemberId))
        {
            using var response = await PostAsync(client, s, "Cam kết của cá nhân", "");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        using var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var page = Html.Text(await editor.GetStringAsync(new Uri($"/Admin/Participation/Campaign/{s.CampaignId}", UriKind.Relative)));

        Assert.Contains(s.StaffName, page, StringComparison.Ordinal);
        Assert.Contains("Cá nhân", page, StringComparison.Ordinal);
        Assert.Contains("Cam kết của cá nhân", page, StringComparison.Ordinal);
    }

    /// <summary>A published campaign with one indicator and a staff member of a new unit; settings as asked.</summary>
    private async Task<Scenario> ScenarioAsync(bool allowsPersonal = true, int? deadlineInDays = 30, int endsInDays = 300)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EmulationPortal.Data.PortalDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<PortalClock>().Today;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var unit = new Unit { Name = $"Phòng Cá nhân {tag}", Kind = UnitKind.Division, SortOrder = 900 };
        var staff = new StaffMember { FullName = $"Trần Thị Cá Nhân {tag}", Position = "Chuyên viên", Unit = unit };
        db.StaffMembers.Add(staff);
        var campaign = new Campaign
        {
            Title = $"Phong trào cá nhân {tag}", Slug = $"phong-trao-ca-nhan-{tag}", LaunchedBy = "Sở", StartsOn = today.AddDays(-40),
            EndsOn = today.AddDays(endsInDays), Summary = "Tóm tắt", IsPublished = true,
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        db.ParticipationSettings.Add(new ParticipationSettings
        {
            CampaignId = campaign.Id, RegistrationExpected = true, AllowsPersonalRegistration = allowsPersonal,
            RegistrationDeadline = deadlineInDays is { } d ? today.AddDays(d) : null,
        });
        var activities = new CampaignIndicator { CampaignId = campaign.Id, Name = "Số hoạt động", MeasureUnit = "hoạt động", SortOrder = 1 };
        db.CampaignIndicators.Add(activities);
        await db.SaveChangesAsync();
        return new Scenario(campaign.Id, campaign.Slug, staff.Id, staff.FullName, activities.Id);
    }

    /// <summary>A signed-in staff account linked to the staff member (or to none).</summary>
    private async Task<HttpClient> StaffClientAsync(int? staffMemberId)
    {
        var userName = await TestUsers.CreateAsync(factory, Roles.Staff);
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByNameAsync(userName);
            Assert.NotNull(user);
            user.StaffMemberId = staffMemberId;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }

        var client = factory.CreateBrowserlikeClient();
        using var response = await TestUsers.SignInAsync(client, userName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Posts the personal form with the campaign page's antiforgery token, as a browser does.</summary>
    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Scenario s, string commitments, string activities, int version = 0, int? campaignId = null) =>
        TestUsers.PostFormAsync(client, s.Page, s.Action, new Dictionary<string, string>
        {
            ["CampaignId"] = (campaignId ?? s.CampaignId).ToString(CultureInfo.InvariantCulture),
            ["Version"] = version.ToString(CultureInfo.InvariantCulture),
            ["Commitments"] = commitments,
            [$"Targets[{s.ActivitiesId}]"] = activities,
        });
}
