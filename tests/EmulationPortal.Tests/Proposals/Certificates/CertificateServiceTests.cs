using EmulationPortal.Certificates;
using EmulationPortal.Decisions;
using EmulationPortal.Tests.Participation;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Tests.Proposals.Certificates;

public sealed class CertificateServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 20, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task IssueForDecision_NumbersOneToNPerYearAndAwardType_AndKeepsNumbersWhenRunAgain()
    {
        var (connection, db) = await DashboardTestData.InMemoryAsync();
        await using var _ = connection;
        await using var __ = db;
        var service = new CertificateService(db, CertificateTestData.Clock(Now));
        var giayKhen = await CertificateTestData.AwardTypeAsync(db, "Giấy khen");
        var chienSi = await CertificateTestData.AwardTypeAsync(db, "Chiến sĩ thi đua cơ sở");
        var first = await CertificateTestData.DecisionAsync(db, giayKhen, 2026, ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường"]);
        var second = await CertificateTestData.DecisionAsync(db, giayKhen, 2026, ["Phạm Minh Dũng", "Đặng Thu Hà"]);
        var otherType = await CertificateTestData.DecisionAsync(db, chienSi, 2026, ["Võ Thị Yến"]);
        var otherYear = await CertificateTestData.DecisionAsync(db, giayKhen, 2025, ["Bùi Đức Giang"]);

        foreach (var decision in new[] { first, second, otherType, otherYear })
        {
            Assert.True((await service.IssueForDecisionAsync(decision.DecisionId)).Succeeded);
        }

        var before = await db.Certificates.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([1, 2, 3, 4, 5], before.Where(c => c.AwardTypeId == giayKhen.Id && c.Year == 2026).Select(c => c.SequenceNumber).Order());
        Assert.Equal([1], before.Where(c => c.AwardTypeId == chienSi.Id).Select(c => c.SequenceNumber));
        Assert.Equal([1], before.Where(c => c.AwardTypeId == giayKhen.Id && c.Year == 2025).Select(c => c.SequenceNumber));

        // Running it again (another click, another clerk) gives nobody a second certificate or a new number.
        Assert.True((await service.IssueForDecisionAsync(first.DecisionId)).Succeeded);
        var after = await db.Certificates.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(before.Select(c => (c.CommendationId, c.SequenceNumber, c.Code)), after.Select(c => (c.CommendationId, c.SequenceNumber, c.Code)));
    }

    [Fact]
    public async Task IssueForDecision_GivesEachCertificateADistinctRandomWellFormedCode()
    {
        var (connection, db) = await DashboardTestData.InMemoryAsync();
        await using var _ = connection;
        await using var __ = db;
        var service = new CertificateService(db, CertificateTestData.Clock(Now));
        var awardType = await CertificateTestData.AwardTypeAsync(db, "Giấy khen");
        var decision = await CertificateTestData.DecisionAsync(db, awardType, 2026, Enumerable.Range(1, 20).Select(i => $"Nguyễn Văn Số {i}").ToList());

        await service.IssueForDecisionAsync(decision.DecisionId);

        var codes = await db.Certificates.Select(c => c.Code).ToListAsync();
        Assert.Equal(20, codes.Count);
        Assert.Equal(20, codes.Distinct().Count());
        Assert.All(codes, code => Assert.True(CertificateService.IsWellFormed(code), code));
        Assert.DoesNotContain(codes, code => code.Contains(decision.Number, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DecisionStatus.Draft)]
    [InlineData(DecisionStatus.Cancelled)]
    public async Task IssueForDecision_WhenTheDecisionIsNotInForce_RefusesAndIssuesNothing(DecisionStatus status)
    {
        var (connection, db) = await DashboardTestData.InMemoryAsync();
        await using var _ = connection;
        await using var __ = db;
        var service = new CertificateService(db, CertificateTestData.Clock(Now));
        var awardType = await CertificateTestData.AwardTypeAsync(db, "Giấy khen");
        var decision = await CertificateTestData.DecisionAsync(db, awardType, 2026, ["Nguyễn Văn An"], status);

        var result = await service.IssueForDecisionAsync(decision.DecisionId);

        Assert.False(result.Succeeded);
        Assert.Equal("Certificates.Error.DecisionNotIssued", Assert.Single(result.Errors).Code);
        Assert.Equal(0, await CertificateTestData.CertificateCountAsync(db));
    }

    [Fact]
    public async Task Verify_ShowsTheRecipientAndDecision_AndSaysWhenTheDecisionWasCancelled()
    {
        var (connection, db) = await DashboardTestData.InMemoryAsync();
        await using var _ = connection;
        await using var __ = db;
        var service = new CertificateService(db, CertificateTestData.Clock(Now));
        var awardType = await CertificateTestData.AwardTypeAsync(db, "Giấy khen");
        var decision = await CertificateTestData.DecisionAsync(db, awardType, 2026, ["Nguyễn Thị Ánh"]);
        await service.IssueForDecisionAsync(decision.DecisionId);
        var code = await db.Certificates.Select(c => c.Code).SingleAsync();

        var valid = await service.VerifyAsync(code.ToUpperInvariant() + " ");
        Assert.NotNull(valid);
        Assert.Equal("Nguyễn Thị Ánh", valid.RecipientName);
        Assert.Equal(decision.Number, valid.DecisionNumber);
        Assert.Equal(decision.SignedOn, valid.DecidedOn);
        Assert.Equal(1, valid.SequenceNumber);
        Assert.False(valid.IsCancelled);

        await db.AwardDecisions.Where(d => d.Id == decision.DecisionId).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, DecisionStatus.Cancelled).SetProperty(d => d.CancelledAt, new DateTime(2027, 1, 5, 2, 0, 0, DateTimeKind.Utc)));
        var cancelled = await service.VerifyAsync(code);
        Assert.NotNull(cancelled);
        Assert.True(cancelled.IsCancelled);
        Assert.Equal(new DateOnly(2027, 1, 5), cancelled.CancelledOn);
    }

    [Theory]
    [InlineData("abcdefghjkmn")]
    [InlineData("short")]
    [InlineData("../../etc/passwd")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Verify_UnknownOrMalformedCode_FindsNothing(string? code)
    {
        var (connection, db) = await DashboardTestData.InMemoryAsync();
        await using var _ = connection;
        await using var __ = db;
        var service = new CertificateService(db, CertificateTestData.Clock(Now));

        Assert.Null(await service.VerifyAsync(code));
    }

    [Fact]
    public async Task IssueForCommendation_DirectlyHonored_GetsTheNextNumberOfItsYearAndType()
    {
        var (connection, db) = await DashboardTestData.InMemoryAsync();
        await using var _ = connection;
        await using var __ = db;
        var service = new CertificateService(db, CertificateTestData.Clock(Now));
        var awardType = await CertificateTestData.AwardTypeAsync(db, "Giấy khen");
        var decision = await CertificateTestData.DecisionAsync(db, awardType, 2026, ["Nguyễn Văn An", "Trần Thị Bình"]);
        await service.IssueForDecisionAsync(decision.DecisionId);
        var direct = await CertificateTestData.DecisionAsync(db, awardType, 2026, ["Hoàng Văn Trực"]);
        await db.Commendations.Where(c => c.Id == direct.CommendationIds[0]).ExecuteUpdateAsync(s => s.SetProperty(c => c.AwardDecisionId, (int?)null));

        var id = await service.IssueForCommendationAsync(direct.CommendationIds[0]);

        Assert.NotNull(id);
        Assert.Equal(3, await db.Certificates.Where(c => c.Id == id).Select(c => c.SequenceNumber).SingleAsync());
        Assert.Equal(id, await service.IssueForCommendationAsync(direct.CommendationIds[0]));
    }

    [Fact]
    public async Task SaveLayout_OutsideThePageOrTooSmall_IsRefusedWithTheFieldNamed()
    {
        var (connection, db) = await DashboardTestData.InMemoryAsync();
        await using var _ = connection;
        await using var __ = db;
        var service = new CertificateService(db, CertificateTestData.Clock(Now));
        var input = new CertificateLayoutInput(297, 210, true, 60, 95, 40, 300, 26, 125, 14, 160, 20, 250, 25, 0);

        var result = await service.SaveLayoutAsync(null, input);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Field == "NameWidthMm" && e.Code == "Certificates.Layout.Error.NameBeyondPage");
        Assert.Contains(result.Errors, e => e.Field == "QrTopMm" && e.Code == "Certificates.Layout.Error.OutsidePage");
        Assert.Equal(0, await db.CertificateLayouts.CountAsync());

        var fixedInput = input with { NameWidthMm = 217, QrTopMm = 165 };
        Assert.True((await service.SaveLayoutAsync(null, fixedInput)).Succeeded);
        Assert.Equal(217m, (await service.LayoutForAsync(12345)).NameWidthMm);
    }
}

/// <summary>Two clerks issuing at once: the other one's certificate takes the number first; this one retries with the next.</summary>
public sealed class CertificateNumberRaceTests
{
    [Fact]
    public async Task IssueForDecision_WhenAnotherClerkTakesTheNumberFirst_RetriesWithTheNextNumber()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var interceptor = new CompetingInsert();
        var options = new DbContextOptionsBuilder<EmulationPortal.Data.PortalDbContext>()
            .UseSqlite(connection, s => s.MigrationsAssembly("EmulationPortal.Migrations.Sqlite"))
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning))
            .AddInterceptors(interceptor)
            .Options;
        await using var db = new EmulationPortal.Data.PortalDbContext(options);
        await db.Database.MigrateAsync();
        var awardType = await CertificateTestData.AwardTypeAsync(db, "Giấy khen");
        var other = await CertificateTestData.DecisionAsync(db, awardType, 2026, ["Người Khác"]);
        var mine = await CertificateTestData.DecisionAsync(db, awardType, 2026, ["Nguyễn Văn An"]);
        interceptor.Arm(other.CommendationIds[0], awardType.Id, 2026);

        var result = await new CertificateService(db, CertificateTestData.Clock(DateTimeOffset.UtcNow)).IssueForDecisionAsync(mine.DecisionId);

        Assert.True(result.Succeeded);
        Assert.True(interceptor.Fired);
        var numbers = await db.Certificates.AsNoTracking().OrderBy(c => c.SequenceNumber).Select(c => new { c.CommendationId, c.SequenceNumber }).ToListAsync();
        Assert.Equal([(other.CommendationIds[0], 1), (mine.CommendationIds[0], 2)], numbers.Select(n => (n.CommendationId, n.SequenceNumber)));
    }

    /// <summary>Just before this context's first certificate insert, writes another certificate with number 1 on the same connection.</summary>
    private sealed class CompetingInsert : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private (int CommendationId, int AwardTypeId, int Year)? _armed;

        public bool Fired { get; private set; }

        public void Arm(int commendationId, int awardTypeId, int year) => _armed = (commendationId, awardTypeId, year);

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (_armed is { } armed && !Fired && command.CommandText.Contains("INSERT INTO \"Certificates\"", StringComparison.Ordinal))
            {
                Fired = true;
                await using var competing = command.Connection!.CreateCommand();
                competing.Transaction = command.Transaction;
                competing.CommandText =
                    "INSERT INTO \"Certificates\" (\"CommendationId\", \"AwardTypeId\", \"Year\", \"SequenceNumber\", \"Code\", \"IssuedAt\") " +
                    $"VALUES ({armed.CommendationId}, {armed.AwardTypeId}, {armed.Year}, 1, '{CertificateService.NewCode()}', '2026-12-20 03:00:00')";
                await competing.ExecuteNonQueryAsync(cancellationToken);
            }

            return await base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
