using System.Text.Json;
using EmulationPortal.Common;
using EmulationPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Audit;

/// <summary>Filters of the audit log; dates are calendar days in the organisation's time zone, both inclusive.</summary>
public sealed record AuditFilter(string? UserName, string? Action, string? EntityType, DateOnly? From, DateOnly? To, int Page);

public sealed record AuditListItem(long Id, DateTime At, string UserName, string Action, string EntityType, string EntityId, IReadOnlyList<AuditChange> Changes);

/// <summary>One changed field: its name, the value before and after (as stored in the log).</summary>
public sealed record AuditChange(string Field, string? Old, string? New);

public sealed record AuditFilterOptions(IReadOnlyList<string> Actions, IReadOnlyList<string> EntityTypes);

/// <summary>Reads the audit log for administrators. There is no method that changes or deletes an entry.</summary>
public sealed class AuditQueryService(PortalDbContext db, PortalClock clock)
{
    public const int PageSize = 30;

    public async Task<PagedList<AuditListItem>> ListAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.UserName))
        {
            var name = filter.UserName.Trim();
            query = query.Where(a => a.UserName == name);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(a => a.Action == filter.Action);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(a => a.EntityType == filter.EntityType);
        }

        if (filter.From is { } from)
        {
            var start = StartOfDayUtc(from);
            query = query.Where(a => a.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = StartOfDayUtc(to.AddDays(1));
            query = query.Where(a => a.At < end);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((filter.Page - 1) * PageSize).Take(PageSize)
            .Select(a => new { a.Id, a.At, a.UserName, a.Action, a.EntityType, a.EntityId, a.Changes })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new AuditListItem(r.Id, r.At, r.UserName, r.Action, r.EntityType, r.EntityId, ParseChanges(r.Changes))).ToList();
        return new PagedList<AuditListItem>(items, filter.Page, PageSize, total);
    }

    /// <summary>Entity types that concern accounts rather than content.</summary>
    public static IReadOnlyList<string> AccountEntityTypes { get; } = [nameof(Accounts.PortalUser), "IdentityUserRole`1", "IdentityUserRole<string>"];

    /// <summary>The latest entries, for the dashboard; without accounts' entries (sign-ins, users, roles) unless asked.</summary>
    public async Task<IReadOnlyList<AuditListItem>> LatestAsync(int count, bool includeAccounts, CancellationToken cancellationToken = default)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!includeAccounts)
        {
            var excluded = AccountEntityTypes.ToList();
            query = query.Where(a => !excluded.Contains(a.EntityType));
        }

        var rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(count)
            .Select(a => new { a.Id, a.At, a.UserName, a.Action, a.EntityType, a.EntityId, a.Changes })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new AuditListItem(r.Id, r.At, r.UserName, r.Action, r.EntityType, r.EntityId, ParseChanges(r.Changes))).ToList();
    }

    public async Task<AuditFilterOptions> FilterOptionsAsync(CancellationToken cancellationToken = default)
    {
        var actions = await db.AuditEntries.AsNoTracking().Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        var types = await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        return new AuditFilterOptions(actions, types);
    }

    /// <summary>Reads the stored JSON (field → { old, new }); anything unreadable is shown as one raw line, never an error.</summary>
    public static IReadOnlyList<AuditChange> ParseChanges(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [new AuditChange(string.Empty, null, json)];
            }

            var result = new List<AuditChange>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    result.Add(new AuditChange(property.Name, ValueOf(property.Value, "old"), ValueOf(property.Value, "new")));
                }
                else
                {
                    result.Add(new AuditChange(property.Name, null, Text(property.Value)));
                }
            }

            return result;
        }
        catch (JsonException)
        {
            return [new AuditChange(string.Empty, null, json)];
        }
    }

    private static string? ValueOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? Text(value) : null;

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };

    private DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), clock.Zone);
}
