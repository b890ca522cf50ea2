using EmulationPortal.Common;

namespace EmulationPortal.Organisation;

/// <summary>The installing organisation: its name, the authority above it, contact details. One row; set at install.</summary>
public class OrganisationSettings : IVersioned
{
    public int Id { get; set; }

    public int Version { get; set; }

    /// <summary>The authority above, printed small in the header: "ỦY BAN NHÂN DÂN TỈNH …".</summary>
    public string ParentName { get; set; } = string.Empty;

    /// <summary>The organisation itself: "Sở Thông tin và Truyền thông".</summary>
    public string Name { get; set; } = string.Empty;

    public string Address { get; set; } = string.Empty;

    public string Phone { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    /// <summary>"Chịu trách nhiệm nội dung": the person responsible for content (Decree 42/2022).</summary>
    public string ContentResponsible { get; set; } = string.Empty;

    public int? LogoId { get; set; }

    public Files.StoredFile? Logo { get; set; }

    public int? EmulationBlockId { get; set; }

    public EmulationBlock? EmulationBlock { get; set; }
}
