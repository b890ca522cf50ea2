using EmulationPortal.Search;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>Search: FTS5 on the embedded SQLite database, folded columns on a server database.</summary>
internal static class SearchRegistration
{
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        // "Search:Engine" = "Folded" forces the server engine on SQLite (the tests run both).
        var folded = string.Equals(configuration["Search:Engine"], "Folded", StringComparison.OrdinalIgnoreCase);
        services.AddScoped<ISearchEngine>(sp =>
            sp.GetRequiredService<DatabaseOptions>().Provider == DatabaseProvider.Sqlite && !folded
                ? ActivatorUtilities.CreateInstance<Fts5SearchEngine>(sp)
                : ActivatorUtilities.CreateInstance<FoldedColumnSearchEngine>(sp));
        services.AddScoped<SearchService>();
        services.AddScoped<SearchIndexAdminService>();
        services.AddHostedService<SearchStartupJob>();
        return services;
    }
}
