using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.Files;
using EmulationPortal.Tests.Integration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EmulationPortal.Tests.Admin.ContentTestSupport;

namespace EmulationPortal.Tests.Security.Uploads;

/// <summary>The portal with uploads scanned by a fake clamd started for the test.</summary>
public sealed class ClamdPortalAppFactory : PortalAppFactory
{
    public FakeClamd Clamd { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.ConfigureWebHost(builder);
        builder.UseSetting("Uploads:ClamAV:Host", "127.0.0.1");
        builder.UseSetting("Uploads:ClamAV:Port", Clamd.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Clamd.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The portal configured for a clamd that does not answer (nothing listens on the port).</summary>
public sealed class DeadClamdPortalAppFactory : PortalAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.ConfigureWebHost(builder);
        builder.UseSetting("Uploads:ClamAV:Host", "127.0.0.1");
        builder.UseSetting("Uploads:ClamAV:Port", FakeClamd.ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Uploads:ClamAV:TimeoutSeconds", "5");
    }
}

internal static class ScanTestSupport
{
    public const string Create = "/Admin/Documents/Create";

    public static async Task<Dictionary<string, string>> MetadataAsync(PortalAppFactory factory, string number) => Form(
        ("DocumentTypeId", (await factory.WithDbAsync(db => db.DocumentTypes.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync())).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Number", number), ("IssuedOn", "2026-03-12"), ("Issuer", "Ủy ban nhân dân tỉnh"), ("Signer", "Nguyễn Văn An"),
        ("Abstract", "Kế hoạch tổ chức phong trào thi đua năm 2026"), ("Recipients", "Các sở, ban, ngành"));

    public static string UniqueNumber() => $"{Random.Shared.Next(1, 999_999)}/KH-VIRUS";
}

/// <summary>The virus-scanner hook through the real upload pages, against a fake clamd speaking INSTREAM (not a mock).</summary>
public sealed class VirusScanTests(ClamdPortalAppFactory factory) : IClassFixture<ClamdPortalAppFactory>
{
    [Fact]
    public void ConfiguredClamd_IsTheScannerInUse()
    {
        var scanner = factory.Services.GetRequiredService<IVirusScanner>();
        Assert.True(scanner.Enabled);
        Assert.IsType<ClamAvScanner>(scanner);
    }

    [Fact]
    public async Task Eicar_IsRefusedWith422InVietnamese_AndNothingIsStored()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var number = ScanTestSupport.UniqueNumber();
        var rowsBefore = await factory.WithDbAsync(db => db.StoredFiles.CountAsync());
        var filesBefore = StoredFileNames(factory).Length;
        var eicar = UploadSamples.PdfWithEicar();

        using var response = await PostMultipartAsync(client, ScanTestSupport.Create, ScanTestSupport.Create, await ScanTestSupport.MetadataAsync(factory, number), ("Files", "ke-hoach.pdf", eicar));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = Html.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("phát hiện mã độc trong tệp “ke-hoach.pdf”", html, StringComparison.Ordinal);
        Html.AssertNoStackTrace(html);
        Assert.Contains(factory.Clamd.Scanned, s => s.SequenceEqual(eicar));
        Assert.False(await factory.WithDbAsync(db => db.Documents.AnyAsync(d => d.Number == number)));
        Assert.Equal(rowsBefore, await factory.WithDbAsync(db => db.StoredFiles.CountAsync()));
        Assert.Equal(filesBefore, StoredFileNames(factory).Length);
    }

    [Fact]
    public async Task CleanFile_IsScannedThenStored()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var number = ScanTestSupport.UniqueNumber();
        var pdf = Pdf();

        using var response = await PostMultipartAsync(client, ScanTestSupport.Create, ScanTestSupport.Create, await ScanTestSupport.MetadataAsync(factory, number), ("Files", "ke-hoach.pdf", pdf));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(factory.Clamd.Scanned, s => s.SequenceEqual(pdf));
        Assert.True(await factory.WithDbAsync(db => db.Documents.AnyAsync(d => d.Number == number)));
    }

    [Fact]
    public async Task Eicar_InAUnitProposalDossier_IsRefusedToo()
    {
        var scenario = await Proposals.Composing.UnitProposalsScenario.CreateAsync(factory);
        var proposalId = await scenario.CreateProposalAsync();

        using var response = await scenario.UploadAsync(proposalId, EmulationPortal.Proposals.ProposalDocumentKind.ReviewMinutes, null, UploadSamples.PdfWithEicar(), "bien-ban.pdf");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("phát hiện mã độc", Html.Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.ProposalDocuments.AnyAsync(d => d.ProposalId == proposalId)));
    }
}

/// <summary>Fail closed: a configured clamd that does not answer refuses the upload.</summary>
public sealed class UnreachableVirusScannerTests(DeadClamdPortalAppFactory factory) : IClassFixture<DeadClamdPortalAppFactory>
{
    [Fact]
    public async Task UnreachableClamd_RefusesTheUploadWith503InVietnamese_AndNothingIsStored()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var number = ScanTestSupport.UniqueNumber();
        var rowsBefore = await factory.WithDbAsync(db => db.StoredFiles.CountAsync());

        using var response = await PostMultipartAsync(client, ScanTestSupport.Create, ScanTestSupport.Create, await ScanTestSupport.MetadataAsync(factory, number), ("Files", "ke-hoach.pdf", Pdf()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var html = Html.Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Hệ thống quét virus đang không phản hồi", html, StringComparison.Ordinal);
        Html.AssertNoStackTrace(html);
        Assert.False(await factory.WithDbAsync(db => db.Documents.AnyAsync(d => d.Number == number)));
        Assert.Equal(rowsBefore, await factory.WithDbAsync(db => db.StoredFiles.CountAsync()));
    }

    [Fact]
    public async Task FormWithoutFile_StillWorks_WhenClamdIsDown()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        var number = ScanTestSupport.UniqueNumber();

        using var response = await PostMultipartAsync(client, ScanTestSupport.Create, ScanTestSupport.Create, await ScanTestSupport.MetadataAsync(factory, number));

        Assert.NotEqual(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}

/// <summary>Without "Uploads:ClamAV" the no-op scanner is used and uploads are not sent anywhere.</summary>
public sealed class NoVirusScannerTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public void WithoutConfiguration_ScanningIsOff()
    {
        var scanner = factory.Services.GetRequiredService<IVirusScanner>();
        Assert.False(scanner.Enabled);
        Assert.IsType<NoVirusScanner>(scanner);
    }
}
