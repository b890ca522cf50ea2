namespace EmulationPortal.Web.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>The "Database" section of configuration.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder for the SQLite file, uploaded files and logs; relative to the app's content root.</summary>
    public string DataFolder { get; set; } = "App_Data";

    /// <summary>SQL Server databases are migrated with the idempotent script unless this is set.</summary>
    public bool MigrateOnStartup { get; set; }
}
