using System.Net;
using System.Text.RegularExpressions;
using EmulationPortal.Accounts;
using EmulationPortal.Feedbacks;
using EmulationPortal.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using static EmulationPortal.Tests.Admin.AccountsTestHelpers;

namespace EmulationPortal.Tests.Admin;

/// <summary>The admin dashboard (/Admin): counts from the database, open reports.</summary>
public sealed class AccountsDashboardTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Dashboard_ShowsCountsFromTheDatabase_AndOpenFeedback()
    {
        var (editor, _) = await SignInNewAsync(factory, Roles.Editor);
        using var visitor = factory.CreateBrowserlikeClient();
        var subject = $"Phản ánh trên bảng điều khiển {Guid.NewGuid():N}"[..60];
        using var sent = await PostFormAsync(visitor, "/phan-anh", "/phan-anh", ("Category", "Other"), ("Subject", subject), ("Text", "Nội dung phản ánh"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var page = await editor.GetStringAsync(new Uri("/Admin", UriKind.Relative));

        var documents = await factory.WithDbAsync(db => db.Documents.CountAsync());
        var open = await factory.WithDbAsync(db => db.Feedbacks.CountAsync(f => f.Status == FeedbackStatus.New || f.Status == FeedbackStatus.Handling));
        var drafts = await factory.WithDbAsync(db => db.Campaigns.CountAsync(c => !c.IsPublished));
        Assert.True(documents > 0, "The demo content has documents.");
        Assert.Equal(documents, Count(page, "count-documents"));
        Assert.Equal(open, Count(page, "count-feedback-open"));
        Assert.Equal(drafts, Count(page, "count-campaigns-draft"));
        Assert.Contains(subject, Html.Text(page), StringComparison.Ordinal);
        Assert.Contains("Bảng điều khiển", Html.Text(page), StringComparison.Ordinal);
    }

    private static int Count(string html, string id)
    {
        var match = Regex.Match(html, $"""id="{id}">(\d+)<""", RegexOptions.CultureInvariant);
        Assert.True(match.Success, $"The dashboard shows no {id}.");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
