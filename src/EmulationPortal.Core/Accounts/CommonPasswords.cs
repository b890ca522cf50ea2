using System.Collections.Frozen;

namespace EmulationPortal.Accounts;

/// <summary>
/// The most common passwords (common-passwords.txt, embedded: the top 30,000 of zxcvbn's frequency list, MIT). A new
/// password that equals one of them, ignoring case, is refused (ASVS 6.2.4).
/// </summary>
public static class CommonPasswords
{
    private const string ResourceName = "EmulationPortal.Accounts.common-passwords.txt";

    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    /// <summary>How many passwords the list holds.</summary>
    public static int Count => List.Value.Count;

    /// <summary>True when <paramref name="password"/> is on the list, ignoring case and surrounding spaces.</summary>
    public static bool Contains(string? password) =>
        !string.IsNullOrWhiteSpace(password) && List.Value.Contains(password.Trim());

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>(30_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                passwords.Add(line.Trim());
            }
        }

        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
