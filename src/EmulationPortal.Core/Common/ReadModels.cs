namespace EmulationPortal.Common;

/// <summary>An option of a filter drop-down.</summary>
public sealed record FilterOption(string Value, string Text);

/// <summary>A field (lĩnh vực) as lists show it.</summary>
public sealed record FieldItem(int Id, string Name, string Slug);
