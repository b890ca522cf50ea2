using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;

namespace EmulationPortal.BrowserTests;

/// <summary>
/// A commendation proposal from a unit's dossier to the honor roll, in Chromium and only through the pages: the unit
/// proposes three people and itself with its dossier; the Office returns it with a reason; the unit fixes it and sends
/// it again; the Office receives, appraises and sends it to the council; the council secretary records a paper session
/// in which one nominee fails; the leader drafts the decision (.docx), issues it with the signed PDF; the certificates
/// print and verify; the public honor roll shows exactly the nominees who passed.
/// </summary>
public sealed class ProposalJourneyTests(PortalServerFixture portal) : IClassFixture<PortalServerFixture>
{
    // A division the demo content does not have, so no demo proposal or commendation names these people: the rule
    // "not the same award twice in a year" cannot interfere, and the honor roll filtered by the unit holds only this walk.
    private const string UnitName = "Phòng Chuyển đổi số";
    private const string Head = "Trương Thị Bích Hạnh";
    private const string Officer = "Kiều Văn Quang";
    private const string Failing = "Lâm Thị Thu Trang";

    private const string Ldtt = "Lao động tiên tiến";
    private const string Cstdcs = "Chiến sĩ thi đua cơ sở";
    private const string Ttldxs = "Tập thể lao động xuất sắc";

    private const string ReturnReason = "Báo cáo thành tích của tập thể chưa nêu sáng kiến đã được công nhận; đề nghị bổ sung quyết định công nhận sáng kiến làm minh chứng.";
    private const string FixedAchievement = "Vận hành an toàn hệ thống một cửa điện tử cả năm; hướng dẫn 12 đơn vị sử dụng chữ ký số.";

    [BrowserFact]
    public async Task UnitProposes_OfficeReturnsAndReceives_CouncilVotes_LeaderIssues_CertificatesVerify_HonorRollShowsPassedOnly()
    {
        var a = await ArrangeAsync();

        // 1. The unit composes and submits.
        var unit = await SignedInPageAsync(a.Reporter, "proposal-01-reporter-home");
        var proposalId = await ComposeAsync(unit, a);
        await SubmitProposalAsync(unit, "proposal-04-submitted");

        // 2. The clerk receives it and returns it with a reason; the unit reads the reason, fixes and submits again.
        var clerk = await SignedInPageAsync(a.Clerk, "proposal-05-clerk-home");
        await OpenInOfficeAsync(clerk, proposalId);
        await MoveAsync(clerk, "Tiếp nhận", "Đã tiếp nhận", "proposal-06-received");
        await clerk.Locator("#Reason-ReturnToUnit").FillAsync(ReturnReason);
        await MoveAsync(clerk, "Trả lại đơn vị", "Trả lại đơn vị", "proposal-07-returned");
        await FixAndResubmitAsync(unit, proposalId, a);

        // 3. Received again, appraised, sent to the council.
        await clerk.GotoAsync($"/Admin/Proposals/{proposalId}");
        await MoveAsync(clerk, "Tiếp nhận", "Đã tiếp nhận", "proposal-10-received-again");
        var specialist = await SignedInPageAsync(a.Specialist, "proposal-11-specialist-home");
        await OpenInOfficeAsync(specialist, proposalId);
        await MoveAsync(specialist, "Bắt đầu thẩm định", "Đang thẩm định", "proposal-12-appraising");
        await MoveAsync(specialist, "Hoàn thành thẩm định", "Đã thẩm định", "proposal-13-appraised");
        var head = await SignedInPageAsync(a.OfficeHead, "proposal-14-office-head-home");
        await OpenInOfficeAsync(head, proposalId);
        await MoveAsync(head, "Chuyển Hội đồng", "Hội đồng xét", "proposal-15-to-council");

        // 4. The council secretary's paper session: one nominee fails.
        var secretary = await SignedInPageAsync(a.Secretary, "proposal-16-secretary-home");
        await CouncilSessionAsync(secretary, a);
        await secretary.GotoAsync($"/Admin/Proposals/{proposalId}");
        await Assertions.Expect(secretary.Locator("#proposal-status")).ToHaveTextAsync("Chờ quyết định");
        await Assertions.Expect(secretary.Locator($"#nominee-{a.NomineeIds[(Failing, Ldtt)]}")).ToContainTextAsync("Không được thông qua");
        await portal.ScreenshotAsync(secretary, "proposal-22-awaiting-decision");

        // 5. The leader drafts the decision, downloads the .docx and issues it.
        var leader = await SignedInPageAsync(a.Leader, "proposal-23-leader-home");
        var number = await DecideAsync(leader, a);

        // 6. Certificates: issue, print the batch, verify one code in public.
        var code = await CertificatesAsync(leader, number);
        var visitor = await portal.NewPageAsync();
        await visitor.GotoAsync("/xac-thuc/" + code);
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync("Xác thực giấy chứng nhận khen thưởng");
        await Assertions.Expect(visitor.Locator("#verification-valid")).ToBeVisibleAsync();
        var details = visitor.Locator("dl.verification-details");
        await Assertions.Expect(details).ToContainTextAsync(Head);
        await Assertions.Expect(details).ToContainTextAsync(Cstdcs);
        await Assertions.Expect(details).ToContainTextAsync("Số " + number);
        await portal.ScreenshotAsync(visitor, "proposal-30-verification");

        // 7. The public honor roll of the year, narrowed to the unit: exactly the nominees who passed.
        await HonorRollAsync(visitor, a);

        // The unit sees the outcome in its own page.
        await unit.GotoAsync($"/don-vi/de-nghi/{proposalId}");
        await Assertions.Expect(unit.Locator("#proposal-status")).ToHaveTextAsync("Đã có quyết định");
        await portal.ScreenshotAsync(unit, "proposal-32-unit-awarded");

        foreach (var page in new[] { unit, clerk, specialist, head, secretary, leader, visitor })
        {
            await page.Context.CloseAsync();
        }
    }

    private sealed record Arranged(
        DateOnly Today, int UnitId, IReadOnlyDictionary<string, int> Staff, IReadOnlyDictionary<string, int> Awards,
        string Reporter, string Clerk, string Specialist, string OfficeHead, string Secretary, string Leader)
    {
        public int Year => Today.Year;

        /// <summary>Filled while composing: (name, award) → the nominee's id in the proposal.</summary>
        public Dictionary<(string Name, string Award), int> NomineeIds { get; } = [];
    }

    /// <summary>
    /// The division with its three people (as the Office would have entered them in /Admin/Units and /Admin/Staff), and
    /// one account per role of the walk.
    /// </summary>
    private async Task<Arranged> ArrangeAsync()
    {
        DateOnly today;
        int unitId;
        Dictionary<string, int> staff;
        Dictionary<string, int> awards;
        using (var scope = portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            // The portal's day (Asia/Ho_Chi_Minh), which may differ from the machine's.
            today = scope.ServiceProvider.GetRequiredService<PortalClock>().Today;
            var division = new Unit { Name = UnitName, Kind = UnitKind.Division, SortOrder = 50, IsActive = true };
            db.Units.Add(division);
            var people = new[]
            {
                new StaffMember { FullName = Head, Position = "Trưởng phòng", Gender = Gender.Female, Unit = division },
                new StaffMember { FullName = Officer, Position = "Chuyên viên", Gender = Gender.Male, Unit = division },
                new StaffMember { FullName = Failing, Position = "Chuyên viên", Gender = Gender.Female, Unit = division },
            };
            db.StaffMembers.AddRange(people);
            await db.SaveChangesAsync();
            unitId = division.Id;
            staff = people.ToDictionary(p => p.FullName, p => p.Id, StringComparer.Ordinal);
            var names = new[] { Ldtt, Cstdcs, Ttldxs };
            awards = await db.AwardTypes.Where(t => names.Contains(t.Name)).ToDictionaryAsync(t => t.Name, t => t.Id, StringComparer.Ordinal);
            Assert.Equal(3, awards.Count);
        }

        return new Arranged(
            today, unitId, staff, awards,
            await portal.CreateUserAsync("dv-", "Cán bộ Phòng Chuyển đổi số", unitId, Roles.UnitReporter),
            await portal.CreateUserAsync("vt-", "Văn thư Văn phòng Sở", null, Roles.Editor),
            await portal.CreateUserAsync("cv-", "Chuyên viên thẩm định", null, Roles.Specialist),
            await portal.CreateUserAsync("cvp-", "Chánh Văn phòng thử nghiệm", null, Roles.OfficeHead),
            await portal.CreateUserAsync("tk-", "Thư ký Hội đồng thử nghiệm", null, Roles.CouncilSecretary),
            await portal.CreateUserAsync("ld-", "Giám đốc Sở thử nghiệm", null, Roles.Leader));
    }

    private async Task<IPage> SignedInPageAsync(string userName, string screenshot)
    {
        var page = await portal.NewPageAsync();
        // The pages ask "are you sure?" before composing the cover text, removing things and issuing: a person says yes.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/dang-nhap");
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(PortalServerFixture.UserPassword);
        await SubmitAsync(page, page.Locator("form[action^='/dang-nhap'] button[type='submit']"), "sign-in-" + userName);
        await Assertions.Expect(page.Locator(".account-nav button.dropdown-toggle")).ToBeVisibleAsync();
        await portal.ScreenshotAsync(page, screenshot);
        return page;
    }

    private async Task<int> ComposeAsync(IPage page, Arranged a)
    {
        await page.GotoAsync("/don-vi/de-nghi");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Đề nghị khen thưởng của đơn vị");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tạo hồ sơ đề nghị" }).ClickAsync();
        await page.WaitForURLAsync(UrlLike("/don-vi/de-nghi/tao-moi$"));
        await Assertions.Expect(page.Locator("#Kind")).ToHaveValueAsync("0");
        await Assertions.Expect(page.Locator("#Year")).ToHaveValueAsync(a.Year.ToString(CultureInfo.InvariantCulture));
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Tạo hồ sơ" }), "create");
        await page.WaitForURLAsync(UrlLike("/don-vi/de-nghi/\\d+$"));
        var id = int.Parse(Regex.Match(page.Url, "/(\\d+)$").Groups[1].Value, CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator("#proposal-status")).ToHaveTextAsync("Đang soạn");

        (string Name, string Award, string Achievement)[] nominees =
        [
            (Head, Ldtt, "Hoàn thành xuất sắc nhiệm vụ trưởng phòng năm " + a.Year + "."),
            (Head, Cstdcs, "Chủ trì sáng kiến “Sổ tay chuyển đổi số cho cán bộ” được Hội đồng sáng kiến cơ sở công nhận."),
            (Officer, Ldtt, "Hoàn thành tốt nhiệm vụ vận hành hệ thống một cửa điện tử."),
            (Failing, Ldtt, "Hoàn thành nhiệm vụ được giao."),
            (UnitName, Ttldxs, "Tập thể hoàn thành xuất sắc kế hoạch chuyển đổi số năm " + a.Year + "."),
        ];
        var count = 0;
        foreach (var (name, award, achievement) in nominees)
        {
            if (name == UnitName)
            {
                await page.Locator("#KindCollective").CheckAsync();
                await page.GetByLabel("Tập thể (đơn vị)").SelectOptionAsync(a.UnitId.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                await page.Locator("#KindIndividual").CheckAsync();
                await page.Locator("#StaffMemberId").SelectOptionAsync(a.Staff[name].ToString(CultureInfo.InvariantCulture));
            }

            await page.Locator("#AwardTypeId").SelectOptionAsync(a.Awards[award].ToString(CultureInfo.InvariantCulture));
            await page.Locator("#Achievement").FillAsync(achievement);
            await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Thêm vào danh sách" }), $"add {name} ({award})");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Có {++count} người và tập thể được đề nghị.");
        }

        var rows = page.Locator("#nominees tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(nominees.Length);
        foreach (var (name, award, _) in nominees)
        {
            var edit = rows.Filter(new() { Has = page.Locator("td:nth-child(2)", new() { HasText = name }) })
                .Filter(new() { Has = page.Locator("td:nth-child(4)", new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(award) + "\\s*$") }) })
                .GetByRole(AriaRole.Link, new() { Name = "Sửa" });
            var href = await edit.GetAttributeAsync("href");
            a.NomineeIds[(name, award)] = int.Parse(Regex.Match(href!, "/de-cu/(\\d+)$").Groups[1].Value, CultureInfo.InvariantCulture);
        }

        // The rule checks see the prerequisite (CSTĐCS needs LĐTT in the same year) met within this proposal.
        await Assertions.Expect(page.Locator("#women-share")).ToContainTextAsync("Tỷ lệ nữ: 3/4 cá nhân được đề nghị");
        await Assertions.Expect(page.Locator("section[aria-labelledby='findings-heading'] .list-group-item-danger")).ToHaveCountAsync(0);
        await portal.ScreenshotAsync(page, "proposal-02-nominees");

        // The cover text from the template, then the papers: the unit's review minutes and an achievement report for
        // each nominee whose award asks for one.
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Tạo từ mẫu" }), "compose cover");
        await Assertions.Expect(page.Locator("#CoverText")).ToHaveValueAsync(new Regex("TỜ TRÌNH[\\s\\S]*" + Regex.Escape(Head)));
        await UploadAsync(page, "Biên bản họp bình xét", null, "Biên bản họp bình xét thi đua năm " + a.Year, "bien-ban-binh-xet.docx",
            Docx("BIÊN BẢN HỌP BÌNH XÉT THI ĐUA, KHEN THƯỞNG", UnitName, "Thống nhất đề nghị các cá nhân, tập thể có tên trong tờ trình."), 1);
        await UploadAsync(page, "Báo cáo thành tích", a.NomineeIds[(Head, Cstdcs)], "Báo cáo thành tích – " + Head, "bao-cao-thanh-tich-ca-nhan.pdf",
            Pdf("BÁO CÁO THÀNH TÍCH", Head, Cstdcs), 2);
        await UploadAsync(page, "Báo cáo thành tích", a.NomineeIds[(UnitName, Ttldxs)], "Báo cáo thành tích – " + UnitName, "bao-cao-thanh-tich-tap-the.docx",
            Docx("BÁO CÁO THÀNH TÍCH", UnitName, "Tập thể hoàn thành xuất sắc nhiệm vụ."), 3);
        await portal.ScreenshotAsync(page, "proposal-03-dossier");
        return id;
    }

    private async Task UploadAsync(IPage page, string kind, int? nomineeId, string title, string fileName, byte[] content, int expectedDocuments)
    {
        var form = page.Locator("form[action$='/tai-lieu']");
        await form.GetByLabel("Loại tài liệu").SelectOptionAsync(new SelectOptionValue { Label = kind });
        if (nomineeId is { } nid)
        {
            await form.GetByLabel("Của người / tập thể").SelectOptionAsync(nid.ToString(CultureInfo.InvariantCulture));
        }

        await form.GetByLabel("Tên tài liệu").FillAsync(title);
        await form.Locator("#doc-file").SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = fileName.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = content,
        });
        await SubmitAsync(page, form.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }), "upload " + fileName);
        await Assertions.Expect(page.Locator("#documents tbody tr")).ToHaveCountAsync(expectedDocuments);
        var row = page.Locator("#documents tbody tr").Filter(new() { HasText = title });
        await Assertions.Expect(row).ToContainTextAsync(fileName);
    }

    private async Task SubmitProposalAsync(IPage page, string screenshot)
    {
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Gửi hồ sơ" }), "submit");
        await Assertions.Expect(page.Locator("#proposal-status")).ToHaveTextAsync("Đã gửi");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Đã gửi hồ sơ đến Văn phòng.");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Hồ sơ đã gửi nên không sửa được.");
        await portal.ScreenshotAsync(page, screenshot);
    }

    /// <summary>The Office's inbox lists the unit's proposal; its page opens from there.</summary>
    private static async Task OpenInOfficeAsync(IPage page, int proposalId)
    {
        await page.GotoAsync("/Admin/Proposals");
        var link = page.Locator($"main a[href='/Admin/Proposals/{proposalId}']");
        await Assertions.Expect(link).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("main tr", new() { Has = page.Locator($"a[href='/Admin/Proposals/{proposalId}']") })).ToContainTextAsync(UnitName);
        await link.ClickAsync();
        await page.WaitForURLAsync(UrlLike($"/Admin/Proposals/{proposalId}$"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(UnitName);
    }

    private async Task MoveAsync(IPage page, string action, string status, string screenshot)
    {
        var button = page.Locator("form.move-form").GetByRole(AriaRole.Button, new() { Name = action, Exact = true });
        await SubmitAsync(page, button, action);
        await Assertions.Expect(page.Locator("#proposal-status")).ToHaveTextAsync(status);
        await portal.ScreenshotAsync(page, screenshot);
    }

    private async Task FixAndResubmitAsync(IPage page, int proposalId, Arranged a)
    {
        // The notice in the unit's list names the return; the proposal's history carries the reason.
        await page.GotoAsync("/don-vi/de-nghi");
        var notices = page.Locator("main ul.list-group li");
        await Assertions.Expect(notices.Filter(new() { Has = page.Locator($"a[href='/don-vi/de-nghi/{proposalId}']") }).First).ToBeVisibleAsync();
        await portal.ScreenshotAsync(page, "proposal-08-unit-notices");
        await page.Locator($"main table a[href='/don-vi/de-nghi/{proposalId}']").ClickAsync();
        await page.WaitForURLAsync(UrlLike($"/don-vi/de-nghi/{proposalId}$"));
        await Assertions.Expect(page.Locator("#proposal-status")).ToHaveTextAsync("Trả lại đơn vị");
        await Assertions.Expect(page.Locator("#history")).ToContainTextAsync("Lý do: " + ReturnReason);

        // The fix: the evidence the Office asked for, and a sharper achievement for one nominee.
        await UploadAsync(page, "Tài liệu minh chứng", null, "Quyết định công nhận sáng kiến", "quyet-dinh-cong-nhan-sang-kien.pdf",
            Pdf("QUYẾT ĐỊNH CÔNG NHẬN SÁNG KIẾN", "Sổ tay chuyển đổi số cho cán bộ", Head), 4);
        await page.Locator($"a[href='/don-vi/de-nghi/{proposalId}/de-cu/{a.NomineeIds[(Officer, Ldtt)]}']").ClickAsync();
        await page.WaitForURLAsync(UrlLike("/de-cu/\\d+$"));
        await page.Locator("#Achievement").FillAsync(FixedAchievement);
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }), "edit nominee");
        await page.WaitForURLAsync(UrlLike($"/don-vi/de-nghi/{proposalId}$"));
        await Assertions.Expect(page.Locator("#nominees")).ToContainTextAsync(FixedAchievement);
        await portal.ScreenshotAsync(page, "proposal-09-fixed");
        await SubmitProposalAsync(page, "proposal-09b-resubmitted");
    }

    private async Task CouncilSessionAsync(IPage page, Arranged a)
    {
        await page.GotoAsync("/Admin/CouncilSessions");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tạo phiên họp" }).ClickAsync();
        await page.WaitForURLAsync(UrlLike("/Admin/CouncilSessions/Create$"));
        await page.GetByLabel("Tên phiên họp").FillAsync("Phiên họp xét khen thưởng tổng kết năm " + a.Year + " (thử nghiệm)");
        await page.GetByLabel("Ngày họp").FillAsync(a.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Địa điểm").FillAsync("Phòng họp tầng 3");
        await Assertions.Expect(page.GetByLabel("Phiếu giấy", new() { Exact = true })).ToBeCheckedAsync();
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Tạo phiên họp" }), "create session");
        await page.WaitForURLAsync(UrlLike("/Admin/CouncilSessions/Detail/\\d+$"));
        await portal.ScreenshotAsync(page, "proposal-17-session-created");

        // Attendance: everyone but the last member, as on the paper list.
        var attendance = page.Locator("form[action*='/attendance' i] input[type='checkbox']");
        var members = await attendance.CountAsync();
        Assert.True(members >= 7, $"the demo council has {members} members");
        for (var i = 0; i < members; i++)
        {
            await attendance.Nth(i).SetCheckedAsync(i < members - 1);
        }

        var present = members - 1;
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Lưu danh sách có mặt" }), "attendance");
        await Assertions.Expect(page.Locator("section[aria-labelledby='quorum-heading'] .alert")).ToContainTextAsync("Đủ số lượng để biểu quyết.");

        // The agenda: this unit's five nominees (the demo's other proposal at the council stays for another session).
        var candidates = page.Locator("form[action*='/addtoagenda' i] .form-check").Filter(new() { HasText = UnitName });
        await Assertions.Expect(candidates).ToHaveCountAsync(a.NomineeIds.Count);
        for (var i = 0; i < a.NomineeIds.Count; i++)
        {
            await candidates.Nth(i).Locator("input").CheckAsync();
        }

        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Thêm vào chương trình" }), "agenda");
        var agenda = page.Locator("section[aria-labelledby='agenda-heading'] table tbody tr");
        await Assertions.Expect(agenda).ToHaveCountAsync(a.NomineeIds.Count);
        await portal.ScreenshotAsync(page, "proposal-18-agenda");

        // The tallies from the paper ballots: all agree but one, except the failing nominee.
        foreach (var (name, award) in a.NomineeIds.Keys)
        {
            var fails = name == Failing;
            var agree = fails ? 2 : present - 1;
            var row = AgendaRow(page, name, award);
            await row.Locator("input[name='Agree']").FillAsync(agree.ToString(CultureInfo.InvariantCulture));
            await row.Locator("input[name='Disagree']").FillAsync((present - agree).ToString(CultureInfo.InvariantCulture));
            await row.Locator("input[name='Invalid']").FillAsync("0");
            await SubmitAsync(page, row.GetByRole(AriaRole.Button, new() { Name = "Lưu" }), $"tally {name} ({award})");
            await Assertions.Expect(AgendaRow(page, name, award).Locator("td").Nth(5))
                .ToContainTextAsync(fails ? "Không đạt" : "Đạt");
        }

        await portal.ScreenshotAsync(page, "proposal-19-tallies");

        await page.GetByLabel("Tôi đã kiểm tra kết quả và đồng ý khóa phiên họp").CheckAsync();
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Kết thúc phiên họp" }), "close session");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Đã kết thúc phiên họp; kết quả đã được khóa.");
        await Assertions.Expect(page.Locator("form[action*='/tallies' i]")).ToHaveCountAsync(0);
        await Assertions.Expect(AgendaRow(page, Failing, Ldtt).Locator("td").Nth(5)).ToHaveTextAsync("Không đạt");
        await Assertions.Expect(AgendaRow(page, Officer, Ldtt).Locator("td").Nth(5)).ToHaveTextAsync("Đạt");
        await portal.ScreenshotAsync(page, "proposal-20-session-closed");
    }

    private static ILocator AgendaRow(IPage page, string name, string award) =>
        page.Locator("section[aria-labelledby='agenda-heading'] table tbody tr")
            .Filter(new() { Has = page.Locator("td:nth-child(2)", new() { HasText = name }) })
            .Filter(new() { Has = page.Locator("td:nth-child(3)", new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(award)) }) });

    /// <summary>Drafts the decision from the passed nominees, downloads it as .docx and issues it; returns its number.</summary>
    private async Task<string> DecideAsync(IPage page, Arranged a)
    {
        await page.GotoAsync("/Admin/Decisions");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Chờ quyết định") }).ClickAsync();
        await page.WaitForURLAsync(UrlLike("/Admin/Decisions/Candidates$"));
        var passed = a.NomineeIds.Where(n => n.Key.Name != Failing).ToList();
        await Assertions.Expect(page.Locator($"#n-{a.NomineeIds[(Failing, Ldtt)]}")).ToHaveCountAsync(0);
        foreach (var (_, nomineeId) in passed)
        {
            await page.Locator($"#n-{nomineeId}").CheckAsync();
        }

        await portal.ScreenshotAsync(page, "proposal-24-candidates");
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Tạo dự thảo quyết định" }), "draft decision");
        await page.WaitForURLAsync(UrlLike("/Admin/Decisions/Edit/\\d+$"));
        var decisionId = int.Parse(Regex.Match(page.Url, "/(\\d+)$").Groups[1].Value, CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("quyết định", new() { IgnoreCase = true });
        await portal.ScreenshotAsync(page, "proposal-25-draft");

        // The draft as Word: 200, the Word content type, and a document that opens and names the nominees.
        var href = await page.GetByRole(AriaRole.Link, new() { Name = "Tải về bản Word (.docx)" }).GetAttributeAsync("href");
        var docx = await page.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, docx.Status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Headers["content-type"].Split(';')[0].Trim());
        var body = await docx.BodyAsync();
        using (var word = WordprocessingDocument.Open(new MemoryStream(body), false))
        {
            var text = string.Join("\n", word.MainDocumentPart!.Document!.Descendants<Paragraph>().Select(p => p.InnerText));
            Assert.Contains(Head, text, StringComparison.Ordinal);
            Assert.Contains(Officer, text, StringComparison.Ordinal);
            Assert.Contains(UnitName, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Failing, text, StringComparison.Ordinal);
        }

        await page.GotoAsync($"/Admin/Decisions/Details/{decisionId}");
        var number = $"{Random.Shared.Next(500, 900)}/QĐ-STTTT";
        var issue = page.Locator("form[action*='/issue/' i]");
        await issue.GetByLabel("Số, ký hiệu").FillAsync(number);
        await issue.GetByLabel("Ngày ký").FillAsync(a.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await issue.GetByLabel("Chức vụ người ký").FillAsync("GIÁM ĐỐC");
        await issue.GetByLabel("Họ và tên người ký").FillAsync("Trần Minh Khôi");
        await issue.Locator("#signedPdf").SetInputFilesAsync(new FilePayload
        {
            Name = "quyet-dinh-da-ky.pdf",
            MimeType = "application/pdf",
            Buffer = Pdf("QUYẾT ĐỊNH", "Về việc khen thưởng tổng kết năm " + a.Year, number),
        });
        await portal.ScreenshotAsync(page, "proposal-26-issue-form");
        await SubmitAsync(page, issue.GetByRole(AriaRole.Button, new() { Name = "Ban hành" }), "issue");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Quyết định " + number);
        await Assertions.Expect(page.Locator("h1 .badge")).ToHaveTextAsync("Đã ban hành");
        await Assertions.Expect(page.Locator("main table tbody tr")).ToHaveCountAsync(passed.Count);
        await portal.ScreenshotAsync(page, "proposal-27-issued");
        return number;
    }

    /// <summary>Issues the decision's certificates and downloads the batch; returns the code of the head's CSTĐCS certificate.</summary>
    private async Task<string> CertificatesAsync(IPage page, string number)
    {
        await page.GotoAsync("/Admin/Certificates");
        await page.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(UrlLike("/Admin/Certificates/Decision/\\d+$"));
        await SubmitAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Cấp giấy chứng nhận") }), "issue certificates");
        var rows = page.Locator("main table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        await Assertions.Expect(rows.Locator("td:nth-child(4) code")).ToHaveCountAsync(4);
        await portal.ScreenshotAsync(page, "proposal-28-certificates");

        var batch = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^In tất cả \\(4 giấy\\)") });
        var pdf = await page.Context.APIRequest.GetAsync((await batch.GetAttributeAsync("href"))!);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"].Split(';')[0].Trim());
        var bytes = await pdf.BodyAsync();
        Assert.True(bytes.Length > 1000 && bytes.AsSpan(0, 5).SequenceEqual("%PDF-"u8), "the batch is not a PDF");
        await File.WriteAllBytesAsync(Path.Combine(portal.ScreenshotFolder, "proposal-29-certificates.pdf"), bytes);

        var row = rows.Filter(new() { Has = page.Locator("th", new() { HasText = Head }) })
            .Filter(new() { Has = page.Locator("td:nth-child(3)", new() { HasText = Cstdcs }) });
        return (await row.Locator("code").InnerTextAsync()).Trim();
    }

    private async Task HonorRollAsync(IPage page, Arranged a)
    {
        await page.GotoAsync($"/vinh-danh?nam={a.Year}&don-vi={a.UnitId}");
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        var cards = page.Locator("section[aria-labelledby='h-danh-sach'] .honoree-card, #h-danh-sach ~ * .honoree-card");
        await Assertions.Expect(cards.First).ToBeVisibleAsync();
        var shown = new List<string>();
        foreach (var card in await cards.AllAsync())
        {
            var name = (await card.Locator("h3").InnerTextAsync()).Trim();
            var award = Regex.Replace(await card.Locator(".award-name").InnerTextAsync(), "\\s*\\(.*\\)\\s*$", string.Empty).Trim();
            shown.Add(name + " – " + award);
        }

        var expected = a.NomineeIds.Keys.Where(k => k.Name != Failing).Select(k => k.Name + " – " + k.Award).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, shown.Order(StringComparer.Ordinal).ToList());
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Có {expected.Count} lượt khen thưởng");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(Failing);
        await portal.ScreenshotAsync(page, "proposal-31-honor-roll");
    }

    /// <summary>
    /// Clicks a button that submits a form and waits for the page that answers (the new document, not the old one still
    /// on screen); a refusal (4xx/5xx) fails with the page's messages and a screenshot.
    /// </summary>
    private async Task SubmitAsync(IPage page, ILocator button, string step)
    {
        await page.EvaluateAsync("() => { window.__journeyPreviousPage = true; }");
        var response = await page.RunAndWaitForResponseAsync(
            () => button.ClickAsync(),
            r => r.Request.IsNavigationRequest && r.Frame == page.MainFrame && (r.Status < 300 || r.Status >= 400),
            new() { Timeout = 30_000 });
        await page.WaitForFunctionAsync("() => window.__journeyPreviousPage === undefined && document.readyState === 'complete'", null, new() { Timeout = 30_000 });
        if (response.Status >= 400)
        {
            await portal.ScreenshotAsync(page, "proposal-failed-" + Regex.Replace(step, "[^a-zA-Z0-9]+", "-"));
            var messages = await page.Locator(".alert, .text-danger, .invalid-message, .validation-summary-errors").AllInnerTextsAsync();
            Assert.Fail($"{step}: the server answered {response.Status} at {page.Url}; messages: {string.Join(" | ", messages.Where(m => m.Trim().Length > 0))}");
        }
    }

    private static Regex UrlLike(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>A small real Word document.</summary>
    private static byte[] Docx(params string[] lines)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(lines.Select(l => new Paragraph(new Run(new Text(l))))));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A small real one-page PDF that holds its lines as text.</summary>
    private static byte[] Pdf(params string[] lines)
    {
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream))
        {
            var canvas = document.BeginPage(595, 842);
            // The portal's own Vietnamese font: the default face may have no glyphs here, and then every test PDF would be
            // the same blank page (the file store keeps one copy of identical files, under the first upload's name).
            using var font = new SKFont(EmulationPortal.Certificates.CertificatePdfWriter.Regular, 14);
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            var y = 80f;
            foreach (var line in lines)
            {
                canvas.DrawText(line, 60, y, SKTextAlign.Left, font, paint);
                y += 24;
            }

            document.EndPage();
            document.Close();
        }

        return stream.ToArray();
    }
}
