using EmulationPortal.Common;
using EmulationPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Participation;

/// <summary>Checks shared by the Office's and the unit reporter's forms (error codes are resource keys of ParticipationResource).</summary>
public static class ParticipationRules
{
    public const int CommitmentsMaxLength = 8000;

    public const int NarrativeMaxLength = 100_000;

    /// <summary>No figure of a campaign is plausibly above this.</summary>
    public const decimal AbsurdValue = 1_000_000_000m;

    /// <summary>People counted by an indicator may not exceed the unit's active staff × this factor.</summary>
    public const int PeoplePerStaffLimit = 10;

    /// <summary>Whether the unit is one the campaign expects (an empty list means every active unit).</summary>
    public static async Task<bool> ExpectsUnitAsync(PortalDbContext db, int campaignId, int unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.ParticipationSettings.AsNoTracking().AnyAsync(
            s => s.CampaignId == campaignId
                && (s.ExpectedUnits.Any(u => u.Id == unitId)
                    || (!s.ExpectedUnits.Any() && db.Units.Any(u => u.Id == unitId && u.IsActive))),
            cancellationToken);
    }

    /// <summary>An indicator counts people when its measure unit is "người" or "lượt người".</summary>
    public static bool CountsPeople(string measureUnit) => VietnameseText.Fold(measureUnit).Trim() is "nguoi" or "luot nguoi";

    /// <summary>Checks the figures typed for the campaign's indicators; values for unknown indicators are ignored.</summary>
    public static Dictionary<int, decimal> Figures(
        List<ServiceError> errors, IReadOnlyDictionary<int, string?>? typed, IEnumerable<(int Id, string Name, string MeasureUnit)> indicators,
        string fieldPrefix, int? peopleLimit)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var result = new Dictionary<int, decimal>();
        foreach (var (id, name, measureUnit) in indicators)
        {
            if (typed is null || !typed.TryGetValue(id, out var text) || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var field = $"{fieldPrefix}[{id}]";
            var value = ParseNumber(text);
            if (value is null)
            {
                errors.Add(new ServiceError(field, "Figure.NotANumber", name));
            }
            else if (value < 0)
            {
                errors.Add(new ServiceError(field, "Figure.Negative", name));
            }
            else if (value > AbsurdValue)
            {
                errors.Add(new ServiceError(field, "Figure.Absurd", name));
            }
            else if (peopleLimit is { } limit && CountsPeople(measureUnit) && value > limit)
            {
                errors.Add(new ServiceError(field, "Figure.TooManyPeople", name, limit));
            }
            else
            {
                result[id] = decimal.Round(value.Value, 2);
            }
        }

        return result;
    }

    /// <summary>A number as typed: "12", "12.5" (number fields) or "12,5" (Vietnamese decimal comma); no thousands separators.</summary>
    public static decimal? ParseNumber(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim().Replace(',', '.');
        return decimal.TryParse(trimmed, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
            System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>The unit's people limit (active staff × 10), or null when no staff are recorded for it.</summary>
    public static async Task<int?> PeopleLimitAsync(PortalDbContext db, int unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var staff = await db.StaffMembers.AsNoTracking().CountAsync(s => s.UnitId == unitId && s.IsActive, cancellationToken);
        return staff == 0 ? null : staff * PeoplePerStaffLimit;
    }

    /// <summary>
    /// The narrative as stored HTML: the plain text typed in the form (encoded, so "<" stays text) becomes paragraphs
    /// (blank line) and line breaks. The caller still sanitizes the result.
    /// </summary>
    public static string NarrativeHtml(string? typed)
    {
        var text = (typed ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length == 0)
        {
            return text;
        }

        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => "<p>" + string.Join("<br>", p.Split('\n').Select(System.Net.WebUtility.HtmlEncode)) + "</p>");
        return string.Concat(paragraphs);
    }

    /// <summary>Stored narrative HTML back to the plain text the form edits (paragraphs → blank lines, line breaks kept).</summary>
    public static string NarrativeText(string? html)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(html ?? string.Empty, "<br\\s*/?>", "\n", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        text = System.Text.RegularExpressions.Regex.Replace(text, "</(p|li|h2|h3|h4|blockquote)>", "\n\n", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        text = System.Text.RegularExpressions.Regex.Replace(text, "<[^>]*>", string.Empty);
        return System.Net.WebUtility.HtmlDecode(text).Trim();
    }
}
