using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using EmulationPortal.Search;
using Microsoft.Extensions.Logging;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace EmulationPortal.Files;

/// <summary>
/// Reads the plain text of a PDF or DOCX for search: NFC, white space squeezed, cut to
/// <see cref="SearchText.MaxIndexedLength"/>. Anything it cannot read (another type, a scan without a text layer, a
/// damaged or password-protected file) gives an empty text; it never throws for bad content.
/// </summary>
public static class FileTextExtractor
{
    /// <summary>Pages read from a PDF at most; the index keeps only the first 100,000 characters anyway.</summary>
    public const int MaxPdfPages = 500;

    private const string PdfType = "application/pdf";
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly ContentOrderTextExtractor.Options PdfTextOptions = new() { ReplaceWhitespaceWithSpace = true };

    /// <summary>Whether the file is of a kind whose text is read (by its name's extension or its content type).</summary>
    public static bool CanExtract(string? fileName, string? contentType) => KindOf(fileName, contentType) is not null;

    /// <summary>The text of the file, or "" when there is none to read. The stream is read from its start and left open.</summary>
    public static string Extract(Stream content, string? fileName, string? contentType, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var kind = KindOf(fileName, contentType);
        if (kind is null)
        {
            return string.Empty;
        }

        try
        {
            var seekable = content.CanSeek ? content : ToMemory(content);
            seekable.Position = 0;
            if (kind == FileKind.Docx && ArchiveGuard.Inspect(seekable) is var verdict and not ArchiveVerdict.Ok)
            {
                // A DOCX over the archive limits (a zip bomb) is not opened; the file simply has no text for search.
                logger?.LogWarning("Skipped the text of {FileName}: the archive is {Verdict}", fileName, verdict);
                return string.Empty;
            }

            var raw = kind == FileKind.Pdf ? ReadPdf(seekable) : ReadDocx(seekable);
            return Clean(raw);
        }
        // PdfPig and the Open XML SDK fail on damaged input with many exception types (format, cast, index, XML,
        // packaging, encryption...); each only means "this file has no readable text". Cancellation and running out
        // of memory are not about the file and go on up.
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            logger?.LogWarning("Could not read the text of {FileName}: {Error}", fileName, ex.GetType().Name);
            return string.Empty;
        }
    }

    /// <summary>The text of the file held in memory, or "" when there is none to read.</summary>
    public static string Extract(byte[] content, string? fileName, string? contentType, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream(content, writable: false);
        return Extract(stream, fileName, contentType, logger);
    }

    private static FileKind? KindOf(string? fileName, string? contentType)
    {
        var extension = Path.GetExtension(fileName ?? string.Empty);
        if (extension.Equals(".pdf", StringComparison.OrdinalIgnoreCase) || string.Equals(contentType, PdfType, StringComparison.OrdinalIgnoreCase))
        {
            return FileKind.Pdf;
        }

        if (extension.Equals(".docx", StringComparison.OrdinalIgnoreCase) || string.Equals(contentType, DocxType, StringComparison.OrdinalIgnoreCase))
        {
            return FileKind.Docx;
        }

        return null;
    }

    private static MemoryStream ToMemory(Stream content)
    {
        var buffer = new MemoryStream();
        content.CopyTo(buffer);
        return buffer;
    }

    private static string ReadPdf(Stream content)
    {
        var text = new StringBuilder();
        using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        var pages = Math.Min(document.NumberOfPages, MaxPdfPages);
        for (var number = 1; number <= pages && text.Length <= SearchText.MaxIndexedLength; number++)
        {
            // Content order with spaces put where the letters have gaps: a PDF seldom draws its spaces.
            var page = document.GetPage(number);
            text.Append(ContentOrderTextExtractor.GetText(page, PdfTextOptions)).Append('\n');
        }

        return text.ToString();
    }

    private static string ReadDocx(Stream content)
    {
        var text = new StringBuilder();
        using var document = WordprocessingDocument.Open(content, isEditable: false);
        if (document.MainDocumentPart is not { } main)
        {
            return string.Empty;
        }

        // A reader rather than the DOM: a large (or deflate-bombed) document is read only as far as the index needs.
        using var reader = OpenXmlReader.Create(main);
        while (reader.Read() && text.Length <= SearchText.MaxIndexedLength)
        {
            var type = reader.ElementType;
            if (reader.IsStartElement && type == typeof(Text))
            {
                text.Append(reader.GetText());
            }
            else if (reader.IsStartElement && (type == typeof(TabChar) || type == typeof(Break) || type == typeof(CarriageReturn)))
            {
                text.Append(' ');
            }
            else if (reader.IsEndElement && (type == typeof(Paragraph) || type == typeof(TableCell)))
            {
                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Clean(string raw)
    {
        // Control characters (NUL from broken font maps, form feeds) become spaces before the squeeze.
        var visible = string.Create(raw.Length, raw, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
        return SearchText.Cap(PlainText.Squeeze(SearchText.Nfc(visible)));
    }
}
