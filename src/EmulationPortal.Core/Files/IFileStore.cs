namespace EmulationPortal.Files;

/// <summary>Where file content lives. The seam that tests may replace.</summary>
public interface IFileStore
{
    /// <summary>Writes content under a new random key and returns the key.</summary>
    Task<string> SaveAsync(Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens the content for reading, or null when the file is missing on disk.</summary>
    Stream? OpenRead(string storageKey);
}
