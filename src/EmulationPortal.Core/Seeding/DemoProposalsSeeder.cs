using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using EmulationPortal.Accounts;
using EmulationPortal.Certificates;
using EmulationPortal.Common;
using EmulationPortal.Council;
using EmulationPortal.Data;
using EmulationPortal.Decisions;
using EmulationPortal.Files;
using EmulationPortal.Honors;
using EmulationPortal.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace EmulationPortal.Seeding;

/// <summary>
/// Demo proposals, one at each stage of the workflow, made through the same services the pages use (so they obey the
/// state machine, the rules and the documents each award type requires): a draft, a submitted one, one returned with
/// a reason, one received, one under appraisal, one appraised, one before the council (in an open session), one
/// awaiting the decision (after a closed session, one nominee failed), one awarded (decision issued, certificates
/// printed) and one published. Runs once, right after the demo content.
/// </summary>
public sealed class DemoProposalsSeeder(
    PortalDbContext db,
    ProposalService proposals,
    ProposalWorkflowService workflow,
    CouncilService council,
    DecisionService decisions,
    CertificateService certificates,
    PortalClock clock,
    ILogger<DemoProposalsSeeder> logger)
{
    private const string Ldtt = "Lao động tiên tiến";
    private const string Cstdcs = "Chiến sĩ thi đua cơ sở";
    private const string Ttldtt = "Tập thể lao động tiên tiến";
    private const string Ttldxs = "Tập thể lao động xuất sắc";
    private const string GiayKhen = "Giấy khen của Giám đốc Sở";

    private static readonly WorkflowActor Clerk = new(null, "Hoàng Thị Yến (Văn phòng Sở)", [Roles.Editor], null);
    private static readonly WorkflowActor Specialist = new(null, "Phạm Quốc Đạt (chuyên viên thi đua, khen thưởng)", [Roles.Specialist], null);
    private static readonly WorkflowActor OfficeHead = new(null, "Nguyễn Thị Ánh (Chánh Văn phòng)", [Roles.OfficeHead], null);
    private static readonly WorkflowActor Secretary = new(null, "Phạm Quốc Đạt (Thư ký Hội đồng)", [Roles.CouncilSecretary], null);
    private static readonly WorkflowActor Leader = new(null, "Trần Minh Khôi (Giám đốc Sở)", [Roles.Leader], null);

    private Dictionary<string, int> _units = [];
    private Dictionary<string, int> _staff = [];
    private Dictionary<string, int> _awards = [];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Proposals.AnyAsync(cancellationToken) || !await db.AwardTypes.AnyAsync(cancellationToken))
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await DemoProposalSettings.ApplyAsync(db, cancellationToken);
        await DemoProposalRules.AddAsync(db, cancellationToken);
        var staffByName = await db.StaffMembers.ToDictionaryAsync(s => s.FullName, StringComparer.Ordinal, cancellationToken);
        DemoCouncil.Add(db, staffByName);
        await db.SaveChangesAsync(cancellationToken);

        _units = await db.Units.ToDictionaryAsync(u => u.Name, u => u.Id, StringComparer.Ordinal, cancellationToken);
        _staff = staffByName.ToDictionary(p => p.Key, p => p.Value.Id, StringComparer.Ordinal);
        _awards = await db.AwardTypes.ToDictionaryAsync(a => a.Name, a => a.Id, StringComparer.Ordinal, cancellationToken);

        // The year-end review happens from October to January: before October it is last year's.
        var year = clock.Today.Month >= 10 ? clock.Today.Year : clock.Today.Year - 1;
        var campaignId = await db.Campaigns.Where(c => c.StartsOn.Year == clock.Today.Year && c.Scope == Campaigns.CampaignScope.Department)
            .Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        await BuildAsync(year, campaignId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Seeded the demo proposals, one at each stage, for {Year}", year);
    }

    private async Task BuildAsync(int year, int? campaignId, CancellationToken ct)
    {
        // Draft: the unit is still composing.
        await ComposeAsync("Phòng Thông tin - Báo chí - Xuất bản", ProposalKind.YearEnd, year, null,
            [(Ldtt, "Dương Thị Kim Oanh", "Hoàn thành xuất sắc nhiệm vụ quản lý báo chí, xuất bản năm " + year)], minutes: false, ct);

        // Submitted.
        var submitted = await ComposeAsync("Thanh tra Sở", ProposalKind.YearEnd, year, null,
            [
                (Ldtt, "Vũ Thị Mai Lan", "Hoàn thành tốt nhiệm vụ thanh tra chuyên ngành năm " + year),
                (Ldtt, "Đỗ Văn Dũng", "Hoàn thành tốt nhiệm vụ, lãnh đạo đơn vị hoàn thành kế hoạch thanh tra năm " + year),
            ],
            minutes: true, ct);
        await MoveAsync(submitted, ProposalAction.Submit, await UnitActorAsync(submitted, ct), null, ct);

        // Returned to the unit with a reason.
        var returned = await ComposeAsync("Phòng Bưu chính, Viễn thông", ProposalKind.YearEnd, year, null,
            [(Ldtt, "Lý Thị Ngọc Ánh", "Hoàn thành tốt nhiệm vụ quản lý bưu chính năm " + year)], minutes: true, ct);
        await MoveAsync(returned, ProposalAction.Submit, await UnitActorAsync(returned, ct), null, ct);
        await MoveAsync(returned, ProposalAction.Receive, Clerk, null, ct);
        await MoveAsync(returned, ProposalAction.ReturnToUnit, Clerk,
            "Biên bản họp bình xét chưa có chữ ký của Trưởng phòng; đề nghị bổ sung bản có chữ ký và gửi lại.", ct);

        // Received by the Office.
        var received = await ComposeAsync("Phòng Kỹ thuật - Hạ tầng số", ProposalKind.YearEnd, year, null,
            [
                (Ldtt, "Tạ Thị Ân", "Bảo đảm hệ thống hạ tầng số vận hành an toàn, liên tục năm " + year),
                (Ldtt, "Lương Văn Ăn", "Hoàn thành tốt nhiệm vụ kỹ thuật viên năm " + year),
                (Ttldtt, "@Phòng Kỹ thuật - Hạ tầng số", "Tập thể hoàn thành tốt nhiệm vụ năm " + year),
            ],
            minutes: true, ct);
        await MoveAsync(received, ProposalAction.Submit, await UnitActorAsync(received, ct), null, ct);
        await MoveAsync(received, ProposalAction.Receive, Clerk, null, ct);

        // Under appraisal.
        var appraising = await ComposeAsync("Văn phòng Sở", ProposalKind.YearEnd, year, null,
            [
                (Ldtt, "Hoàng Thị Yến", "Hoàn thành tốt công tác văn thư, lưu trữ năm " + year),
                (Ldtt, "Phạm Quốc Đạt", "Hoàn thành xuất sắc công tác thi đua, khen thưởng năm " + year),
            ],
            minutes: true, ct);
        await MoveAsync(appraising, ProposalAction.Submit, await UnitActorAsync(appraising, ct), null, ct);
        await MoveAsync(appraising, ProposalAction.Receive, Clerk, null, ct);
        await MoveAsync(appraising, ProposalAction.StartAppraisal, Specialist, null, ct);

        // Appraised (a Giấy khen: no appraisal step, the clerk's check at intake is the appraisal).
        var appraised = await ComposeAsync("Phòng Kế hoạch - Tài chính", ProposalKind.AdHoc, year, null,
            [(GiayKhen, "Ngô Thị Hồng Nhung", "Hoàn thành xuất sắc việc quyết toán ngân sách năm " + (year - 1) + " trước thời hạn")],
            minutes: false, ct);
        await ToAppraisedAsync(appraised, ct);

        // Before the council: two proposals go to the council; the first is decided in a closed session (it now awaits
        // the decision, one nominee failed), the second is on the agenda of a session still open.
        var decided = await ComposeAsync("Trung tâm Công nghệ thông tin và Truyền thông", ProposalKind.YearEnd, year, null,
            [
                (Ldtt, "Hà Văn Bảo", "Lãnh đạo Trung tâm hoàn thành vượt mức kế hoạch năm " + year),
                (Cstdcs, "Hà Văn Bảo", "Chủ trì sáng kiến số hóa hồ sơ một cửa, được công nhận cấp cơ sở năm " + year),
                (Ttldxs, "@Trung tâm Công nghệ thông tin và Truyền thông", "Tập thể hoàn thành xuất sắc nhiệm vụ năm " + year),
            ],
            minutes: true, ct);
        var atCouncil = await ComposeAsync("Phòng Công nghệ thông tin", ProposalKind.YearEnd, year, null,
            [
                (Ldtt, "Mai Thị Phương Thảo", "Hoàn thành xuất sắc nhiệm vụ chuyển đổi số năm " + year),
                (Cstdcs, "Mai Thị Phương Thảo", "Sáng kiến xây dựng kho dữ liệu dùng chung được áp dụng toàn Sở năm " + year),
                (Ldtt, "Cao Văn Đức", "Hoàn thành tốt nhiệm vụ an toàn thông tin năm " + year),
            ],
            minutes: true, ct);
        foreach (var id in new[] { decided, atCouncil })
        {
            await ToAppraisedAsync(id, ct);
            await MoveAsync(id, ProposalAction.SendToCouncil, OfficeHead, null, ct);
        }

        await CouncilAsync(decided, atCouncil, ct);

        // Awarded (a thematic Giấy khen for the year's campaign) and published (an ad hoc one), each by an issued decision.
        var awarded = await ComposeAsync("Phòng Kế hoạch - Tài chính", campaignId is null ? ProposalKind.AdHoc : ProposalKind.Thematic, year, campaignId,
            [(GiayKhen, "Bùi Đức Thắng", "Có thành tích xuất sắc trong phong trào thi đua của Sở năm " + year)], minutes: false, ct);
        var published = await ComposeAsync("Thanh tra Sở", ProposalKind.AdHoc, year, null,
            [(GiayKhen, "Đỗ Văn Dũng", "Có thành tích đột xuất trong thanh tra, phát hiện và kiến nghị xử lý vi phạm về viễn thông")],
            minutes: false, ct);
        var number = 40;
        foreach (var id in new[] { awarded, published })
        {
            await ToAppraisedAsync(id, ct);
            await MoveAsync(id, ProposalAction.ForwardForDecision, OfficeHead, null, ct);
            await DecideAsync(id, $"{++number}/QĐ-STTTT", clock.Today.AddDays(number == 41 ? -9 : -4), ct);
        }

        await MoveAsync(published, ProposalAction.Publish, Clerk, null, ct);
    }

    /// <summary>Creates a proposal with its nominees ("@Unit name" for a collective), cover text and papers.</summary>
    private async Task<int> ComposeAsync(
        string unit, ProposalKind kind, int year, int? campaignId, (string Award, string Nominee, string Achievement)[] nominees, bool minutes, CancellationToken ct)
    {
        var unitId = _units[unit];
        var created = await proposals.CreateAsync(unitId, null, new ProposalForm { Kind = kind, Year = year, CampaignId = campaignId }, ct);
        var id = Expect(created, "create a proposal for " + unit);
        foreach (var (award, name, achievement) in nominees)
        {
            var collective = name.StartsWith('@');
            var form = new NomineeForm
            {
                Kind = collective ? RecipientKind.Collective : RecipientKind.Individual,
                StaffMemberId = collective ? null : _staff[name],
                UnitId = collective ? _units[name[1..]] : null,
                AwardTypeId = _awards[award],
                Achievement = achievement,
                Version = await VersionAsync(id, ct),
            };
            Expect(await proposals.AddNomineeAsync(unitId, id, form, ct), $"add {name} ({award})");
        }

        Expect(await proposals.ComposeCoverAsync(unitId, id, await VersionAsync(id, ct), ct), "compose the cover text");
        if (minutes)
        {
            var file = Docx(
                "BIÊN BẢN HỌP BÌNH XÉT THI ĐUA, KHEN THƯỞNG",
                [unit, $"Năm {year}", "Thành phần: toàn thể cán bộ, công chức của đơn vị.", "Kết quả bình xét: thống nhất đề nghị các cá nhân, tập thể có tên trong tờ trình kèm theo."]);
            Expect(await proposals.AddDocumentAsync(unitId, id, ProposalDocumentKind.ReviewMinutes, null, "Biên bản họp bình xét", new IncomingFile("bien-ban-binh-xet.docx", file), null, ct), "attach the minutes");
        }

        var reports = await db.Nominees.AsNoTracking()
            .Where(n => n.ProposalId == id && (n.AwardType!.RequiredDocuments & RequiredDocuments.AchievementReport) != 0)
            .Select(n => new { n.Id, Name = n.StaffMember != null ? n.StaffMember.FullName : n.Unit!.Name, n.Achievement })
            .ToListAsync(ct);
        foreach (var report in reports)
        {
            var file = Docx("BÁO CÁO THÀNH TÍCH", [report.Name, report.Achievement, "Xác nhận của thủ trưởng đơn vị."]);
            Expect(await proposals.AddDocumentAsync(unitId, id, ProposalDocumentKind.AchievementReport, report.Id, "Báo cáo thành tích – " + report.Name,
                new IncomingFile("bao-cao-thanh-tich.docx", file), null, ct), "attach an achievement report");
        }

        return id;
    }

    private async Task ToAppraisedAsync(int id, CancellationToken ct)
    {
        await MoveAsync(id, ProposalAction.Submit, await UnitActorAsync(id, ct), null, ct);
        await MoveAsync(id, ProposalAction.Receive, Clerk, null, ct);
        var steps = ProposalWorkflowService.StepsOf((await workflow.LoadAsync(id, ct))!);
        if (steps.HasFlag(ProposalSteps.Appraisal))
        {
            await MoveAsync(id, ProposalAction.StartAppraisal, Specialist, null, ct);
            await MoveAsync(id, ProposalAction.CompleteAppraisal, Specialist, null, ct);
        }
        else
        {
            await MoveAsync(id, ProposalAction.CompleteAppraisal, Clerk, null, ct);
        }
    }

    /// <summary>A closed session decides <paramref name="decided"/> (its collective fails); an open one has <paramref name="pending"/> on its agenda.</summary>
    private async Task CouncilAsync(int decided, int pending, CancellationToken ct)
    {
        var members = await db.CouncilMembers.AsNoTracking().Where(m => m.IsActive).Select(m => m.Id).ToListAsync(ct);
        var present = members.Take(members.Count - 1).ToList();

        var closed = Expect(await council.CreateSessionAsync(new CouncilSessionInput("Phiên họp xét khen thưởng đợt 1", clock.Today.AddDays(-12), "Phòng họp tầng 2", VotingMode.Paper), ct), "create a session");
        Expect(await council.SetAttendanceAsync(closed, await SessionVersionAsync(closed, ct), present, ct), "take attendance");
        var nominees = await db.Nominees.AsNoTracking().Where(n => n.ProposalId == decided).OrderBy(n => n.SortOrder).Select(n => new { n.Id, n.RecipientKind }).ToListAsync(ct);
        Expect(await council.AddToAgendaAsync(closed, nominees.Select(n => n.Id).ToList(), ct), "set the agenda");
        var items = await db.CouncilAgendaItems.AsNoTracking().Where(i => i.SessionId == closed).Select(i => new { i.Id, i.Version, i.NomineeId }).ToListAsync(ct);
        foreach (var item in items)
        {
            var collective = nominees.Single(n => n.Id == item.NomineeId).RecipientKind == RecipientKind.Collective;
            var agree = collective ? present.Count / 2 - 1 : present.Count;
            Expect(await council.RecordTalliesAsync(closed, item.Id, item.Version, agree, present.Count - agree, 0, ct), "enter tallies");
        }

        Expect(await council.CloseAsync(closed, await SessionVersionAsync(closed, ct), Secretary, ct), "close the session");

        var open = Expect(await council.CreateSessionAsync(new CouncilSessionInput("Phiên họp xét khen thưởng đợt 2", clock.Today, "Phòng họp tầng 2", VotingMode.Paper), ct), "create a session");
        Expect(await council.SetAttendanceAsync(open, await SessionVersionAsync(open, ct), present, ct), "take attendance");
        var agenda = await db.Nominees.AsNoTracking().Where(n => n.ProposalId == pending).OrderBy(n => n.SortOrder).Select(n => n.Id).ToListAsync(ct);
        Expect(await council.AddToAgendaAsync(open, agenda, ct), "set the agenda");
    }

    private async Task DecideAsync(int proposalId, string number, DateOnly signedOn, CancellationToken ct)
    {
        var nominees = await db.Nominees.AsNoTracking().Where(n => n.ProposalId == proposalId).Select(n => n.Id).ToListAsync(ct);
        var draft = await decisions.CreateDraftAsync(nominees, ct);
        var id = draft.Id ?? throw Failure("draft a decision", draft.Errors);
        var version = await db.AwardDecisions.AsNoTracking().Where(d => d.Id == id).Select(d => d.Version).SingleAsync(ct);
        var pdf = Pdf([$"QUYẾT ĐỊNH số {number}", $"ngày {signedOn:dd/MM/yyyy}", "Về việc tặng Giấy khen của Giám đốc Sở", "(Bản chụp quyết định đã ký – dữ liệu mẫu)"]);
        var issued = await decisions.IssueAsync(id, new DecisionIssueInput(number, signedOn, "Trần Minh Khôi", "GIÁM ĐỐC", version, new IncomingFile("quyet-dinh-" + number.Split('/')[0] + ".pdf", pdf)), Leader, ct);
        if (issued.Outcome != DecisionOutcome.Done)
        {
            throw Failure("issue decision " + number, issued.Errors);
        }

        Expect(await certificates.IssueForDecisionAsync(id, ct), "print the certificates");
    }

    private async Task MoveAsync(int id, ProposalAction action, WorkflowActor actor, string? reason, CancellationToken ct)
    {
        var result = await workflow.MoveAsync(new MoveRequest(id, action, await VersionAsync(id, ct), reason), actor, ct);
        if (result.Outcome != MoveOutcome.Done)
        {
            throw Failure($"{action} on proposal {id} ({result.Outcome})", result.Errors);
        }
    }

    private async Task<WorkflowActor> UnitActorAsync(int proposalId, CancellationToken ct) =>
        new(null, "Đầu mối thi đua của đơn vị", [Roles.UnitReporter], await db.Proposals.Where(p => p.Id == proposalId).Select(p => p.UnitId).SingleAsync(ct));

    private Task<int> VersionAsync(int proposalId, CancellationToken ct) =>
        db.Proposals.AsNoTracking().Where(p => p.Id == proposalId).Select(p => p.Version).SingleAsync(ct);

    private Task<int> SessionVersionAsync(int sessionId, CancellationToken ct) =>
        db.CouncilSessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => s.Version).SingleAsync(ct);

    private static int Expect(ServiceResult result, string what) =>
        result.Succeeded && result.Id is { } id ? id : throw Failure(what, result.Errors);

    private static int Expect(CouncilResult result, string what) =>
        result.Outcome == CouncilOutcome.Done ? result.Id ?? 0 : throw Failure(what, result.Errors);

    private static InvalidOperationException Failure(string what, IReadOnlyList<ServiceError> errors) =>
        new($"Demo proposals: could not {what}: {string.Join("; ", errors.Select(e => e.Code))}");

    /// <summary>A small real .docx: a bold title and paragraphs.</summary>
    private static MemoryStream Docx(string title, IReadOnlyList<string> paragraphs)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body(new Paragraph(new Run(new RunProperties(new Bold()), new Text(title))));
            foreach (var text in paragraphs)
            {
                body.Append(new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>A one-page A4 PDF with the lines, in the certificates' DejaVu Serif so every Vietnamese mark prints.</summary>
    private static MemoryStream Pdf(IReadOnlyList<string> lines)
    {
        var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream))
        {
            var canvas = document.BeginPage(595, 842);
            using var font = new SKFont(CertificatePdfWriter.Regular, 14);
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            var y = 120f;
            foreach (var line in lines)
            {
                canvas.DrawText(line, 297.5f, y, SKTextAlign.Center, font, paint);
                y += 28;
            }

            document.EndPage();
            document.Close();
        }

        stream.Position = 0;
        return stream;
    }
}
