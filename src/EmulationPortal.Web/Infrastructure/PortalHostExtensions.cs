using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using EmulationPortal.Accounts;
using EmulationPortal.Data;
using EmulationPortal.Web.Infrastructure.Security;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using Serilog;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>Everything the portal registers and the order of its middleware, kept out of Program.cs.</summary>
internal static class PortalHostExtensions
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();

        // `dotnet ef ... -- --provider SqlServer` reaches the app as the "provider" key.
        if (Enum.TryParse<DatabaseProvider>(configuration["provider"], ignoreCase: true, out var fromTool))
        {
            database.Provider = fromTool;
        }

        // Serve wwwroot's build manifest also when the build output runs outside Development (the benchmark, a quick
        // check in Production); a published app has its own manifest and this finds nothing to add.
        builder.WebHost.UseStaticWebAssets();

        var dataFolder = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, database.DataFolder));
        ResolveLogPaths(configuration, dataFolder);
        builder.Services.AddSingleton(database);
        builder.Services.AddDataProtection()
            .SetApplicationName("EmulationPortal")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder, "keys")));
        builder.Services.AddSingleton(new DataFolder(dataFolder));

        // Pooled: a context is built once and reset between requests (building one was 5–6 % of a signed-in page's
        // CPU, docs/performance.md). What it takes besides its options is singleton: IAuditActor reads the current
        // request through IHttpContextAccessor.
        var queryWarning = QueryCountWarning.Threshold(configuration, builder.Environment);
        builder.Services.AddDbContextPool<PortalDbContext>(options =>
        {
            if (queryWarning is not null)
            {
                options.AddInterceptors(new QueryCountWarning.Interceptor());
            }

            switch (database.Provider)
            {
                case DatabaseProvider.SqlServer:
                    options.UseSqlServer(
                        configuration.GetConnectionString("Portal") ?? "Server=(local);Database=EmulationPortal;Integrated Security=true;TrustServerCertificate=true",
                        sql => sql.MigrationsAssembly("EmulationPortal.Migrations.SqlServer"));
                    break;
                default:
                    options.UseSqlite(
                        configuration.GetConnectionString("Portal") ?? $"Data Source={Path.Combine(dataFolder, "portal.db")}",
                        sqlite => sqlite.MigrationsAssembly("EmulationPortal.Migrations.Sqlite"));
                    break;
            }
        });

        builder.Services.AddSingleton<FragmentCache>();
        builder.Services.AddPortalCore(Path.Combine(dataFolder, "files"), configuration["Portal:TimeZone"]);
        builder.Services.AddSingleton(configuration.GetSection(EmulationPortal.Files.UploadOptions.SectionName).Get<EmulationPortal.Files.UploadOptions>() ?? new EmulationPortal.Files.UploadOptions());
        builder.Services.AddAdminContent();
        builder.Services.AddAdminHonors();
        builder.Services.AddAdminAccounts();
        builder.Services.AddParticipation(configuration);
        builder.Services.AddReminders(configuration, dataFolder);
        builder.Services.AddProposalWorkflow(configuration);
        builder.Services.AddProposalComposing(configuration);
        builder.Services.AddCouncil(configuration);
        builder.Services.AddDecisions(configuration);
        builder.Services.AddCertificates(configuration);
        builder.Services.AddReporting();
        builder.Services.AddSearch(configuration);
        builder.Services.AddFeeds();
        builder.Services.AddPublicPageCache(configuration);

        builder.Services
            // Password, lockout, cookie and session settings: Security/AccountSecurity.cs (AddAccountSecurity).
            .AddIdentity<PortalUser, IdentityRole>(options => options.User.RequireUniqueEmail = false)
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddSignInManager<PortalSignInManager>()
            .AddErrorDescriber<VietnameseIdentityErrorDescriber>();

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<EmulationPortal.Audit.IAuditActor, HttpContextAuditActor>();

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(
                Policies.AdminArea,
                p => p.RequireRole(Roles.Administrator, Roles.Editor, Roles.Leader, Roles.Specialist, Roles.OfficeHead, Roles.CouncilSecretary))
            .AddPolicy(Policies.CanPublish, p => p.RequireRole(Roles.Administrator, Roles.Editor))
            .AddPolicy(Policies.CanAdminister, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.CanReview, p => p.RequireRole(Roles.Administrator, Roles.Editor, Roles.Leader))
            .AddPolicy(Policies.CanReportForUnit, p => p.RequireRole(Roles.UnitReporter))
            .AddPolicy(
                Policies.CanHandleProposals,
                p => p.RequireRole(Roles.Editor, Roles.Specialist, Roles.OfficeHead, Roles.CouncilSecretary, Roles.Leader))
            .AddPolicy(Policies.CanRunCouncil, p => p.RequireRole(Roles.CouncilSecretary, Roles.OfficeHead))
            .AddPolicy(Policies.CanDecide, p => p.RequireRole(Roles.Editor, Roles.OfficeHead, Roles.Leader))
            .AddPolicy(Policies.CanConfigureAwards, p => p.RequireRole(Roles.Administrator, Roles.OfficeHead));

        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Vietnamese);
            options.SupportedCultures = [Vietnamese];
            options.SupportedUICultures = [Vietnamese];
        });

        // Razor would write every Vietnamese letter as a numeric entity without this.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        builder.Services
            .AddControllersWithViews(options =>
            {
                options.Filters.Add<MustChangePasswordFilter>();
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        builder.Services.AddSingleton<IConfigureOptions<MvcOptions>, VietnameseModelBindingMessages>();

        builder.AddAccountSecurity();
        builder.AddReverseProxy();
        builder.AddSecurityHeaders();
        builder.AddUploadSafety();
        builder.AddErrorHardening();

        builder.Services.AddRouting(o => o.LowercaseUrls = true);
        builder.Services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database");
        return builder;
    }

    /// <summary>Relative Serilog file paths are placed under the data folder, whatever the working directory.</summary>
    private static void ResolveLogPaths(ConfigurationManager configuration, string dataFolder)
    {
        foreach (var sink in configuration.GetSection("Serilog:WriteTo").GetChildren())
        {
            var path = sink["Args:path"];
            if (!string.IsNullOrEmpty(path) && !Path.IsPathRooted(path))
            {
                configuration[$"{sink.Path}:Args:path"] = Path.Combine(dataFolder, path);
            }
        }
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseReverseProxy();
        app.UseSecurityHeaders();

        // Outside the error pages: one log event per request with its final status (ErrorHardening).
        app.UseRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(ErrorHardening.ExceptionHandlerOptions());
        }

        app.UseStatusCodePagesWithReExecute("/loi/{0}");
        if (QueryCountWarning.Threshold(app.Configuration, app.Environment) is { } threshold)
        {
            app.UseQueryCountWarning(threshold);
        }

        app.UseRequestLocalization();
        // The data generation a request starts with keys the fragments it renders: a fragment rendered from data read
        // before a change is then stored under the old generation and never served after it.
        var publicData = app.Services.GetRequiredService<EmulationPortal.Common.PublicDataCache>();
        app.Use((context, next) =>
        {
            context.Items[EmulationPortal.Common.PublicDataCache.RequestGenerationKey] = publicData.Generation;
            return next(context);
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAccountSecurity();
        app.UseOutputCache();

        app.MapHealthChecks("/health");

        // wwwroot from the build's manifest: fingerprinted URLs (asp-append-version, ~/ paths) cached for a year as
        // immutable, pre-compressed gzip/brotli copies, ETags; plain URLs still work for what CSS refers to.
        app.MapStaticAssets();
        app.MapControllerRoute("areas", "{area:exists}/{controller=Home}/{action=Index}/{id?}").WithStaticAssets();
        app.MapControllers().WithStaticAssets();

        // Any address nothing else answers is 404 (the Vietnamese page), whatever the method: the development-time
        // static files endpoint answers GET only and would otherwise turn an unknown POST into 405.
        app.MapFallback(() => Results.NotFound());
        return app;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var initializer = ActivatorUtilities.CreateInstance<DatabaseInitializer>(scope.ServiceProvider);
        await initializer.InitializeAsync(app.Configuration);
    }
}

/// <summary>The folder that holds the SQLite file, uploaded files and logs.</summary>
public sealed record DataFolder(string Path);

/// <summary>Vietnamese messages for values that cannot be bound (page=abc).</summary>
internal sealed class VietnameseModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var l = factory.Create(typeof(SharedResource));
        var m = options.ModelBindingMessageProvider;
        m.SetValueMustBeANumberAccessor(name => l["Validation.MustBeNumber", name]);
        m.SetAttemptedValueIsInvalidAccessor((value, name) => l["Validation.InvalidValue", name]);
        m.SetValueIsInvalidAccessor(value => l["Validation.InvalidValueAnonymous"]);
        m.SetMissingBindRequiredValueAccessor(name => l["Validation.Required", name]);
        m.SetValueMustNotBeNullAccessor(name => l["Validation.Required", name]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["Validation.InvalidValueAnonymous"]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => l["Validation.MustBeNumberAnonymous"]);
        m.SetUnknownValueIsInvalidAccessor(name => l["Validation.InvalidValue", name]);
        m.SetMissingKeyOrValueAccessor(() => l["Validation.InvalidValueAnonymous"]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => l["Validation.InvalidValueAnonymous"]);
    }
}
