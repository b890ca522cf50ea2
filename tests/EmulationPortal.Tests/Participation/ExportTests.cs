using System.Net;
using System.Text;
using EmulationPortal.Accounts;
using EmulationPortal.Reporting;
using EmulationPortal.Tests.Integration;
using MiniExcelLibs;

namespace EmulationPortal.Tests.Participation;

/// <summary>Dashboard tables downloaded as .xlsx and CSV keep Vietnamese text, rows and file names intact.</summary>
public sealed class ExportTests(DashboardAppFactory factory) : IClassFixture<DashboardAppFactory>
{
    private async Task<(HttpResponseMessage Response, byte[] Body)> DownloadAsync(string url)
    {
        using var client = await TestUsers.SignedInClientAsync(factory, Roles.Leader);
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task MatrixXlsx_OpensWithMiniExcel_AndHoldsVietnameseTextUnchanged()
    {
        var data = await factory.DataAsync();

        var (response, body) = await DownloadAsync($"/bao-cao/phong-trao/{data.CampaignId}/xuat?bang=matrix&dinh-dang=xlsx");
        using (response)
        {
            Assert.Equal(TableExport.XlsxContentType, response.Content.Headers.ContentType!.MediaType);
            var disposition = response.Content.Headers.ContentDisposition!;
            Assert.Equal("attachment", disposition.DispositionType);
            Assert.StartsWith("Ma trận nộp báo cáo - Phong trào thi đua thử nghiệm báo cáo", disposition.FileNameStar, StringComparison.Ordinal);
            Assert.EndsWith(".xlsx", disposition.FileNameStar, StringComparison.Ordinal);
            Assert.StartsWith("Ma tran nop bao cao", disposition.FileName!.Trim('"'), StringComparison.Ordinal);
        }

        using var stream = new MemoryStream(body);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, rows.Count);
        var planning = Assert.Single(rows, r => (string?)r["Đơn vị"] == "Phòng Kế hoạch - Tài chính");
        Assert.Equal("Có", planning["Đăng ký"]);
        var lateRow = Assert.Single(rows, r => ((string?)r["Đơn vị"])!.StartsWith("Trung tâm thử nghiệm B", StringComparison.Ordinal));
        Assert.Equal("Muộn 3 ngày", lateRow.Values.Skip(2).First());
        Assert.Contains(rows, r => r.Values.Contains("Chưa nộp (quá hạn)"));
    }

    [Fact]
    public async Task RoundsCsv_StartsWithUtf8Bom_AndHoldsTheSameRowsAsTheXlsx()
    {
        var data = await factory.DataAsync();
        var url = $"/bao-cao/phong-trao/{data.CampaignId}/xuat?bang=matrix&dinh-dang=";

        var (csvResponse, csv) = await DownloadAsync(url + "csv");
        using (csvResponse)
        {
            Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
            Assert.EndsWith(".csv", csvResponse.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        }

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var lines = Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Đơn vị,Đăng ký,Quý I (05/06/2026)", lines[0], StringComparison.Ordinal);
        Assert.Contains("Phòng Kế hoạch - Tài chính,Có,Đúng hạn,Chưa đến hạn,Đúng hạn", lines);
        // A unit name with a comma and quotes is quoted as RFC 4180 says.
        Assert.Contains(lines, l => l.StartsWith("\"Trung tâm thử nghiệm B \"\"", StringComparison.Ordinal) && l.EndsWith(",Có,Muộn 3 ngày,Chưa đến hạn,Chưa đến hạn", StringComparison.Ordinal));

        var (xlsxResponse, xlsx) = await DownloadAsync(url + "xlsx");
        xlsxResponse.Dispose();
        using var stream = new MemoryStream(xlsx);
        var rows = stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>()
            .Select(r => string.Join(',', r.Values.Select(v => TableExport.Quote(v?.ToString() ?? string.Empty))))
            .ToList();
        Assert.Equal(lines, rows);
    }

    [Fact]
    public async Task EveryDashboardTable_ExportsInBothFormats()
    {
        var data = await factory.DataAsync();
        var tables = new[]
        {
            "/bao-cao/xuat?bang=campaigns",
            $"/bao-cao/phong-trao/{data.CampaignId}/xuat?bang=rounds",
            $"/bao-cao/don-vi/{data.UnitB}/xuat?nam=2026&bang=years",
            $"/bao-cao/don-vi/{data.UnitB}/xuat?nam=2026&bang=registrations",
            $"/bao-cao/don-vi/{data.UnitB}/xuat?nam=2026&bang=rounds",
            "/bao-cao/khen-thuong/xuat?bang=years",
            "/bao-cao/khen-thuong/xuat?bang=awards",
            "/bao-cao/khen-thuong/xuat?bang=units",
            "/bao-cao/khen-thuong/xuat?bang=women",
        };
        using var client = await TestUsers.SignedInClientAsync(factory, Roles.Leader);
        foreach (var table in tables)
        {
            foreach (var format in new[] { "xlsx", "csv" })
            {
                using var response = await client.GetAsync(new Uri($"{table}&dinh-dang={format}", UriKind.Relative));
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{table} {format}: {response.StatusCode}");
                Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            }
        }

        using var unknown = await client.GetAsync(new Uri($"/bao-cao/phong-trao/{data.CampaignId}/xuat?bang=matrix&dinh-dang=pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task RoundsXlsx_HoldsTheRatesAsNumbers()
    {
        var data = await factory.DataAsync();

        var (response, body) = await DownloadAsync($"/bao-cao/phong-trao/{data.CampaignId}/xuat?bang=rounds&dinh-dang=xlsx");
        response.Dispose();

        using var stream = new MemoryStream(body);
        var first = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().First();
        Assert.Equal("Quý I", first["Đợt báo cáo"]);
        Assert.Equal(66.7m, Convert.ToDecimal(first["Tỷ lệ nộp (%)"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(33.3m, Convert.ToDecimal(first["Tỷ lệ đúng hạn (%)"], System.Globalization.CultureInfo.InvariantCulture));
    }
}
