namespace EmulationPortal.Files;

/// <summary>A file kept on disk outside the web root under a random key; identical content is stored once.</summary>
public class StoredFile
{
    public int Id { get; set; }

    public string OriginalName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long Size { get; set; }

    /// <summary>Lowercase hex SHA-256 of the content.</summary>
    public string Sha256 { get; set; } = string.Empty;

    /// <summary>Random name of the file in the store; never derived from user input.</summary>
    public string StorageKey { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// Plain text of a PDF or DOCX, read when the file is stored, for search; empty when there is none to read
    /// (an image, a scan), null while not yet read (files stored before search existed).
    /// </summary>
    public string? ExtractedText { get; set; }
}
