using EmulationPortal.Common;
using EmulationPortal.Documents;
using EmulationPortal.Files;
using EmulationPortal.Proposals;

namespace EmulationPortal.Decisions;

public enum DecisionStatus
{
    /// <summary>Being drafted: text editable, nominees may be added or removed.</summary>
    Draft = 0,

    /// <summary>Signed and issued: its nominees are commendations.</summary>
    Issued = 1,

    /// <summary>Cancelled after issue, with a reason: its commendations were withdrawn.</summary>
    Cancelled = 2,
}

/// <summary>
/// Quyết định khen thưởng: drafted from the passed nominees in the layout of Decree 30/2020 (issuer block, national
/// motto, number and symbol, place and date line, title and abstract, legal bases, articles, signer, recipients,
/// annex), issued with number, date, signer and the signed PDF.
/// </summary>
public class AwardDecision : IVersioned
{
    public int Id { get; set; }

    public int Version { get; set; }

    public DecisionStatus Status { get; set; }

    /// <summary>Số, ký hiệu as typed ("15/QĐ-STTTT"); unique among issued decisions.</summary>
    public string? Number { get; set; }

    /// <summary>The date it was signed; null while a draft.</summary>
    public DateOnly? SignedOn { get; set; }

    /// <summary>The place on the date line ("Quảng Bình").</summary>
    public string Place { get; set; } = string.Empty;

    /// <summary>The issuing authority's block: "UBND TỈNH …" above "SỞ …".</summary>
    public string IssuerParent { get; set; } = string.Empty;

    public string Issuer { get; set; } = string.Empty;

    /// <summary>Who decides, as in the commendations: "Giám đốc Sở".</summary>
    public string DecidedBy { get; set; } = string.Empty;

    /// <summary>Trích yếu: "Về việc tặng Giấy khen cho các tập thể, cá nhân …".</summary>
    public string Abstract { get; set; } = string.Empty;

    /// <summary>Căn cứ: one legal basis per line.</summary>
    public string LegalBases { get; set; } = string.Empty;

    /// <summary>The articles (Điều 1, Điều 2, …), one per line.</summary>
    public string Articles { get; set; } = string.Empty;

    /// <summary>Chức vụ of the signer ("GIÁM ĐỐC", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC").</summary>
    public string SignerTitle { get; set; } = string.Empty;

    public string SignerName { get; set; } = string.Empty;

    /// <summary>Nơi nhận: one recipient per line.</summary>
    public string Recipients { get; set; } = string.Empty;

    /// <summary>The award year of the commendations it creates.</summary>
    public int Year { get; set; }

    /// <summary>The signed scan, uploaded at issue.</summary>
    public int? SignedFileId { get; set; }

    public StoredFile? SignedFile { get; set; }

    /// <summary>The entry in the document library, created at issue.</summary>
    public int? DocumentId { get; set; }

    public Document? Document { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? IssuedAt { get; set; }

    public string? IssuedById { get; set; }

    public DateTime? CancelledAt { get; set; }

    public string? CancelReason { get; set; }

    public ICollection<Nominee> Nominees { get; set; } = [];
}
