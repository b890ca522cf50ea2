using EmulationPortal.Campaigns;
using EmulationPortal.Honors;

namespace EmulationPortal.Web.Models;

/// <summary>
/// Reads filter values from the query string by hand, so that "trang=abc", "nam=99999" or a 5,000-character
/// value is ignored (and reported once on the page) instead of failing the request.
/// </summary>
public sealed class QueryValues
{
    public const int MaxValueLength = 200;

    public bool HasInvalid { get; private set; }

    public int Page(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return 1;
        }

        if (int.TryParse(value, out var page) && page is >= 1 and <= 100_000)
        {
            return page;
        }

        HasInvalid = true;
        return 1;
    }

    public int? Year(string? value) => Int(value, 1945, 2100);

    public int? Id(string? value) => Int(value, 1, int.MaxValue);

    /// <summary>A slug or plain text value; too long or with control characters → ignored.</summary>
    public string? Text(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length > MaxValueLength || value.Any(char.IsControl))
        {
            HasInvalid = true;
            return null;
        }

        return value.Trim();
    }

    public CampaignState? State(string? value) => Map(value, StateSlugs);

    public CampaignKind? Kind(string? value) => Map(value, KindSlugs);

    public RecipientKind? Recipient(string? value) => Map(value, RecipientSlugs);

    public static readonly IReadOnlyDictionary<string, CampaignState> StateSlugs = new Dictionary<string, CampaignState>
    {
        ["sap-dien-ra"] = CampaignState.Upcoming,
        ["dang-dien-ra"] = CampaignState.Running,
        ["da-ket-thuc"] = CampaignState.Ended,
    };

    public static readonly IReadOnlyDictionary<string, CampaignKind> KindSlugs = new Dictionary<string, CampaignKind>
    {
        ["thuong-xuyen"] = CampaignKind.Regular,
        ["chuyen-de"] = CampaignKind.Thematic,
    };

    public static readonly IReadOnlyDictionary<string, RecipientKind> RecipientSlugs = new Dictionary<string, RecipientKind>
    {
        ["ca-nhan"] = RecipientKind.Individual,
        ["tap-the"] = RecipientKind.Collective,
    };

    private int? Int(string? value, int min, int max)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (int.TryParse(value, out var number) && number >= min && number <= max)
        {
            return number;
        }

        HasInvalid = true;
        return null;
    }

    private T? Map<T>(string? value, IReadOnlyDictionary<string, T> map)
        where T : struct
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (map.TryGetValue(value, out var result))
        {
            return result;
        }

        HasInvalid = true;
        return null;
    }
}
