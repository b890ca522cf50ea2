using EmulationPortal.Campaigns;
using EmulationPortal.Common;
using EmulationPortal.Files;

namespace EmulationPortal.Documents;

/// <summary>Loại văn bản from the catalogue (Decree 30/2020): code "KH", name "Kế hoạch".</summary>
public class DocumentType : IVersioned
{
    public int Id { get; set; }

    public int Version { get; set; }

    /// <summary>Type code as it appears in numbers ("KH", "QĐ"); empty for Công văn.</summary>
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public int SortOrder { get; set; }
}

/// <summary>Văn bản: an official document.</summary>
public class Document : IVersioned
{
    public int Id { get; set; }

    public int Version { get; set; }

    public int DocumentTypeId { get; set; }

    public DocumentType? DocumentType { get; set; }

    /// <summary>Số, ký hiệu exactly as typed: "93/KH-UBND", "34-CT/TW".</summary>
    public string Number { get; set; } = string.Empty;

    public DateOnly IssuedOn { get; set; }

    /// <summary>Cơ quan ban hành.</summary>
    public string Issuer { get; set; } = string.Empty;

    /// <summary>Người ký.</summary>
    public string Signer { get; set; } = string.Empty;

    /// <summary>Trích yếu.</summary>
    public string Abstract { get; set; } = string.Empty;

    /// <summary>Nơi nhận, one recipient a line.</summary>
    public string Recipients { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public ICollection<Campaign> Campaigns { get; set; } = [];

    public ICollection<DocumentAttachment> Attachments { get; set; } = [];
}

/// <summary>A file attached to a document, in display order.</summary>
public class DocumentAttachment
{
    public int Id { get; set; }

    public int DocumentId { get; set; }

    public Document? Document { get; set; }

    public int StoredFileId { get; set; }

    public StoredFile? StoredFile { get; set; }

    public int SortOrder { get; set; }
}
