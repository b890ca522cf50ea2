using System.Diagnostics;
using EmulationPortal.Common;
using EmulationPortal.Files;
using Xunit.Abstractions;

namespace EmulationPortal.Tests.Security.Uploads;

/// <summary>The archive gate every DOCX/XLSX/ODT passes before a library opens it (ASVS V5: zip bombs).</summary>
public sealed class ArchiveGuardTests(ITestOutputHelper output)
{
    private const long OneGibibyte = 1024L * 1024 * 1024;

    private static readonly Lazy<byte[]> GigabyteBomb = new(() => UploadSamples.ZeroBombDocx(OneGibibyte));

    [Fact]
    public void RealDocx_PassesAndIsStillReadable()
    {
        var docx = UploadSamples.Docx("Kế hoạch thi đua năm 2026");
        using var stream = new MemoryStream(docx);

        Assert.Equal(ArchiveVerdict.Ok, ArchiveGuard.Inspect(stream));
        Assert.Equal(0, stream.Position);
        Assert.Equal((FileKind.Docx, (string?)null), UploadRules.Check("ke-hoach.docx", stream, 20 * 1024 * 1024, UploadRules.DocumentKinds));
        Assert.Contains("Kế hoạch thi đua năm 2026", FileTextExtractor.Extract(docx, "ke-hoach.docx", null), StringComparison.Ordinal);
    }

    [Fact]
    public void GigabyteOfZeros_IsRefusedByItsDeclaredSize_WithoutUnpacking()
    {
        var bomb = GigabyteBomb.Value;
        output.WriteLine($"1 GiB of zeros packs to {bomb.Length:N0} bytes");
        using var stream = new MemoryStream(bomb);

        var watch = Stopwatch.StartNew();
        var verdict = ArchiveGuard.Inspect(stream);
        watch.Stop();
        output.WriteLine($"Inspect refused it in {watch.Elapsed.TotalMilliseconds:N1} ms");

        Assert.Equal(ArchiveVerdict.TooLarge, verdict);
        Assert.Equal((null, "Upload.ArchiveTooLarge"), UploadRules.Check("bom.docx", stream, 20 * 1024 * 1024, UploadRules.DocumentKinds));
    }

    [Fact]
    public void HundredThousandEntries_AreRefusedFromTheEndRecord()
    {
        using var stream = new MemoryStream(UploadSamples.ManyEntriesDocx(100_000));

        Assert.Equal(ArchiveVerdict.TooManyEntries, ArchiveGuard.Inspect(stream));
        Assert.Equal((null, "Upload.ArchiveTooManyEntries"), UploadRules.Check("nhieu-muc.docx", stream, 20 * 1024 * 1024, UploadRules.DocumentKinds));
    }

    [Fact]
    public void EntryCountLimit_IsConfigurable()
    {
        using var stream = new MemoryStream(UploadSamples.ManyEntriesDocx(50));

        Assert.Equal(ArchiveVerdict.Ok, ArchiveGuard.Inspect(stream));
        Assert.Equal(ArchiveVerdict.TooManyEntries, ArchiveGuard.Inspect(stream, new ArchiveLimits { MaxEntries = 10 }));
    }

    [Fact]
    public void EntryThatUnpacksToMoreThanItDeclares_NeverYieldsMoreThanDeclared()
    {
        // 8 MB of zeros that claim to be 40 KB in both headers: a ratio of 5, under every declared limit. The guard
        // counts what it unpacks against the declared size; .NET's zip reader (under Open XML SDK and MiniExcel) stops
        // there too, so the declared sizes the guard checked bound every reader's work.
        var bytes = UploadSamples.LyingSizeZip("word/document.xml", 8L * 1024 * 1024, 40 * 1024);
        using var stream = new MemoryStream(bytes);
        var verdict = ArchiveGuard.Inspect(stream);

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes), System.IO.Compression.ZipArchiveMode.Read);
        long unpacked = 0;
        try
        {
            using var entry = zip.Entries.Single().Open();
            var buffer = new byte[81920];
            int read;
            while ((read = entry.Read(buffer, 0, buffer.Length)) > 0)
            {
                unpacked += read;
            }
        }
        catch (InvalidDataException)
        {
            // A reader that notices the lie refuses the entry: also bounded.
        }

        output.WriteLine($"Verdict {verdict}; a reader got {unpacked:N0} bytes of the 8 MB");
        Assert.True(unpacked <= 40 * 1024, $"A reader unpacked {unpacked:N0} bytes from an entry that declared 40 KB.");
    }

    [Fact]
    public void HighRatioEntry_IsRefusedEvenUnderTheSizeLimit()
    {
        // 50 MB of zeros: under the 100 MB limit, but it packs about a thousand to one.
        using var stream = new MemoryStream(UploadSamples.ZeroBombDocx(50L * 1024 * 1024));

        Assert.Equal(ArchiveVerdict.TooLarge, ArchiveGuard.Inspect(stream));
        Assert.Equal(ArchiveVerdict.Ok, ArchiveGuard.Inspect(stream, new ArchiveLimits { MaxCompressionRatio = 10_000 }));
    }

    [Fact]
    public void TextExtraction_SkipsTheBomb_AndReturnsNoText()
    {
        var logger = new ListLogger();

        var text = FileTextExtractor.Extract(GigabyteBomb.Value, "bom.docx", null, logger);

        Assert.Equal(string.Empty, text);
        Assert.Contains(logger.Messages, m => m.Contains("Skipped the text of bom.docx", StringComparison.Ordinal) && m.Contains("TooLarge", StringComparison.Ordinal));
    }

    [Fact]
    public void SpreadsheetImport_RefusesTheBomb_BeforeMiniExcelReadsIt()
    {
        using var stream = new MemoryStream(UploadSamples.ZeroBombDocx(200L * 1024 * 1024));

        var read = TabularInput.FromXlsx(stream, 3);

        Assert.Equal("Import.Unreadable", read.Error);
        Assert.Empty(read.Rows);
    }

    [Fact]
    public void NotAZip_IsDamaged_AndRefusedAsMismatch()
    {
        using var stream = new MemoryStream("PK\u0003\u0004 but nothing else"u8.ToArray());

        Assert.Equal(ArchiveVerdict.Damaged, ArchiveGuard.Inspect(stream));
        Assert.Equal((null, "Upload.ContentMismatch"), UploadRules.Check("hong.docx", stream, 1024 * 1024, UploadRules.DocumentKinds));
    }

    private sealed class ListLogger : Microsoft.Extensions.Logging.ILogger
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            Messages.Add(formatter(state, exception));
        }
    }
}
