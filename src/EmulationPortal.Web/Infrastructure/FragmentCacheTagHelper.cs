using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Caching.Memory;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>
/// <c>&lt;fragment-cache vary-by="…" expires-after="…"&gt;</c>: renders its content once per key and then writes the
/// stored text straight into the page, like the framework's <c>&lt;cache&gt;</c>. The difference is how the text is
/// written: <c>&lt;cache&gt;</c> hands the page a paged buffer, which MVC copies into 1,024-character pages rented
/// from the shared array pool before sending; a 75 KB fragment (a list with its 500-unit picker) rents more pages
/// than the pool keeps, so every request allocated them again (docs/performance.md). A plain string goes to the
/// response writer as it is.
/// </summary>
[HtmlTargetElement("fragment-cache")]
public sealed class FragmentCacheTagHelper(FragmentCache cache) : TagHelper
{
    /// <summary>What the content depends on (the data generation, the address); with the tag's place, the key.</summary>
    [HtmlAttributeName("vary-by")]
    public string? VaryBy { get; set; }

    [HtmlAttributeName("expires-after")]
    public TimeSpan ExpiresAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>When false the content is rendered for this request and not kept.</summary>
    [HtmlAttributeName("enabled")]
    public bool Enabled { get; set; } = true;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        if (!Enabled)
        {
            return;
        }

        var key = string.Concat(context.UniqueId, "|", CultureInfo.CurrentUICulture.Name, "|", VaryBy);
        if (!cache.TryGet(key, out var html))
        {
            html = WithoutIndentation((await output.GetChildContentAsync()).GetContent());
            cache.Set(key, html, ExpiresAfter);
        }

        // The page's writer keeps a string as one entry, written out as it is.
        ViewContext.Writer.Write(html);
        output.SuppressOutput();
    }

    /// <summary>
    /// The fragment without the views' indentation and blank lines (a fifth of a long list's bytes, sent on every
    /// request). A line break stays where there was one, so words never run together; text where white space shows
    /// (<c>pre</c>, <c>textarea</c>) is left as it is.
    /// </summary>
    internal static string WithoutIndentation(string html)
    {
        if (html.Contains("<pre", StringComparison.OrdinalIgnoreCase) || html.Contains("<textarea", StringComparison.OrdinalIgnoreCase))
        {
            return html;
        }

        var result = new System.Text.StringBuilder(html.Length);
        var lineStart = true;
        foreach (var c in html)
        {
            if (lineStart && (c is ' ' or '\t' or '\r' or '\n'))
            {
                continue;
            }

            result.Append(c);
            lineStart = c == '\n';
        }

        return result.ToString();
    }
}

/// <summary>The rendered fragments of <see cref="FragmentCacheTagHelper"/>, at most 16 million characters in all.</summary>
public sealed class FragmentCache : IDisposable
{
    private readonly MemoryCache _fragments = new(new MemoryCacheOptions { SizeLimit = 16 * 1024 * 1024 });

    public bool TryGet(string key, out string html)
    {
        html = _fragments.TryGetValue(key, out string? kept) ? kept ?? string.Empty : string.Empty;
        return kept is not null;
    }

    public void Set(string key, string html, TimeSpan lifetime) =>
        _fragments.Set(key, html, new MemoryCacheEntryOptions { Size = Math.Max(1, html.Length), AbsoluteExpirationRelativeToNow = lifetime });

    public void Dispose() => _fragments.Dispose();
}
