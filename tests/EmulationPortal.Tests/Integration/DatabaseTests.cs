using EmulationPortal.Data;
using EmulationPortal.Organisation;
using EmulationPortal.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmulationPortal.Tests.Integration;

/// <summary>The seeded database: idempotent demo content, Vietnamese text stored as typed.</summary>
public sealed class DatabaseTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private sealed record Counts(int Documents, int Campaigns, int Commendations, int Articles, int Units, int Staff, int Files, int Fields, int AwardTypes);

    private Task<Counts> CountAsync() => factory.WithDbAsync(async db => new Counts(
        await db.Documents.CountAsync(), await db.Campaigns.CountAsync(), await db.Commendations.CountAsync(),
        await db.Articles.CountAsync(), await db.Units.CountAsync(), await db.StaffMembers.CountAsync(),
        await db.StoredFiles.CountAsync(), await db.Fields.CountAsync(), await db.AwardTypes.CountAsync()));

    [Fact]
    public async Task SeedAsync_WhenRunAgain_AddsNoDuplicates()
    {
        var before = await CountAsync();
        Assert.True(before.Documents >= 5 && before.Campaigns >= 6 && before.Commendations >= 15 && before.Articles >= 8 && before.Units >= 4, $"demo content looks incomplete: {before}");

        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoContentSeeder>().SeedAsync();
        }

        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoContentSeeder>().SeedAsync();
        }

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task DemoContent_WhenSeeded_HasTheOrganisationAndItsUnits()
    {
        var units = await factory.WithDbAsync(db => db.Units.Select(u => u.Name).ToListAsync());
        var organisation = await factory.WithDbAsync(db => db.OrganisationSettings.Select(o => o.Name).FirstOrDefaultAsync());

        Assert.Contains("Sở Thông tin và Truyền thông", organisation ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("Văn phòng Sở", units);
        Assert.Contains("Thanh tra Sở", units);
        Assert.Contains("Phòng Kế hoạch - Tài chính", units);
        Assert.Contains(units, u => u.StartsWith("Trung tâm", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DemoContent_WhenSeeded_StoresNfcTextOnly()
    {
        var texts = await factory.WithDbAsync(async db =>
            (await db.Campaigns.Select(c => c.Title).ToListAsync())
            .Concat(await db.Articles.Select(a => a.Title).ToListAsync())
            .Concat(await db.StaffMembers.Select(s => s.FullName).ToListAsync())
            .Concat(await db.Units.Select(u => u.Name).ToListAsync())
            .ToList());

        Assert.All(texts, t => Assert.True(t.IsNormalized(System.Text.NormalizationForm.FormC), t));
    }

    [Fact]
    public async Task SqliteRoundTrip_WhenVietnameseTextSaved_ReadsBackIdentical()
    {
        const string unitName = "Tổ thử nghiệm Đ ư ỗ";
        const string personName = "Nguyễn Thị Ánh";
        int personId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var unit = new Unit { Name = unitName, Kind = UnitKind.Division, SortOrder = 999, IsActive = false };
            var person = new StaffMember { FullName = personName, Position = "Chuyên viên phòng Đổi mới", Unit = unit };
            db.StaffMembers.Add(person);
            await db.SaveChangesAsync();
            personId = person.Id;
        }

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var loaded = await db.StaffMembers.AsNoTracking().Include(s => s.Unit).SingleAsync(s => s.Id == personId);
            var byName = await db.Units.AsNoTracking().CountAsync(u => u.Name == unitName);

            Assert.Equal(personName, loaded.FullName, StringComparer.Ordinal);
            Assert.Equal(unitName, loaded.Unit!.Name, StringComparer.Ordinal);
            Assert.Equal("Chuyên viên phòng Đổi mới", loaded.Position, StringComparer.Ordinal);
            Assert.Contains("Đ", loaded.Unit.Name, StringComparison.Ordinal);
            Assert.Contains("ư", loaded.Unit.Name, StringComparison.Ordinal);
            Assert.Contains("ỗ", loaded.Unit.Name, StringComparison.Ordinal);
            Assert.Equal(1, byName);
            Assert.Equal(VietnameseTextKey(personName), loaded.NameSortKey);

            db.StaffMembers.Remove(new StaffMember { Id = personId });
            db.Units.Remove(new Unit { Id = loaded.Unit.Id });
            await db.SaveChangesAsync();
        }
    }

    private static byte[] VietnameseTextKey(string name) => Common.VietnameseText.NameSortKey(name);
}
