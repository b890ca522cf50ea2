using System.Globalization;
using EmulationPortal.Certificates;
using EmulationPortal.Proposals;

namespace EmulationPortal.Web.Areas.Admin.Models;

/// <summary>One decision's certificates: the decision and its commendations with their certificates.</summary>
public sealed record CertificateDecisionViewModel(CertificateDecisionRow Decision, IReadOnlyList<CertificateRow> Rows);

/// <summary>
/// The layout form. Numbers arrive as text and are read with either a comma or a point as the decimal mark (the
/// portal's culture is vi-VN, where the model binder would read "12.5" as 125).
/// </summary>
public sealed class CertificateLayoutForm
{
    public string? PageWidthMm { get; set; }

    public string? PageHeightMm { get; set; }

    public bool PrintBackground { get; set; }

    public string? TitleTopMm { get; set; }

    public string? NameTopMm { get; set; }

    public string? NameLeftMm { get; set; }

    public string? NameWidthMm { get; set; }

    public string? NameFontSizePt { get; set; }

    public string? AchievementTopMm { get; set; }

    public string? AchievementFontSizePt { get; set; }

    public string? DecisionTopMm { get; set; }

    public string? QrLeftMm { get; set; }

    public string? QrTopMm { get; set; }

    public string? QrSizeMm { get; set; }

    public int Version { get; set; }

    /// <summary>The names of the numeric fields, in the order the form shows them.</summary>
    public static readonly IReadOnlyList<string> NumberFields =
    [
        nameof(PageWidthMm), nameof(PageHeightMm), nameof(TitleTopMm), nameof(NameTopMm), nameof(NameLeftMm), nameof(NameWidthMm),
        nameof(NameFontSizePt), nameof(AchievementTopMm), nameof(AchievementFontSizePt), nameof(DecisionTopMm), nameof(QrLeftMm),
        nameof(QrTopMm), nameof(QrSizeMm),
    ];

    public static string Show(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static CertificateLayoutForm From(CertificateLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return new CertificateLayoutForm
        {
            PageWidthMm = Show(layout.PageWidthMm),
            PageHeightMm = Show(layout.PageHeightMm),
            PrintBackground = layout.PrintBackground,
            TitleTopMm = Show(layout.TitleTopMm),
            NameTopMm = Show(layout.NameTopMm),
            NameLeftMm = Show(layout.NameLeftMm),
            NameWidthMm = Show(layout.NameWidthMm),
            NameFontSizePt = Show(layout.NameFontSizePt),
            AchievementTopMm = Show(layout.AchievementTopMm),
            AchievementFontSizePt = Show(layout.AchievementFontSizePt),
            DecisionTopMm = Show(layout.DecisionTopMm),
            QrLeftMm = Show(layout.QrLeftMm),
            QrTopMm = Show(layout.QrTopMm),
            QrSizeMm = Show(layout.QrSizeMm),
            Version = layout.Version,
        };
    }

    public string? ValueOf(string field) => field switch
    {
        nameof(PageWidthMm) => PageWidthMm,
        nameof(PageHeightMm) => PageHeightMm,
        nameof(TitleTopMm) => TitleTopMm,
        nameof(NameTopMm) => NameTopMm,
        nameof(NameLeftMm) => NameLeftMm,
        nameof(NameWidthMm) => NameWidthMm,
        nameof(NameFontSizePt) => NameFontSizePt,
        nameof(AchievementTopMm) => AchievementTopMm,
        nameof(AchievementFontSizePt) => AchievementFontSizePt,
        nameof(DecisionTopMm) => DecisionTopMm,
        nameof(QrLeftMm) => QrLeftMm,
        nameof(QrTopMm) => QrTopMm,
        nameof(QrSizeMm) => QrSizeMm,
        _ => null,
    };

    /// <summary>Reads a number typed with a comma or a point as the decimal mark; null when it is not a number.</summary>
    public static decimal? Parse(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim().Replace(',', '.');
        return trimmed.Length > 0 && trimmed.Length <= 12
            && decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? decimal.Round(value, 2)
            : null;
    }

    /// <summary>The input for the service, or the names of the fields that are not numbers.</summary>
    public (CertificateLayoutInput? Input, IReadOnlyList<string> Invalid) ToInput()
    {
        var values = NumberFields.ToDictionary(f => f, f => Parse(ValueOf(f)));
        var invalid = values.Where(v => v.Value is null).Select(v => v.Key).ToList();
        if (invalid.Count > 0)
        {
            return (null, invalid);
        }

        decimal V(string name) => values[name]!.Value;
        return (new CertificateLayoutInput(
            V(nameof(PageWidthMm)), V(nameof(PageHeightMm)), PrintBackground, V(nameof(TitleTopMm)), V(nameof(NameTopMm)), V(nameof(NameLeftMm)),
            V(nameof(NameWidthMm)), V(nameof(NameFontSizePt)), V(nameof(AchievementTopMm)), V(nameof(AchievementFontSizePt)), V(nameof(DecisionTopMm)),
            V(nameof(QrLeftMm)), V(nameof(QrTopMm)), V(nameof(QrSizeMm)), Version), []);
    }
}

/// <summary>The layout editor: for the default layout (no award type) or one award type's own.</summary>
public sealed record CertificateLayoutEditViewModel(int? AwardTypeId, string? AwardTypeName, bool HasOwnLayout, CertificateLayoutForm Form);

/// <summary>The consultations page: every consultation, the nominees that may be published, and the form.</summary>
public sealed record ConsultationsIndexViewModel(
    IReadOnlyList<ConsultationView> Consultations, IReadOnlyList<ConsultationNominee> Candidates, OpenConsultationForm Form, DateOnly Today, int WorkingDays);

/// <summary>"Mở lấy ý kiến": a title, the start date, the nominees.</summary>
public sealed class OpenConsultationForm
{
    public string? Title { get; set; }

    public DateOnly? StartsOn { get; set; }

    public List<int> NomineeIds { get; set; } = [];
}

public sealed class CloseConsultationForm
{
    public int Id { get; set; }

    public int Version { get; set; }
}
