using System.Net;
using System.Reflection;
using EmulationPortal.Accounts;
using EmulationPortal.Data;
using EmulationPortal.Reporting;
using EmulationPortal.Tests.Integration;
using EmulationPortal.Web.Controllers;
using EmulationPortal.Web.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Time.Testing;

namespace EmulationPortal.Tests.Participation;

/// <summary>The portal on a fixed day (15/06/2026, Vietnam time), with one campaign's participation data.</summary>
public sealed class DashboardAppFactory : PortalAppFactory
{
    public static readonly DateOnly Today = new(2026, 6, 15);

    private readonly Lazy<Task<DashboardData>> _data;

    public DashboardAppFactory()
    {
        _data = new Lazy<Task<DashboardData>>(() => WithDbAsync(db => DashboardTestData.SeedAsync(db, Today, DashboardTestData.PlanningUnit)));
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 15, 3, 0, 0, TimeSpan.Zero));

    /// <summary>The campaign data, written once per factory (unit A is the demo unit "Phòng Kế hoạch - Tài chính").</summary>
    internal Task<DashboardData> DataAsync() => _data.Value;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Who may open the leaders' dashboard, what it shows, and that it changes nothing.</summary>
public sealed class DashboardPageTests(DashboardAppFactory factory) : IClassFixture<DashboardAppFactory>
{
    [Fact]
    public async Task Leader_OpensEveryDashboardPage_AndSeesTheMenuItem()
    {
        var data = await factory.DataAsync();
        using var client = await TestUsers.SignedInClientAsync(factory, Roles.Leader);

        foreach (var url in new[] { "/bao-cao", "/bao-cao?nam=2026", $"/bao-cao/phong-trao/{data.CampaignId}", $"/bao-cao/don-vi/{data.UnitB}", "/bao-cao/khen-thuong", "/bao-cao/khen-thuong?nam=2024" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            Html.AssertNoStackTrace(html);
        }

        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("<a class=\"nav-link\" href=\"/bao-cao\"", home, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.UnitReporter)]
    public async Task StaffAndUnitReporter_AreForbidden_AndSeeNoMenuItem(string role)
    {
        var data = await factory.DataAsync();
        using var client = await TestUsers.SignedInClientAsync(factory, role);

        foreach (var url in new[] { "/bao-cao", $"/bao-cao/phong-trao/{data.CampaignId}", $"/bao-cao/phong-trao/{data.CampaignId}/xuat?bang=matrix&dinh-dang=xlsx", "/bao-cao/khen-thuong" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(
                response.StatusCode == HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/khong-co-quyen", StringComparison.Ordinal)),
                $"{url}: {response.StatusCode} {response.Headers.Location}");
        }

        using var denied = await client.GetAsync(new Uri("/khong-co-quyen", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.DoesNotContain("<a class=\"nav-link\" href=\"/bao-cao\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_IsSentToLogin()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync(new Uri("/bao-cao/khen-thuong", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/dang-nhap", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CampaignPage_ShowsRatesAndEveryMatrixStateInWords_WithALegend()
    {
        var data = await factory.DataAsync();
        using var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);

        var html = await client.GetStringAsync(new Uri($"/bao-cao/phong-trao/{data.CampaignId}", UriKind.Relative));
        var text = Html.Text(html);

        Assert.Contains("66,7 %", text, StringComparison.Ordinal);
        Assert.Contains("2/3 đơn vị dự kiến đã đăng ký", text, StringComparison.Ordinal);
        Assert.Contains("Muộn 3 ngày", text, StringComparison.Ordinal);
        Assert.Contains("Chưa nộp (quá hạn)", text, StringComparison.Ordinal);
        Assert.Contains("Chưa đến hạn", text, StringComparison.Ordinal);
        Assert.Contains("Chú giải", text, StringComparison.Ordinal);
        Assert.Contains(DashboardTestData.PlanningUnit, text, StringComparison.Ordinal);
        // The chart reads JSON from the page; the print header carries the organisation and the formal date.
        Assert.Contains("<script type=\"application/json\"", html, StringComparison.Ordinal);
        Assert.Contains("/lib/chart.js/chart.umd.min.", html, StringComparison.Ordinal);
        Assert.Contains("ngày 15 tháng 6 năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("data-print", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" onclick=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ZeroExpectedUnits_AreShownAsADash()
    {
        var text = factory.Services.GetRequiredService<IStringLocalizer<ReportingResource>>();

        Assert.Equal("—", ReportTables.Percent(new Rate(0, 0), text));
        Assert.Equal("—", ReportTables.PercentValue(new Rate(0, 0), text));
        Assert.Equal("50 %", ReportTables.Percent(new Rate(1, 2), text));
    }

    [Fact]
    public async Task UnknownCampaignOrUnit_Is404()
    {
        using var client = await TestUsers.SignedInClientAsync(factory, Roles.Leader);

        foreach (var url in new[] { "/bao-cao/phong-trao/987654", "/bao-cao/don-vi/987654", "/bao-cao/phong-trao/987654/xuat?bang=matrix&dinh-dang=csv" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task Leader_CannotChangeAnything_TheDashboardHasOnlyGetActions()
    {
        var data = await factory.DataAsync();
        var actions = typeof(ReportingController).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
        Assert.NotEmpty(actions);
        Assert.All(actions, a =>
        {
            var verbs = a.GetCustomAttributes<HttpMethodAttribute>().SelectMany(m => m.HttpMethods).ToList();
            Assert.Equal(["GET"], verbs);
        });

        using var client = await TestUsers.SignedInClientAsync(factory, Roles.Leader);
        var before = await factory.WithDbAsync(db => Task.FromResult((db.ProgressReports.Count(), db.Registrations.Count())));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["nam"] = "2026" });
        using var post = await client.PostAsync(new Uri($"/bao-cao/phong-trao/{data.CampaignId}", UriKind.Relative), content);

        Assert.False(post.IsSuccessStatusCode, post.StatusCode.ToString());
        var after = await factory.WithDbAsync(db => Task.FromResult((db.ProgressReports.Count(), db.Registrations.Count())));
        Assert.Equal(before, after);
    }
}
