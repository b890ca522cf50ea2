using System.Security.Cryptography;

namespace EmulationPortal.Files;

/// <summary>Keeps files in a folder on disk (under the data folder, outside wwwroot), sharded by key prefix.</summary>
public sealed class LocalFileStore(string rootPath) : IFileStore
{
    public string RootPath { get; } = Path.GetFullPath(rootPath);

    public async Task<string> SaveAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var path = PathFor(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(target, cancellationToken);
        }

        File.Move(temp, path);
        return key;
    }

    public Stream? OpenRead(string storageKey)
    {
        if (!IsValidKey(storageKey))
        {
            return null;
        }

        var path = PathFor(storageKey);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    private string PathFor(string key) => Path.Combine(RootPath, key[..2], key);

    private static bool IsValidKey(string key) =>
        key is { Length: 32 } && key.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
