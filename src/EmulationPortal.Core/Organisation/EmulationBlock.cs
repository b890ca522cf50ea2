using EmulationPortal.Common;

namespace EmulationPortal.Organisation;

/// <summary>Khối thi đua / Cụm thi đua: a block of agencies that emulate together ("Khối 3").</summary>
public class EmulationBlock : IVersioned
{
    public int Id { get; set; }

    public int Version { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;
}
