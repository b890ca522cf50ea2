using DocumentFormat.OpenXml.Packaging;
using EmulationPortal.Certificates;
using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Decisions;
using EmulationPortal.Files;
using EmulationPortal.Honors;
using EmulationPortal.Proposals;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace EmulationPortal.Tests.Proposals.Decisions;

/// <summary>
/// Drafting, issuing and cancelling decisions against SQLite in memory (the real migrations), with a fake clock, an
/// in-memory file store and a notifier that records what it was told.
/// </summary>
public sealed class DecisionServiceTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.CreateCustomTimeZone("UTC+07", TimeSpan.FromHours(7), "UTC+07", "UTC+07");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 5, 3, 0, 0, TimeSpan.Zero));
    private readonly SqliteConnection _connection = new($"Data Source=decisions-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");
    private readonly Mock<IFileStore> _store = new();
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly List<ProposalTransition> _notified = [];
    private DecisionScenario _s = null!;

    /// <summary>Runs once when the signed PDF is stored: after the service checked the number, before it saves.</summary>
    private Action? _beforeStore;

    public DecisionServiceTests()
    {
        _store.Setup(s => s.SaveAsync(It.IsAny<Stream>(), It.IsAny<CancellationToken>()))
            .Returns<Stream, CancellationToken>((stream, _) =>
            {
                var race = _beforeStore;
                _beforeStore = null;
                race?.Invoke();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                var key = Guid.NewGuid().ToString("N");
                _files[key] = copy.ToArray();
                return Task.FromResult(key);
            });
        _store.Setup(s => s.OpenRead(It.IsAny<string>()))
            .Returns<string>(key => _files.TryGetValue(key, out var bytes) ? new MemoryStream(bytes) : null);
    }

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        await using var db = NewContext();
        await db.Database.MigrateAsync();
        db.OrganisationSettings.Add(new EmulationPortal.Organisation.OrganisationSettings
        {
            ParentName = "Ủy ban nhân dân tỉnh Quảng Bình", Name = "Sở Thông tin và Truyền thông",
        });
        db.ProposalSettings.Add(new ProposalSettings { DecisionPlace = "Quảng Bình", DecidedBy = "Giám đốc Sở", DecisionSymbol = "QĐ-STTTT" });
        await db.SaveChangesAsync();
        _s = await DecisionTestData.ScenarioAsync(db);
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task Candidates_AreReadyNomineesOnly_PendingWithoutCouncilAndPassedWithCouncil()
    {
        await using var db = NewContext();

        var ids = (await NewService(db).CandidatesAsync()).Select(c => c.NomineeId).ToHashSet();

        Assert.Equal(new HashSet<int> { _s.AnhGiayKhen, _s.BinhGiayKhen, _s.UnitGiayKhen, _s.AnhChienSi }, ids);
    }

    [Fact]
    public async Task CreateDraft_PrefillsFromSettings_WithLawAndCouncilProposalButNoDecreeArticles()
    {
        var id = await DraftAsync(_s.AnhGiayKhen, _s.AnhChienSi);
        await using var db = NewContext();

        var draft = await NewService(db).GetAsync(id);

        Assert.NotNull(draft);
        Assert.Equal(DecisionStatus.Draft, draft.Status);
        Assert.Null(draft.Number);
        Assert.Equal("Quảng Bình", draft.Place);
        Assert.Equal("Sở Thông tin và Truyền thông", draft.Issuer);
        Assert.Equal(2025, draft.Year);
        Assert.Contains("06/2022/QH15", draft.LegalBases, StringComparison.Ordinal);
        Assert.Contains("Hội đồng Thi đua – Khen thưởng", draft.LegalBases, StringComparison.Ordinal);
        Assert.DoesNotContain("NĐ-CP", draft.LegalBases, StringComparison.Ordinal);
        Assert.StartsWith("Điều 1. Tặng", draft.Articles, StringComparison.Ordinal);
        Assert.Contains("2 cá nhân (có danh sách kèm theo)", draft.Articles, StringComparison.Ordinal);
        Assert.Equal(2, draft.Nominees.Count);
        Assert.DoesNotContain((await NewService(db).CandidatesAsync()), c => c.NomineeId == _s.AnhGiayKhen);
    }

    [Fact]
    public async Task CreateDraft_WithAFailedNominee_IsRefusedAndCreatesNothing()
    {
        await using var db = NewContext();

        var result = await NewService(db).CreateDraftAsync([_s.AnhGiayKhen, _s.CuongFailed]);

        Assert.Equal(DecisionOutcome.Conflict, result.Outcome);
        await using var check = NewContext();
        Assert.Equal(0, await check.AwardDecisions.CountAsync());
        Assert.Null((await check.Nominees.SingleAsync(n => n.Id == _s.AnhGiayKhen)).DecisionId);
    }

    [Fact]
    public async Task CreateDraft_WhenAnotherDraftTookTheNomineeMeanwhile_IsAConflictAndCreatesNothing()
    {
        await using var db = NewContext(new OtherDraftFirst(() => NewContext(), (other, ids) => NewService(other).CreateDraftAsync(ids), [_s.AnhGiayKhen]));

        var result = await NewService(db).CreateDraftAsync([_s.AnhGiayKhen, _s.BinhGiayKhen]);

        Assert.Equal(DecisionOutcome.Conflict, result.Outcome);
        await using var check = NewContext();
        var drafts = await check.AwardDecisions.Include(d => d.Nominees).ToListAsync();
        var only = Assert.Single(drafts);
        Assert.Equal(_s.AnhGiayKhen, Assert.Single(only.Nominees).Id);
    }

    [Fact]
    public async Task UpdateDraft_WithStaleVersion_ChangesNothing()
    {
        var id = await DraftAsync(_s.AnhGiayKhen);
        await using var db = NewContext();
        var service = NewService(db);
        var form = FormOf((await service.GetAsync(id))!);
        form.Abstract = "Trích yếu mới";
        form.NomineeIds = [_s.AnhGiayKhen, _s.BinhGiayKhen];
        form.Version -= 1;

        var result = await service.UpdateDraftAsync(id, form);

        Assert.Equal(DecisionOutcome.Conflict, result.Outcome);
        await using var check = NewContext();
        var stored = await check.AwardDecisions.Include(d => d.Nominees).SingleAsync(d => d.Id == id);
        Assert.NotEqual("Trích yếu mới", stored.Abstract);
        Assert.Single(stored.Nominees);
    }

    [Fact]
    public async Task UpdateDraft_AddsAndReleasesNominees()
    {
        var id = await DraftAsync(_s.AnhGiayKhen, _s.BinhGiayKhen);
        await using var db = NewContext();
        var service = NewService(db);
        var form = FormOf((await service.GetAsync(id))!);
        form.NomineeIds = [_s.AnhGiayKhen, _s.UnitGiayKhen];

        var result = await service.UpdateDraftAsync(id, form);

        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Code)));
        await using var check = NewContext();
        var listed = await check.Nominees.Where(n => n.DecisionId == id).Select(n => n.Id).ToListAsync();
        Assert.Equal(new[] { _s.AnhGiayKhen, _s.UnitGiayKhen }.Order(), listed.Order());
    }

    [Fact]
    public async Task Issue_CreatesExactlyTheNomineesCommendations_MovesProposalToAwarded_AndFilesTheDocument()
    {
        var id = await DraftAsync(_s.AnhGiayKhen, _s.BinhGiayKhen, _s.UnitGiayKhen);

        var result = await IssueAsync(id, "15/QĐ-STTTT");

        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Code)));
        await using var db = NewContext();
        var honors = await new HonorService(db).ListAsync(new HonorFilter(Year: 2025));
        var names = honors.Items.Select(h => h.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { $"Nguyễn Thị Ánh {_s.Tag}", _s.UnitName, $"Trần Văn Bình {_s.Tag}" }.Order(StringComparer.Ordinal), names);
        Assert.All(honors.Items, h => Assert.Equal("15/QĐ-STTTT", h.DecisionNumber));
        Assert.All(honors.Items, h => Assert.Equal(new DateOnly(2026, 3, 5), h.DecidedOn));
        Assert.DoesNotContain(honors.Items, h => h.Name.StartsWith("Lê Đức Cường", StringComparison.Ordinal));

        var proposal = await db.Proposals.Include(p => p.Transitions).SingleAsync(p => p.Id == _s.PlainProposalId);
        Assert.Equal(ProposalStatus.Awarded, proposal.Status);
        Assert.Contains(proposal.Transitions, t => t.Action == ProposalAction.Award && t.UserName == "Lãnh đạo Sở");
        Assert.Contains(_notified, t => t.ProposalId == _s.PlainProposalId && t.To == ProposalStatus.Awarded);

        // The council proposal still has a passed nominee waiting: it stays where it is.
        Assert.Equal(ProposalStatus.AwaitingDecision, (await db.Proposals.SingleAsync(p => p.Id == _s.CouncilProposalId)).Status);

        var decision = await db.AwardDecisions.SingleAsync(d => d.Id == id);
        var document = await db.Documents.Include(d => d.DocumentType).Include(d => d.Attachments).SingleAsync(d => d.Id == decision.DocumentId);
        Assert.Equal("15/QĐ-STTTT", document.Number);
        Assert.Equal("QĐ", document.DocumentType!.Code);
        Assert.Equal(new DateOnly(2026, 3, 5), document.IssuedOn);
        Assert.Equal("Nguyễn Văn Ký", document.Signer);
        Assert.Single(document.Attachments);
        Assert.All(await db.Nominees.Where(n => n.DecisionId == id).ToListAsync(), n => Assert.Equal(NomineeOutcome.Awarded, n.Outcome));
    }

    [Fact]
    public async Task Issue_WithANumberAlreadyUsed_ExplainsAndChangesNothing()
    {
        var first = await DraftAsync(_s.AnhGiayKhen);
        Assert.True((await IssueAsync(first, "15/QĐ-STTTT")).Succeeded);
        var second = await DraftAsync(_s.BinhGiayKhen);
        int commendations;
        await using (var before = NewContext())
        {
            commendations = await before.Commendations.CountAsync();
        }

        var result = await IssueAsync(second, "15/QĐ-STTTT");

        Assert.Equal(DecisionOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Errors, e => e.Code == "Decisions.NumberUsed" && e.Field == "Number");
        await using var db = NewContext();
        var draft = await db.AwardDecisions.SingleAsync(d => d.Id == second);
        Assert.Equal(DecisionStatus.Draft, draft.Status);
        Assert.Null(draft.Number);
        Assert.Equal(commendations, await db.Commendations.CountAsync());
        Assert.Equal(NomineeOutcome.Pending, (await db.Nominees.SingleAsync(n => n.Id == _s.BinhGiayKhen)).Outcome);
        Assert.Equal(1, await db.Documents.CountAsync(d => d.Number == "15/QĐ-STTTT"));
    }

    [Fact]
    public async Task Issue_WhenTheDatabaseRefusesTheNumber_ExplainsInsteadOfFailing()
    {
        // Another leader's decision takes the number between the check and the save: only the unique index sees it.
        var id = await DraftAsync(_s.AnhGiayKhen);
        _beforeStore = () =>
        {
            using var other = NewContext();
            other.AwardDecisions.Add(new AwardDecision { Status = DecisionStatus.Issued, Number = "16/QĐ-STTTT", Year = 2025, CreatedAt = DateTime.UtcNow });
            other.SaveChanges();
        };
        await using var db = NewContext();

        var result = await NewService(db).IssueAsync(id, Input(db, id, "16/QĐ-STTTT"), DecisionTestData.Leader);

        Assert.Equal(DecisionOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Errors, e => e.Code == "Decisions.NumberUsed");
        await using var check = NewContext();
        Assert.Equal(DecisionStatus.Draft, (await check.AwardDecisions.SingleAsync(d => d.Id == id)).Status);
        Assert.Equal(0, await check.Commendations.CountAsync(c => c.AwardDecisionId == id));
    }

    [Fact]
    public async Task Issue_ByTheOffice_IsForbiddenAndChangesNothing()
    {
        var id = await DraftAsync(_s.AnhGiayKhen);
        await using var db = NewContext();

        var result = await NewService(db).IssueAsync(id, Input(db, id, "17/QĐ-STTTT"), DecisionTestData.Clerk);

        Assert.Equal(DecisionOutcome.Forbidden, result.Outcome);
        await using var check = NewContext();
        Assert.Equal(DecisionStatus.Draft, (await check.AwardDecisions.SingleAsync(d => d.Id == id)).Status);
    }

    [Fact]
    public async Task Issue_WithoutASignedPdfOrWithAFakeOne_IsRefused()
    {
        var id = await DraftAsync(_s.AnhGiayKhen);
        await using var db = NewContext();
        var service = NewService(db);
        var version = (await service.GetAsync(id))!.Version;

        var missing = await service.IssueAsync(id, new DecisionIssueInput("18/QĐ-STTTT", new DateOnly(2026, 3, 5), "Nguyễn Văn Ký", "GIÁM ĐỐC", version, null), DecisionTestData.Leader);
        using var html = new MemoryStream("<html>không phải PDF</html>"u8.ToArray());
        var fake = await service.IssueAsync(id, new DecisionIssueInput("18/QĐ-STTTT", new DateOnly(2026, 3, 5), "Nguyễn Văn Ký", "GIÁM ĐỐC", version, new IncomingFile("qd.pdf", html)), DecisionTestData.Leader);

        Assert.Contains(missing.Errors, e => e.Code == "Decisions.SignedPdfRequired");
        Assert.Contains(fake.Errors, e => e.Code == "Upload.ContentMismatch");
        await using var check = NewContext();
        Assert.Equal(DecisionStatus.Draft, (await check.AwardDecisions.SingleAsync(d => d.Id == id)).Status);
    }

    [Fact]
    public async Task Cancel_WithdrawsTheCommendations_KeepsTheCertificateAsRevoked_AndMovesTheProposalToDecisionCancelled()
    {
        var id = await DraftAsync(_s.AnhGiayKhen, _s.BinhGiayKhen, _s.UnitGiayKhen);
        Assert.True((await IssueAsync(id, "20/QĐ-STTTT")).Succeeded);
        await using (var seed = NewContext())
        {
            var commendation = await seed.Commendations.FirstAsync(c => c.AwardDecisionId == id);
            var nominee = await seed.Nominees.FirstAsync(n => n.CommendationId == commendation.Id);
            seed.Certificates.Add(new Certificate
            {
                CommendationId = commendation.Id, NomineeId = nominee.Id, AwardTypeId = commendation.AwardTypeId, Year = 2025, SequenceNumber = 1, Code = "abcdefgh2345", IssuedAt = DateTime.UtcNow,
            });
            await seed.SaveChangesAsync();
        }

        await using var db = NewContext();
        var service = NewService(db);
        var version = (await service.GetAsync(id))!.Version;
        var result = await service.CancelAsync(id, "Ghi nhầm đối tượng khen thưởng", version, DecisionTestData.Leader);

        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Code)));
        await using var check = NewContext();
        Assert.Empty((await new HonorService(check).ListAsync(new HonorFilter(Year: 2025))).Items);
        var certificate = await check.Certificates.SingleAsync();
        Assert.Null(certificate.CommendationId);
        var verification = await new CertificateService(check, new PortalClock(_time, Zone)).VerifyAsync("abcdefgh2345");
        Assert.NotNull(verification);
        Assert.True(verification.IsCancelled);
        Assert.Equal("20/QĐ-STTTT", verification.DecisionNumber);
        var proposal = await check.Proposals.Include(p => p.Transitions).SingleAsync(p => p.Id == _s.PlainProposalId);
        Assert.Equal(ProposalStatus.DecisionCancelled, proposal.Status);
        Assert.Contains(proposal.Transitions, t => t.Action == ProposalAction.CancelDecision && t.Reason == "Ghi nhầm đối tượng khen thưởng");
        Assert.All(await check.Nominees.Where(n => n.DecisionId == id).ToListAsync(), n =>
        {
            Assert.Equal(NomineeOutcome.Cancelled, n.Outcome);
            Assert.Null(n.CommendationId);
        });
        var decision = await check.AwardDecisions.Include(d => d.Document).SingleAsync(d => d.Id == id);
        Assert.Equal(DecisionStatus.Cancelled, decision.Status);
        Assert.Contains("ĐÃ HỦY BỎ ngày 05/03/2026", decision.Document!.Abstract, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_WithoutReason_ChangesNothing()
    {
        var id = await DraftAsync(_s.AnhGiayKhen);
        Assert.True((await IssueAsync(id, "21/QĐ-STTTT")).Succeeded);
        await using var db = NewContext();
        var service = NewService(db);

        var result = await service.CancelAsync(id, "  ", (await service.GetAsync(id))!.Version, DecisionTestData.Leader);

        Assert.Contains(result.Errors, e => e.Code == "Decisions.ReasonRequired");
        await using var check = NewContext();
        Assert.Equal(1, await check.Commendations.CountAsync(c => c.AwardDecisionId == id));
    }

    [Fact]
    public async Task Docx_OfAnIssuedDecision_OpensAndHoldsNumberNamesAchievementAndDateLine()
    {
        var id = await DraftAsync(_s.AnhGiayKhen, _s.UnitGiayKhen);
        Assert.True((await IssueAsync(id, "15/QĐ-STTTT")).Succeeded);
        await using var db = NewContext();
        var data = await NewService(db).DocxDataAsync(id);

        var bytes = DecisionDocxWriter.Write(data!);

        using var package = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var text = string.Join("\n", package.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        Assert.Contains("Số: 15/QĐ-STTTT", text, StringComparison.Ordinal);
        Assert.Contains("Quảng Bình, ngày 05 tháng 3 năm 2026", text, StringComparison.Ordinal);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text, StringComparison.Ordinal);
        Assert.Contains("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", text, StringComparison.Ordinal);
        Assert.Contains("GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG", text, StringComparison.Ordinal);
        Assert.Contains("Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15", text, StringComparison.Ordinal);
        Assert.Contains("QUYẾT ĐỊNH:", text, StringComparison.Ordinal);
        Assert.Contains($"Nguyễn Thị Ánh {_s.Tag}", text, StringComparison.Ordinal);
        Assert.Contains(_s.UnitName, text, StringComparison.Ordinal);
        Assert.Contains("Hoàn thành xuất sắc nhiệm vụ, dẫn đầu chuyển đổi số của Sở", text, StringComparison.Ordinal);
        Assert.Contains("(Kèm theo Quyết định số 15/QĐ-STTTT ngày 05/03/2026 của Giám đốc Sở)", text, StringComparison.Ordinal);
        Assert.Contains("I. Tập thể", text, StringComparison.Ordinal);
        Assert.Contains("II. Cá nhân", text, StringComparison.Ordinal);
        Assert.Contains("Nơi nhận:", text, StringComparison.Ordinal);
        var page = package.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.PageSize>().Single();
        Assert.Equal(11906U, page.Width!.Value);
        var fonts = package.MainDocumentPart.StyleDefinitionsPart!.Styles!.Descendants<DocumentFormat.OpenXml.Wordprocessing.RunFonts>().First();
        Assert.Equal("Times New Roman", fonts.Ascii!.Value);

        // Valid against the schema, so Word opens it without offering to repair it.
        var problems = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(package).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData(2026, 3, 5, "Quảng Bình, ngày 05 tháng 3 năm 2026")]
    [InlineData(2026, 2, 14, "Quảng Bình, ngày 14 tháng 02 năm 2026")]
    [InlineData(2025, 12, 31, "Quảng Bình, ngày 31 tháng 12 năm 2025")]
    public void DateLine_WritesDaysBelowTenAndJanuaryFebruaryWithALeadingZero(int year, int month, int day, string expected) =>
        Assert.Equal(expected, DecisionDocxWriter.DateLine("Quảng Bình", new DateOnly(year, month, day)));

    [Fact]
    public void Docx_OfADraft_LeavesNumberAndDateBlank()
    {
        var data = new DecisionDocxData(
            "Ủy ban nhân dân tỉnh Quảng Bình", "Sở Thông tin và Truyền thông", null, "QĐ-STTTT", "Quảng Bình", null, "Về việc tặng Giấy khen",
            "Giám đốc Sở", ["Căn cứ Luật Thi đua, khen thưởng;"], ["Điều 1. Tặng Giấy khen."], "GIÁM ĐỐC", "Nguyễn Văn Ký", ["Như Điều 3;"],
            "Giấy khen", [], [new AnnexEntry("Nguyễn Thị Ánh", "Chuyên viên", "Xuất sắc", "Giấy khen")]);

        using var package = WordprocessingDocument.Open(new MemoryStream(DecisionDocxWriter.Write(data)), false);
        var text = package.MainDocumentPart!.Document!.Body!.InnerText;

        Assert.Contains("/QĐ-STTTT", text, StringComparison.Ordinal);
        Assert.Contains("Quảng Bình, ngày      tháng      năm", text, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Thị Ánh", text, StringComparison.Ordinal);
        Assert.DoesNotContain("I. Tập thể", text, StringComparison.Ordinal);
    }

    private PortalDbContext NewContext(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite(_connection, s => s.MigrationsAssembly("EmulationPortal.Migrations.Sqlite"))
            .AddInterceptors(interceptors)
            .Options);

    private DecisionService NewService(PortalDbContext db)
    {
        var clock = new PortalClock(_time, Zone);
        var notifier = new Mock<IProposalNotifier>();
        notifier.Setup(n => n.NotifyAsync(It.IsAny<IReadOnlyList<ProposalTransition>>(), It.IsAny<CancellationToken>()))
            .Callback<IReadOnlyList<ProposalTransition>, CancellationToken>((t, _) => _notified.AddRange(t))
            .Returns(Task.CompletedTask);
        var workflow = new ProposalWorkflowService(db, new PendingProposalChecks(), notifier.Object, clock);
        return new DecisionService(db, workflow, new FileService(db, _store.Object, _time), new UploadOptions(), clock);
    }

    private async Task<int> DraftAsync(params int[] nominees)
    {
        await using var db = NewContext();
        var result = await NewService(db).CreateDraftAsync(nominees);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Code)));
        return result.Id!.Value;
    }

    private static DecisionIssueInput Input(PortalDbContext db, int id, string number) =>
        new(number, new DateOnly(2026, 3, 5), "Nguyễn Văn Ký", "GIÁM ĐỐC", db.AwardDecisions.AsNoTracking().Single(d => d.Id == id).Version,
            new IncomingFile("quyet-dinh-da-ky.pdf", new MemoryStream(DecisionTestData.SignedPdf(number))));

    private async Task<DecisionResult> IssueAsync(int id, string number)
    {
        await using var db = NewContext();
        return await NewService(db).IssueAsync(id, Input(db, id, number), DecisionTestData.Leader);
    }

    private static DecisionDraftForm FormOf(DecisionDetails d) => new()
    {
        Year = d.Year, Place = d.Place, IssuerParent = d.IssuerParent, Issuer = d.Issuer, DecidedBy = d.DecidedBy, Abstract = d.Abstract,
        LegalBases = d.LegalBases, Articles = d.Articles, SignerTitle = d.SignerTitle, SignerName = d.SignerName, Recipients = d.Recipients,
        NomineeIds = d.Nominees.Select(n => n.NomineeId).ToList(), Version = d.Version,
    };

    /// <summary>Just before a draft is saved, another clerk's draft takes some of the same nominees.</summary>
    private sealed class OtherDraftFirst(Func<PortalDbContext> otherContext, Func<PortalDbContext, int[], Task<DecisionResult>> create, int[] ids)
        : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
    {
        private bool _done;

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
            Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!_done)
            {
                _done = true;
                await using var other = otherContext();
                Assert.True((await create(other, ids)).Succeeded);
            }

            return result;
        }
    }
}
