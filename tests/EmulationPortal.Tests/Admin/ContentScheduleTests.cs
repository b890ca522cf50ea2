using System.Globalization;
using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.Tests.Integration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static EmulationPortal.Tests.Admin.ContentTestSupport;

namespace EmulationPortal.Tests.Admin;

/// <summary>The portal with a clock the test moves by hand.</summary>
public sealed class FakeClockPortalAppFactory : PortalAppFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Scheduled publication: an article dated later appears by itself when its time comes.</summary>
public sealed class ContentScheduleTests(FakeClockPortalAppFactory factory) : IClassFixture<FakeClockPortalAppFactory>
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task ScheduledArticle_StaysHiddenUntilItsTime_ThenAppearsByItself()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var title = "Tin hẹn giờ " + Guid.NewGuid().ToString("N")[..8];
        using var created = await TestUsers.PostFormAsync(client, "/Admin/Articles/Create", "/Admin/Articles/Create", Form(("Title", title), ("Body", "<p>Hẹn giờ</p>")));
        var id = IdFromLocation(created);

        // Two hours from now, typed in Vietnam time as the datetime-local field sends it.
        var localTime = factory.Clock.GetUtcNow().ToOffset(Vietnam).AddHours(2);
        var typed = localTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        using var scheduled = await TestUsers.PostFormAsync(client, $"/Admin/Articles/Edit/{id}", $"/Admin/Articles/Schedule/{id}", Form(("PublishAt", typed)));
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);

        var (slug, publishedAt) = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => new ValueTuple<string, DateTime?>(a.Slug, a.PublishedAt)).SingleAsync());
        var expectedUtc = new DateTime(localTime.Year, localTime.Month, localTime.Day, localTime.Hour, localTime.Minute, 0, DateTimeKind.Utc) - Vietnam;
        Assert.Equal(expectedUtc, publishedAt);

        var anonymous = factory.CreateClient();
        using (var before = await anonymous.GetAsync(new Uri($"/tin-tuc/{slug}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        Assert.DoesNotContain(title, Html.Text(await anonymous.GetStringAsync(new Uri("/tin-tuc", UriKind.Relative))), StringComparison.Ordinal);
        var list = Html.Text(await client.GetStringAsync(new Uri("/Admin/Articles?tinh-trang=hen-gio", UriKind.Relative)));
        Assert.Contains(title, list, StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));

        using (var after = await anonymous.GetAsync(new Uri($"/tin-tuc/{slug}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        }

        Assert.Contains(title, Html.Text(await anonymous.GetStringAsync(new Uri("/tin-tuc", UriKind.Relative))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_InThePast_IsRefusedInVietnamese()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        using var created = await TestUsers.PostFormAsync(client, "/Admin/Articles/Create", "/Admin/Articles/Create", Form(("Title", "Tin hẹn giờ sai"), ("Body", "<p>x</p>")));
        var id = IdFromLocation(created);
        var past = factory.Clock.GetUtcNow().ToOffset(Vietnam).AddHours(-1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

        using var response = await TestUsers.PostFormAsync(client, $"/Admin/Articles/Edit/{id}", $"/Admin/Articles/Schedule/{id}", Form(("PublishAt", past)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Thời điểm hẹn giờ phải ở tương lai", Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
