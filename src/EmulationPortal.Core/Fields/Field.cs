using EmulationPortal.Common;

namespace EmulationPortal.Fields;

/// <summary>Lĩnh vực: a field of the plan's taxonomy for campaigns, news and exemplary models.</summary>
public class Field : IVersioned
{
    public int Id { get; set; }

    public int Version { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Slug { get; set; } = string.Empty;

    public int SortOrder { get; set; }
}
