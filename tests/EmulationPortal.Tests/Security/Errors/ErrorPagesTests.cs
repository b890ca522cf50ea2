using System.Net;
using System.Text.RegularExpressions;
using EmulationPortal.Tests.Integration;

namespace EmulationPortal.Tests.Security.Errors;

/// <summary>
/// ASVS V16: failures answer with a generic Vietnamese page that shows a request id, and nothing of what failed inside
/// (no stack trace, exception message, file path or SQL); the same request id is in the log, at Error for 5xx.
/// </summary>
public sealed partial class ErrorPagesTests(LoggingAppFactory factory) : IClassFixture<LoggingAppFactory>
{
    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task AForcedException_Shows500Page_WithoutDetails_AndIsLoggedAtErrorUnderTheShownRequestId(string method)
    {
        using var client = factory.CreateBrowserlikeClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri("/thu-nghiem/loi-may-chu", UriKind.Relative));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = Html.Text(await response.Content.ReadAsStringAsync());
        AssertRevealsNothing(body);
        Assert.Contains("Đã có lỗi xảy ra", body, StringComparison.Ordinal);
        var requestId = RequestIdOf(body);
        var lines = factory.LogLinesWith(requestId);
        Assert.Contains(lines, l => l.Contains("[ERR]", StringComparison.Ordinal) && l.Contains("threw an unhandled exception", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("[ERR]", StringComparison.Ordinal) && l.Contains($"{method} /thu-nghiem/loi-may-chu responded 500", StringComparison.Ordinal));

        // The log does hold the details, for whoever investigates.
        Assert.Contains(LoggingAppFactory.ForcedErrorMarker, factory.ReadLog(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailingSqlStatement_Shows500Page_WithoutTheSql()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync(new Uri("/thu-nghiem/loi-csdl", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = Html.Text(await response.Content.ReadAsStringAsync());
        AssertRevealsNothing(body);
        Assert.DoesNotContain("NoSuchTable7f3a", body, StringComparison.Ordinal);
        Assert.DoesNotContain("no such table", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SQLite", body, StringComparison.OrdinalIgnoreCase);
        var requestId = RequestIdOf(body);
        Assert.Contains(factory.LogLinesWith(requestId), l => l.Contains("[ERR]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AClientErrorThrownDeepDown_Is413_NotA500_AndIsLoggedAtInformation()
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync(new Uri("/thu-nghiem/qua-lon", UriKind.Relative));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = Html.Text(await response.Content.ReadAsStringAsync());
        AssertRevealsNothing(body);
        Assert.Contains("Dữ liệu gửi lên quá lớn", body, StringComparison.Ordinal);
        var lines = factory.LogLinesWith(RequestIdOf(body));
        Assert.Contains(lines, l => l.Contains("[INF]", StringComparison.Ordinal) && l.Contains("refused with 413", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("[ERR]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(400, "Yêu cầu không hợp lệ")]
    [InlineData(403, "Không có quyền truy cập")]
    [InlineData(404, "Không tìm thấy trang")]
    [InlineData(405, "Thao tác không được hỗ trợ")]
    [InlineData(409, "Dữ liệu đã thay đổi")]
    [InlineData(413, "Dữ liệu gửi lên quá lớn")]
    [InlineData(429, "Quá nhiều yêu cầu")]
    [InlineData(500, "Đã có lỗi xảy ra")]
    public async Task EachErrorPage_HasItsVietnameseTitle_AndARequestId(int code, string title)
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync(new Uri($"/loi/{code}", UriKind.Relative));

        Assert.Equal(code, (int)response.StatusCode);
        var body = Html.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains($"<h1>{title}</h1>", body, StringComparison.Ordinal);
        Assert.Contains("Mã yêu cầu (dùng khi liên hệ hỗ trợ):", body, StringComparison.Ordinal);
        Assert.NotEmpty(RequestIdOf(body));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidAntiforgeryToken_Is400Page_AndIsLoggedAtInformation()
    {
        using var client = factory.CreateBrowserlikeClient();
        var marker = $"Phản ánh không được lưu {Guid.NewGuid():N}";
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Category"] = "Other", ["Text"] = marker, ["__RequestVerificationToken"] = "CfDJ8-gia-mao",
        });

        using var response = await client.PostAsync(new Uri("/phan-anh", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = Html.Text(await response.Content.ReadAsStringAsync());
        AssertRevealsNothing(body);
        Assert.Contains("<h1>Yêu cầu không hợp lệ</h1>", body, StringComparison.Ordinal);
        var lines = factory.LogLinesWith(RequestIdOf(body));
        Assert.Contains(lines, l => l.Contains("[INF]", StringComparison.Ordinal) && l.Contains("antiforgery token missing or invalid", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("[INF]", StringComparison.Ordinal) && l.Contains("POST /phan-anh responded 400", StringComparison.Ordinal));
        Assert.False(await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Feedbacks, f => f.Text == marker)));
    }

    [Fact]
    public async Task AFormThatFailsValidation_Is400_AndTheFieldNamesAreLoggedAtInformation_NotTheValues()
    {
        using var client = factory.CreateBrowserlikeClient();
        var subject = $"Chủ đề {Guid.NewGuid():N}";

        using var response = await TestUsers.PostFormAsync(client, "/phan-anh", "/phan-anh", new Dictionary<string, string>
        {
            ["Category"] = "Hacker", ["Subject"] = subject, ["Text"] = "Nội dung",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var log = factory.LogLinesWith("POST /phan-anh, invalid input");
        Assert.Contains(log, l => l.Contains("[INF]", StringComparison.Ordinal) && l.Contains("Category", StringComparison.Ordinal));
        Assert.DoesNotContain(subject, factory.ReadLog(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=----x", "------x\r\nContent-Disposition: form-data; name=\"Text\"\r\n\r\nno end")]
    [InlineData("multipart/form-data", "no boundary at all")]
    [InlineData("application/x-www-form-urlencoded", "%%%=%E0%A4%A&&&==")]
    public async Task AMalformedFormBody_IsA400Page_NotA500(string contentType, string payload)
    {
        using var client = factory.CreateBrowserlikeClient();
        using var content = new StringContent(payload);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        using var response = await client.PostAsync(new Uri("/phan-anh", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = Html.Text(await response.Content.ReadAsStringAsync());
        AssertRevealsNothing(body);
        Assert.Contains("Yêu cầu không hợp lệ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyFormFields_IsA400Page_NotA500()
    {
        using var client = factory.CreateBrowserlikeClient();
        using var content = new FormUrlEncodedContent(Enumerable.Range(0, 5000).Select(i => new KeyValuePair<string, string>($"f{i}", "x")));

        using var response = await client.PostAsync(new Uri("/phan-anh", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertRevealsNothing(Html.Text(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("/van-ban/99999999999999999999")]
    [InlineData("/van-ban/-1/tep/abc")]
    [InlineData("/don-vi/de-nghi/1e9")]
    [InlineData("/tin-tuc/%E0%A4%A")]
    [InlineData("/anh/0")]
    public async Task AnInvalidRouteValue_IsA404Page(string url)
    {
        using var client = factory.CreateBrowserlikeClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = Html.Text(await response.Content.ReadAsStringAsync());
        AssertRevealsNothing(body);
        Assert.Contains("Không tìm thấy trang", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnsupportedMethod_IsTheVietnamese405Or404Page()
    {
        using var client = factory.CreateBrowserlikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri("/phan-anh", UriKind.Relative));

        using var response = await client.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound, $"{(int)response.StatusCode}");
        var body = Html.Text(await response.Content.ReadAsStringAsync());
        AssertRevealsNothing(body);
        Assert.NotEmpty(RequestIdOf(body));
    }

    internal static void AssertRevealsNothing(string body)
    {
        Html.AssertNoStackTrace(body);
        Assert.DoesNotContain(LoggingAppFactory.ForcedErrorMarker, body, StringComparison.Ordinal);
        Assert.DoesNotContain("/srv/", body, StringComparison.Ordinal);
        Assert.DoesNotMatch(SourceFileName(), body);
        Assert.DoesNotContain("SELECT ", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("UPDATE ", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AspNetUsers", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), body, StringComparison.Ordinal);
    }

    /// <summary>The request id the page shows to the user.</summary>
    internal static string RequestIdOf(string body)
    {
        var match = RequestIdPattern().Match(body);
        Assert.True(match.Success, "The page shows no request id.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"\w\.cs\b", RegexOptions.CultureInvariant)]
    private static partial Regex SourceFileName();

    [GeneratedRegex("""<code class="request-id">([^<]+)</code>""", RegexOptions.CultureInvariant)]
    private static partial Regex RequestIdPattern();
}
