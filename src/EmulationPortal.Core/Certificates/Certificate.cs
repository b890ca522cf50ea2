using EmulationPortal.Common;
using EmulationPortal.Honors;
using EmulationPortal.Proposals;

namespace EmulationPortal.Certificates;

/// <summary>A printed certificate of one commendation: a sequential number per year and award type, and a public code.</summary>
public class Certificate
{
    public int Id { get; set; }

    /// <summary>
    /// The commendation it certifies; cleared when that commendation is withdrawn (its decision cancelled), so the
    /// public page can still say the certificate was revoked instead of "no such code".
    /// </summary>
    public int? CommendationId { get; set; }

    public Commendation? Commendation { get; set; }

    public int? NomineeId { get; set; }

    public Nominee? Nominee { get; set; }

    public int AwardTypeId { get; set; }

    public int Year { get; set; }

    /// <summary>Số vào sổ: 1, 2, … within (year, award type); unique.</summary>
    public int SequenceNumber { get; set; }

    /// <summary>The random code of the verification page (/xac-thuc/{code}); unique, never derived from data.</summary>
    public string Code { get; set; } = string.Empty;

    public DateTime IssuedAt { get; set; }
}

/// <summary>
/// Where each field prints on an award type's certificate, in millimetres from the page's top-left corner, so it
/// prints onto the pre-printed blanks offices buy. Without a layout the default one applies.
/// </summary>
public class CertificateLayout : IVersioned
{
    public int Id { get; set; }

    public int Version { get; set; }

    /// <summary>Null: the default layout.</summary>
    public int? AwardTypeId { get; set; }

    public AwardType? AwardType { get; set; }

    public decimal PageWidthMm { get; set; } = 297m;

    public decimal PageHeightMm { get; set; } = 210m;

    /// <summary>Print the frame, motto and award title too (plain paper); off for pre-printed blanks.</summary>
    public bool PrintBackground { get; set; } = true;

    public decimal TitleTopMm { get; set; } = 60m;

    public decimal NameTopMm { get; set; } = 95m;

    public decimal NameLeftMm { get; set; } = 40m;

    /// <summary>The width a name may take before it wraps.</summary>
    public decimal NameWidthMm { get; set; } = 217m;

    public decimal NameFontSizePt { get; set; } = 26m;

    public decimal AchievementTopMm { get; set; } = 125m;

    public decimal AchievementFontSizePt { get; set; } = 14m;

    public decimal DecisionTopMm { get; set; } = 160m;

    public decimal QrLeftMm { get; set; } = 20m;

    public decimal QrTopMm { get; set; } = 165m;

    public decimal QrSizeMm { get; set; } = 25m;
}
