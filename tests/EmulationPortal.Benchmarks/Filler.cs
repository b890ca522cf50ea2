using System.Diagnostics;
using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Reporting;
using EmulationPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmulationPortal.Benchmarks;

/// <summary>
/// <c>fill</c>: the schema comes from the app's own migrations (context resolved from <c>AddPortal</c>), the Leader
/// account from the app's UserManager; the bulk rows go in through raw prepared INSERTs in one transaction.
/// Scale 10 means ten times the history: ten times the campaigns (and their rounds, registrations, reports) and
/// commendations, over the same 500 units, because an organisation's units are fixed by its structure while
/// campaigns and reports accumulate year after year.
/// </summary>
internal static class Filler
{
    public static async Task RunAsync(string path, int scale, int articles = 0, int documents = 0, FillCounts? fillCounts = null)
    {
        var sizes = fillCounts ?? new FillCounts();
        if (scale is not (1 or 10))
        {
            throw new ArgumentException("--scale must be 1 or 10.");
        }

        var file = Path.GetFullPath(path);
        if (!string.Equals(Path.GetFileName(file), BenchmarkData.DatabaseFileName, StringComparison.Ordinal))
        {
            throw new ArgumentException($"--db must name a file called {BenchmarkData.DatabaseFileName} (the app's name for it in its data folder).");
        }

        if (File.Exists(file))
        {
            throw new ArgumentException($"{file} exists already; delete its folder to fill it again.");
        }

        var folder = Path.GetDirectoryName(file)!;
        Directory.CreateDirectory(folder);
        var clock = Stopwatch.StartNew();

        await CreateSchemaAndLeaderAsync(folder);
        Console.WriteLine($"schema (app migrations) and Leader account: {clock.Elapsed.TotalSeconds:F1} s");

        var step = Stopwatch.StartNew();
        var counts = FillRows(file, scale, articles, documents, sizes);
        Console.WriteLine($"bulk insert: {step.Elapsed.TotalSeconds:F1} s");
        step.Restart();
        await RebuildSummariesAsync(folder);
        Console.WriteLine($"commendation summary: {step.Elapsed.TotalSeconds:F1} s");
        step.Restart();
        var entries = await RebuildSearchIndexAsync(folder);
        Console.WriteLine($"search index (PortalDbContext.RebuildSearchIndexAsync): {entries:N0} entries in {step.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"filled {file} at scale {scale} in {clock.Elapsed.TotalSeconds:F1} s ({new FileInfo(file).Length / 1024.0 / 1024.0:N0} MB)");
        foreach (var (table, rows) in counts)
        {
            Console.WriteLine($"  {table,-32} {rows,12:N0}");
        }
    }

    /// <summary>The app's registration, as <c>MigrationTests</c> builds it; the host is never started.</summary>
    internal static WebApplication BuildApp(string folder, bool logSql = false, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataFolder"] = folder,
            ["Seed:DemoContent"] = "false",
            ["Reminders:Enabled"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = logSql ? "Information" : "Warning",
        });
        if (extra is not null)
        {
            builder.Configuration.AddInMemoryCollection(extra);
        }

        builder.AddPortal();
        return builder.Build();
    }

    private static async Task CreateSchemaAndLeaderAsync(string folder)
    {
        await using var app = BuildApp(folder);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.MigrateAsync();

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            Check(await roles.CreateAsync(new IdentityRole(role)));
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var leader = new PortalUser { UserName = BenchmarkData.LeaderUserName, DisplayName = "Lãnh đạo (benchmark)", EmailConfirmed = true, LockoutEnabled = true };
        Check(await users.CreateAsync(leader, BenchmarkData.LeaderPassword));
        Check(await users.AddToRoleAsync(leader, Roles.Leader));

        // A plain staff member (issue 6 measures the public pages signed in, where no shared cache may serve them).
        var staff = new PortalUser { UserName = BenchmarkData.StaffUserName, DisplayName = "Cán bộ (benchmark)", EmailConfirmed = true, LockoutEnabled = true };
        Check(await users.CreateAsync(staff, BenchmarkData.StaffPassword));
        Check(await users.AddToRoleAsync(staff, Roles.Staff));
        SqliteConnection.ClearAllPools();
    }

    /// <summary>The bulk rows bypass the app's SaveChanges, so its on-write summaries are built once here, by the app's code.</summary>
    private static async Task RebuildSummariesAsync(string folder)
    {
        await using var app = BuildApp(folder);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await CommendationTallyBuilder.RebuildAsync(db, []);
        await transaction.CommitAsync();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>
    /// The search index is kept on write by the app's SaveChanges, which the bulk rows bypass: it is built once here
    /// with the app's own rebuild (what an administrator's "rebuild" runs), so the measured app finds it ready and
    /// does not index at start-up.
    /// </summary>
    internal static async Task<int> RebuildSearchIndexAsync(string folder)
    {
        await using var app = BuildApp(folder);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var entries = await db.RebuildSearchIndexAsync();
        SqliteConnection.ClearAllPools();
        return entries;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private static List<(string Table, long Rows)> FillRows(string file, int scale, int articles, int documents, FillCounts sizes)
    {
        var random = new Random(20261126);
        var text = new VietnameseSamples(random);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var counts = new List<(string, long)>();

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000; PRAGMA temp_store=MEMORY;");
        using (var tx = connection.BeginTransaction())
        {
            var units = FillUnits(connection, tx, text, counts);
            var staff = FillStaff(connection, tx, text, units, sizes.StaffPerUnit, counts);
            FillParticipation(connection, tx, text, random, scale, units, today, counts);
            FillCommendations(connection, tx, text, random, sizes.Commendations ?? BenchmarkData.CommendationsAtScaleOne * scale, units, staff, counts);
            ContentFiller.Fill(connection, tx, articles, documents, sizes.WriteFiles ? Path.Combine(Path.GetDirectoryName(file)!, "files") : null, counts);
            tx.Commit();
        }

        // Back to the app's settings; the WAL is folded into the file so the measured app starts from a clean state.
        Execute(connection, "PRAGMA synchronous=NORMAL; PRAGMA wal_checkpoint(TRUNCATE);");
        return counts;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // constant PRAGMA text
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    private static int[] FillUnits(SqliteConnection c, SqliteTransaction tx, VietnameseSamples text, List<(string, long)> counts)
    {
        using var units = new RowWriter(c, tx, "Units", "Id", "Version", "Name", "Kind", "ParentId", "SortOrder", "IsActive");
        var ids = new int[BenchmarkData.UnitsPerScale];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = i + 1;
            var kind = i == 0 ? 0 : i == 1 ? 1 : i < 300 ? 2 : 3;
            var name = i == 0 ? "Ban Giám đốc" : i == 1 ? "Văn phòng Sở" : text.UnitName(i);
            units.Insert(ids[i], 0, name, kind, null, i + 1, i % 97 == 96 ? 0 : 1);
        }

        counts.Add(("Units", units.Rows));
        return ids;
    }

    private static List<(int Id, int UnitId)> FillStaff(SqliteConnection c, SqliteTransaction tx, VietnameseSamples text, int[] units, int perUnit, List<(string, long)> counts)
    {
        using var staff = new RowWriter(c, tx, "StaffMembers", "Id", "Version", "FullName", "NameSortKey", "Position", "Gender", "UnitId", "IsActive");
        var list = new List<(int, int)>();
        var id = 0;
        foreach (var unit in units)
        {
            for (var k = 0; k < perUnit; k++)
            {
                var name = VietnameseText.Normalize(text.PersonName());
                staff.Insert(++id, 0, name, VietnameseText.NameSortKey(name), text.Position(), (id * 7) % 13 < 6 ? 1 : 0, unit, 1);
                list.Add((id, unit));
            }
        }

        counts.Add(("StaffMembers", staff.Rows));
        return list;
    }

    private static readonly (string Name, string Measure)[] Indicators =
    [
        ("Số hoạt động đã tổ chức", "hoạt động"),
        ("Số người tham gia", "người"),
        ("Số mô hình, sáng kiến mới", "mô hình"),
        ("Số cá nhân được biểu dương, khen thưởng", "người"),
    ];

    private static void FillParticipation(
        SqliteConnection c, SqliteTransaction tx, VietnameseSamples text, Random random, int scale, int[] units, DateOnly today, List<(string, long)> counts)
    {
        using var campaigns = new RowWriter(c, tx, "Campaigns", "Id", "Version", "Title", "Slug", "Kind", "Scope", "LaunchedBy", "LaunchedOn", "StartsOn", "EndsOn", "Summary", "Content", "IsFeatured", "IsPublished", "CoverImageId");
        using var settings = new RowWriter(c, tx, "ParticipationSettings", "CampaignId", "Version", "RegistrationExpected", "RegistrationDeadline", "AllowsPersonalRegistration");
        using var expectedUnits = new RowWriter(c, tx, "CampaignExpectedUnits", "CampaignId", "UnitId");
        using var indicators = new RowWriter(c, tx, "CampaignIndicators", "Id", "Version", "CampaignId", "Name", "MeasureUnit", "SortOrder");
        using var registrations = new RowWriter(c, tx, "Registrations", "Id", "Version", "CampaignId", "UnitId", "StaffMemberId", "Commitments", "RegisteredAt", "UpdatedAt", "RegisteredByUserId");
        using var targets = new RowWriter(c, tx, "RegistrationTarget", "RegistrationId", "IndicatorId", "Value");
        using var rounds = new RowWriter(c, tx, "ReportRounds", "Id", "Version", "CampaignId", "Name", "Kind", "DueOn", "IsLocked", "SortOrder");
        using var reports = new RowWriter(c, tx, "ProgressReports", "Id", "Version", "RoundId", "UnitId", "Narrative", "SubmittedAt", "SubmittedOn", "UpdatedAt", "SubmittedByUserId");
        using var values = new RowWriter(c, tx, "ProgressReportValue", "ReportId", "IndicatorId", "Value");

        int indicatorId = 0, registrationId = 0, roundId = 0, reportId = 0;
        var campaignCount = BenchmarkData.CampaignsAtScaleOne * scale;
        for (var i = 0; i < campaignCount; i++)
        {
            var campaignId = i + 1;
            var year = BenchmarkData.YearOf(i);
            var startsOn = new DateOnly(year, 1, 1).AddDays(i / BenchmarkData.Years % 20);
            var title = VietnameseSamples.CampaignTitle(i, year);
            campaigns.Insert(
                campaignId, 0, title, $"phong-trao-{campaignId}-{year}", i % 3 == 0 ? 1 : 0, 2, "Giám đốc Sở Văn hóa và Thể thao",
                startsOn.AddDays(-10), startsOn, new DateOnly(year, 12, 31),
                $"Phong trào nhằm động viên toàn thể cán bộ, công chức, viên chức và người lao động {title.ToLowerInvariant()}.",
                text.Narrative(), 0, 1, null);

            settings.Insert(campaignId, 0, 1, startsOn.AddDays(45), 0);
            var expected = units.Where(u => u % 97 != 96).ToArray();
            if (BenchmarkData.HasExplicitUnits(i))
            {
                expected = units.Where(u => (u + i) % 10 != 0).ToArray();
                foreach (var unit in expected)
                {
                    expectedUnits.Insert(campaignId, unit);
                }
            }

            var campaignIndicators = new int[3 + (i % 2)];
            for (var k = 0; k < campaignIndicators.Length; k++)
            {
                campaignIndicators[k] = ++indicatorId;
                indicators.Insert(indicatorId, 0, campaignId, Indicators[k].Name, Indicators[k].Measure, k + 1);
            }

            // Most expected units register (97 %); only registered units report.
            var registered = new List<int>(expected.Length);
            foreach (var unit in expected)
            {
                if (random.Next(100) < 3)
                {
                    continue;
                }

                registered.Add(unit);
                var at = startsOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc).AddDays(random.Next(40)).AddMinutes(random.Next(480));
                registrations.Insert(++registrationId, 0, campaignId, unit, null, text.CommitmentText(), at, at, null);
                foreach (var indicator in campaignIndicators)
                {
                    targets.Insert(registrationId, indicator, (decimal)random.Next(5, 500));
                }
            }

            for (var month = 1; month <= BenchmarkData.RoundsPerCampaign; month++)
            {
                var dueOn = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
                var kind = month == 12 ? 2 : month == 6 ? 1 : 0;
                var name = kind switch { 2 => $"Tổng kết năm {year}", 1 => $"Sơ kết 6 tháng đầu năm {year}", _ => $"Tháng {month}/{year}" };
                rounds.Insert(++roundId, 0, campaignId, name, kind, dueOn, dueOn.AddDays(30) < today ? 1 : 0, month);

                foreach (var unit in registered)
                {
                    // About 2 % missing, 10 % late (1–20 days); none before the fill's today.
                    var dice = random.Next(100);
                    if (dice < 2)
                    {
                        continue;
                    }

                    var submittedOn = dice < 12 ? dueOn.AddDays(1 + random.Next(20)) : dueOn.AddDays(-random.Next(12));
                    if (submittedOn > today)
                    {
                        continue;
                    }

                    var at = submittedOn.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc).AddMinutes(random.Next(600));
                    reports.Insert(++reportId, 0, roundId, unit, text.Narrative(), at, submittedOn, at, null);
                    foreach (var indicator in campaignIndicators)
                    {
                        values.Insert(reportId, indicator, (decimal)random.Next(0, 300));
                    }
                }
            }
        }

        counts.Add(("Campaigns", campaigns.Rows));
        counts.Add(("ParticipationSettings", settings.Rows));
        counts.Add(("CampaignExpectedUnits", expectedUnits.Rows));
        counts.Add(("CampaignIndicators", indicators.Rows));
        counts.Add(("Registrations", registrations.Rows));
        counts.Add(("RegistrationTarget", targets.Rows));
        counts.Add(("ReportRounds", rounds.Rows));
        counts.Add(("ProgressReports", reports.Rows));
        counts.Add(("ProgressReportValue", values.Rows));
    }

    private static void FillCommendations(
        SqliteConnection c, SqliteTransaction tx, VietnameseSamples text, Random random, int total, int[] units, List<(int Id, int UnitId)> staff, List<(string, long)> counts)
    {
        // Award types: (name, category, recipient kind 0 individual / 1 collective / 2 both, level).
        (string Name, int Category, int Recipient, int Level)[] awards =
        [
            ("Chiến sĩ thi đua cơ sở", 0, 0, 0), ("Lao động tiên tiến", 0, 0, 0), ("Tập thể lao động xuất sắc", 0, 1, 1),
            ("Tập thể lao động tiên tiến", 0, 1, 0), ("Giấy khen của Giám đốc Sở", 1, 2, 0), ("Bằng khen của Chủ tịch UBND tỉnh", 1, 2, 1),
            ("Bằng khen của Bộ trưởng", 1, 2, 2), ("Huân chương Lao động hạng Ba", 1, 2, 3),
        ];
        using (var awardTypes = new RowWriter(c, tx, "AwardTypes", "Id", "Version", "Name", "Category", "RecipientKind", "Level", "SortOrder", "IsActive"))
        {
            for (var a = 0; a < awards.Length; a++)
            {
                awardTypes.Insert(a + 1, 0, awards[a].Name, awards[a].Category, awards[a].Recipient, awards[a].Level, a + 1, 1);
            }

            counts.Add(("AwardTypes", awardTypes.Rows));
        }

        var individual = Enumerable.Range(0, awards.Length).Where(a => awards[a].Recipient != 1).Select(a => a + 1).ToArray();
        var collective = Enumerable.Range(0, awards.Length).Where(a => awards[a].Recipient != 0).Select(a => a + 1).ToArray();
        using var commendations = new RowWriter(c, tx, "Commendations", "Id", "Version", "AwardTypeId", "RecipientKind", "StaffMemberId", "UnitId", "Year", "DecisionNumber", "DecidedOn", "DecidedBy", "Achievement", "CampaignId", "FieldId", "IsFeatured", "Story", "PhotoId", "CreatedAt");
        for (var id = 1; id <= total; id++)
        {
            var year = 2016 + random.Next(11);
            var decidedOn = new DateOnly(year, 1 + random.Next(12), 1 + random.Next(28));
            var isIndividual = random.Next(10) < 7;
            var award = isIndividual ? individual[random.Next(individual.Length)] : collective[random.Next(collective.Length)];
            commendations.Insert(
                id, 0, award, isIndividual ? 0 : 1,
                isIndividual ? staff[random.Next(staff.Count)].Id : null,
                isIndividual ? null : units[random.Next(units.Length)],
                year, $"{random.Next(1, 999)}/QĐ-SVHTT", decidedOn, "Giám đốc Sở Văn hóa và Thể thao", text.Achievement(),
                null, null, 0, string.Empty, null, decidedOn.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc));
        }

        counts.Add(("Commendations", commendations.Rows));
    }
}

/// <summary>Sizes beyond the scale (issue 6): staff per unit, commendations (default 10,000 × scale), and whether each document's file is written to disk.</summary>
internal sealed record FillCounts(int StaffPerUnit = BenchmarkData.StaffPerUnit, int? Commendations = null, bool WriteFiles = false);
