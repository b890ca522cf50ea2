using EmulationPortal.Files;
using Microsoft.Extensions.Logging.Abstractions;

namespace EmulationPortal.Tests.Security.Uploads;

/// <summary>The clamd client on its own, against the fake clamd: every answer clamd can give, and none.</summary>
public sealed class ClamAvScannerTests
{
    private static ClamAvScanner Scanner(int port) =>
        new(new ClamAvOptions { Host = "127.0.0.1", Port = port, TimeoutSeconds = 5 }, NullLogger<ClamAvScanner>.Instance);

    [Fact]
    public async Task CleanFile_IsClean_AndClamdReceivesEveryByteInChunks()
    {
        await using var clamd = new FakeClamd();
        // Larger than one 64 KB chunk, so the framing of several chunks is exercised.
        var content = new byte[200_000];
        Random.Shared.NextBytes(content);

        var result = await Scanner(clamd.Port).ScanAsync(new MemoryStream(content));

        Assert.Equal(ScanOutcome.Clean, result.Outcome);
        Assert.True(clamd.Scanned.Single().SequenceEqual(content));
    }

    [Fact]
    public async Task Eicar_IsInfected_WithTheSignatureName()
    {
        await using var clamd = new FakeClamd();

        var result = await Scanner(clamd.Port).ScanAsync(new MemoryStream(UploadSamples.PdfWithEicar()));

        Assert.Equal(new ScanResult(ScanOutcome.Infected, "Eicar-Signature"), result);
    }

    [Fact]
    public async Task ErrorReply_SuchAsTheSizeLimit_IsUnavailable_NotClean()
    {
        await using var clamd = new FakeClamd("INSTREAM size limit exceeded. ERROR");

        var result = await Scanner(clamd.Port).ScanAsync(new MemoryStream(new byte[1000]));

        Assert.Equal(ScanOutcome.Unavailable, result.Outcome);
    }

    [Fact]
    public async Task NobodyListening_IsUnavailable_NotClean()
    {
        var result = await Scanner(FakeClamd.ClosedPort()).ScanAsync(new MemoryStream(new byte[1000]));

        Assert.Equal(ScanOutcome.Unavailable, result.Outcome);
    }
}
