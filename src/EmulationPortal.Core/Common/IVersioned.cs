namespace EmulationPortal.Common;

/// <summary>
/// An entity that editors change through forms. <see cref="Version"/> is an optimistic-concurrency token, raised on
/// every save: a form posts back the version it was read at, and a save over a newer version is refused.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
