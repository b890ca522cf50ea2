using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Decisions;
using EmulationPortal.Files;
using EmulationPortal.Proposals;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EmulationPortal.Tests.Proposals.Decisions;

/// <summary>The annual tables count the awarded nominees of the year's issued decisions, and nothing of a cancelled one.</summary>
public sealed class AwardStatisticsTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.CreateCustomTimeZone("UTC+07", TimeSpan.FromHours(7), "UTC+07", "UTC+07");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 20, 3, 0, 0, TimeSpan.Zero));
    private readonly SqliteConnection _connection = new($"Data Source=statistics-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");
    private readonly Mock<IFileStore> _store = new();
    private DecisionScenario _s = null!;

    public AwardStatisticsTests()
    {
        _store.Setup(s => s.SaveAsync(It.IsAny<Stream>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => Guid.NewGuid().ToString("N"));
        _store.Setup(s => s.OpenRead(It.IsAny<string>())).Returns(() => new MemoryStream([1]));
    }

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        await using var db = NewContext();
        await db.Database.MigrateAsync();
        _s = await DecisionTestData.ScenarioAsync(db);
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task Totals_EqualTheAwardedNomineesOfIssuedDecisions_SplitByCollectiveIndividualUnitWomenAndKind()
    {
        // Issued: Ánh (woman) and the unit with Giấy khen (year-end proposal), Ánh with Chiến sĩ thi đua (thematic, council).
        await IssueAsync("1/QĐ-STTTT", _s.AnhGiayKhen, _s.UnitGiayKhen, _s.AnhChienSi);

        // Issued then cancelled: Bình must not be counted.
        var cancelled = await IssueAsync("2/QĐ-STTTT", _s.BinhGiayKhen);
        await using (var db = NewContext())
        {
            var service = NewService(db);
            var result = await service.CancelAsync(cancelled, "Nhầm đối tượng", (await service.GetAsync(cancelled))!.Version, DecisionTestData.Leader);
            Assert.True(result.Succeeded);
        }

        await using var read = NewContext();
        var stats = await new AwardStatisticsService(read).BuildAsync(2025);

        var department = stats.Tables.Single(t => t.Form == StatisticsForm.DepartmentProvince);
        Assert.Equal(new StatisticsCell(1, 2), department.Total.Sum);
        var giayKhen = department.Columns.ToList().FindIndex(c => c.AwardTypeId == _s.GiayKhenId);
        var chienSi = department.Columns.ToList().FindIndex(c => c.AwardTypeId == _s.ChienSiId);
        Assert.Equal(new StatisticsCell(1, 1), department.Total.Cells[giayKhen]);
        Assert.Equal(new StatisticsCell(0, 1), department.Total.Cells[chienSi]);

        var unitRow = department.ByUnit.Single(r => r.UnitName == _s.UnitName);
        Assert.Equal(new StatisticsCell(1, 2), unitRow.Sum);
        Assert.Equal(2, department.ByCategory.Single(r => r.Kind == StatisticsRowKind.Women).Sum.Individual);
        Assert.Equal(1, department.ByCategory.Single(r => r.Kind == StatisticsRowKind.Collectives).Sum.Collective);
        Assert.Equal(new StatisticsCell(1, 1), department.ByKind.Single(r => r.ProposalKind == ProposalKind.YearEnd).Sum);
        Assert.Equal(new StatisticsCell(0, 1), department.ByKind.Single(r => r.ProposalKind == ProposalKind.Thematic).Sum);

        // The national form has its award type as a column and nothing in it.
        var national = stats.Tables.Single(t => t.Form == StatisticsForm.MinisterialNational);
        Assert.Contains(national.Columns, c => c.AwardTypeId == _s.BangKhenId);
        Assert.Equal(0, national.Total.Sum.Total);

        // Another year has nothing.
        Assert.All((await new AwardStatisticsService(read).BuildAsync(2024)).Tables, t => Assert.Equal(0, t.Total.Sum.Total));
    }

    private PortalDbContext NewContext() =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(_connection, s => s.MigrationsAssembly("EmulationPortal.Migrations.Sqlite")).Options);

    private DecisionService NewService(PortalDbContext db)
    {
        var clock = new PortalClock(_time, Zone);
        var workflow = new ProposalWorkflowService(db, new PendingProposalChecks(), new PendingProposalNotifier(), clock);
        return new DecisionService(db, workflow, new FileService(db, _store.Object, _time), new UploadOptions(), clock);
    }

    private async Task<int> IssueAsync(string number, params int[] nominees)
    {
        await using var db = NewContext();
        var service = NewService(db);
        var draft = await service.CreateDraftAsync(nominees);
        Assert.True(draft.Succeeded, string.Join(", ", draft.Errors.Select(e => e.Code)));
        var version = (await service.GetAsync(draft.Id!.Value))!.Version;
        var pdf = new IncomingFile("qd.pdf", new MemoryStream(DecisionTestData.SignedPdf(number)));
        var issued = await service.IssueAsync(draft.Id.Value, new DecisionIssueInput(number, new DateOnly(2026, 1, 15), "Nguyễn Văn Ký", "GIÁM ĐỐC", version, pdf), DecisionTestData.Leader);
        Assert.True(issued.Succeeded, string.Join(", ", issued.Errors.Select(e => e.Code)));
        return draft.Id.Value;
    }
}
