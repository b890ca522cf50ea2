using System.Text.RegularExpressions;
using System.Xml.Linq;
using EmulationPortal.Web.Resources;

namespace EmulationPortal.Tests.Web;

/// <summary>
/// Every text key the views and controllers ask for exists in a resource file, so a user never sees a raw key
/// such as "Nav.Home" instead of Vietnamese words.
/// </summary>
public sealed partial class ResourceKeysTests
{
    private static readonly string WebProject = FindWebProject();

    private static string FindWebProject()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EmulationPortal.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "src", "EmulationPortal.Web");
    }

    private static Dictionary<string, Dictionary<string, string>> Resources() =>
        Directory.GetFiles(Path.Combine(WebProject, "Resources"), "*.resx")
            .ToDictionary(
                f => Path.GetFileNameWithoutExtension(f),
                f => XDocument.Load(f).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty));

    private static IEnumerable<(string File, string Text)> Sources() =>
        Directory.GetFiles(WebProject, "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(WebProject, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(WebProject, f), File.ReadAllText(f)));

    [Fact]
    public void EveryLocalizedKeyInViewsAndCode_ExistsInAResourceFile()
    {
        var known = Resources().Values.SelectMany(r => r.Keys).ToHashSet(StringComparer.Ordinal);
        var missing = Sources()
            .SelectMany(s => LocalizerKey().Matches(s.Text).Select(m => (s.File, Key: m.Groups["key"].Value)))
            .Where(x => !known.Contains(x.Key))
            .Select(x => $"{x.File}: {x.Key}")
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, "Keys without a resource: " + string.Join(", ", missing));
    }

    [Fact]
    public void ValidationMessagesAndDisplayNames_ExistInSharedResource()
    {
        var shared = Resources()[nameof(SharedResource)];
        var missing = Sources()
            .SelectMany(s => AnnotationKey().Matches(s.Text).Select(m => (s.File, Key: m.Groups["key"].Value)))
            .Concat(ResourceKeys.AllEnumKeys().Select(k => ("ResourceKeys", k)))
            .Where(x => !shared.ContainsKey(x.Item2))
            .Select(x => $"{x.Item1}: {x.Item2}")
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, "Keys missing from SharedResource.resx: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryResourceValue_IsNonEmptyVietnameseText()
    {
        var empty = Resources()
            .SelectMany(r => r.Value.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => $"{r.Key}: {kv.Key}"))
            .ToList();

        Assert.Empty(empty);
    }

    // L["Nav.Home"], A["Common.Save"], T["Form.Title", x], l["Account.LockedOut"], AdminText["Value.Yes"] …
    [GeneratedRegex("""\b(?:L|A|T|l|S|Text|AdminText|Shared|shared)\["(?<key>[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)"[\],]""", RegexOptions.CultureInvariant)]
    private static partial Regex LocalizerKey();

    [GeneratedRegex("""(?:ErrorMessage|Name)\s*=\s*"(?<key>[A-Z][A-Za-z0-9]*\.[A-Za-z0-9.]+)"[,)]""", RegexOptions.CultureInvariant)]
    private static partial Regex AnnotationKey();
}
