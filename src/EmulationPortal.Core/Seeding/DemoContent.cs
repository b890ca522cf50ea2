using EmulationPortal.Campaigns;
using EmulationPortal.Honors;
using EmulationPortal.Organisation;

namespace EmulationPortal.Seeding;

/// <summary>
/// The demo content: the plan's organisation (a provincial Sở Thông tin và Truyền thông), the fields, documents and
/// national movements the plan names, and fictional staff. Only data; <see cref="DemoContentSeeder"/> writes it.
/// </summary>
internal static class DemoContent
{
    public const string PlanFileResource = "EmulationPortal.Seeding.Files.ke-hoach-tuyen-truyen-tdkt-2022.pdf";
    public const string PlanFileName = "Kế hoạch tuyên truyền TĐKT năm 2022.pdf";
    public const string PlanNumber = "145/KH-STTTT";

    public static readonly (string Name, UnitKind Kind, string? Parent)[] Units =
    [
        ("Ban Giám đốc Sở", UnitKind.Leadership, null),
        ("Văn phòng Sở", UnitKind.Office, null),
        ("Thanh tra Sở", UnitKind.Division, null),
        ("Phòng Kế hoạch - Tài chính", UnitKind.Division, null),
        ("Phòng Bưu chính, Viễn thông", UnitKind.Division, null),
        ("Phòng Công nghệ thông tin", UnitKind.Division, null),
        ("Phòng Thông tin - Báo chí - Xuất bản", UnitKind.Division, null),
        ("Trung tâm Công nghệ thông tin và Truyền thông", UnitKind.Affiliated, null),
        ("Phòng Kỹ thuật - Hạ tầng số", UnitKind.Affiliated, "Trung tâm Công nghệ thông tin và Truyền thông"),
    ];

    public static readonly (string Name, string Position, Gender Gender, string Unit)[] Staff =
    [
        ("Trần Minh Khôi", "Giám đốc Sở", Gender.Male, "Ban Giám đốc Sở"),
        ("Lê Thị Thu Hà", "Phó Giám đốc Sở", Gender.Female, "Ban Giám đốc Sở"),
        ("Nguyễn Thị Ánh", "Chánh Văn phòng", Gender.Female, "Văn phòng Sở"),
        ("Phạm Quốc Đạt", "Chuyên viên phụ trách thi đua, khen thưởng", Gender.Male, "Văn phòng Sở"),
        ("Hoàng Thị Yến", "Văn thư", Gender.Female, "Văn phòng Sở"),
        ("Đỗ Văn Dũng", "Chánh Thanh tra", Gender.Male, "Thanh tra Sở"),
        ("Vũ Thị Mai Lan", "Thanh tra viên", Gender.Female, "Thanh tra Sở"),
        ("Bùi Đức Thắng", "Trưởng phòng", Gender.Male, "Phòng Kế hoạch - Tài chính"),
        ("Ngô Thị Hồng Nhung", "Kế toán", Gender.Female, "Phòng Kế hoạch - Tài chính"),
        ("Đặng Văn Hùng", "Trưởng phòng", Gender.Male, "Phòng Bưu chính, Viễn thông"),
        ("Lý Thị Ngọc Ánh", "Chuyên viên", Gender.Female, "Phòng Bưu chính, Viễn thông"),
        ("Trịnh Công Sơn Tùng", "Trưởng phòng", Gender.Male, "Phòng Công nghệ thông tin"),
        ("Mai Thị Phương Thảo", "Chuyên viên", Gender.Female, "Phòng Công nghệ thông tin"),
        ("Cao Văn Đức", "Chuyên viên", Gender.Male, "Phòng Công nghệ thông tin"),
        ("Dương Thị Kim Oanh", "Trưởng phòng", Gender.Female, "Phòng Thông tin - Báo chí - Xuất bản"),
        ("Hà Văn Bảo", "Giám đốc Trung tâm", Gender.Male, "Trung tâm Công nghệ thông tin và Truyền thông"),
        ("Tạ Thị Ân", "Kỹ sư hệ thống", Gender.Female, "Phòng Kỹ thuật - Hạ tầng số"),
        ("Lương Văn Ăn", "Kỹ thuật viên", Gender.Male, "Phòng Kỹ thuật - Hạ tầng số"),
    ];

    /// <summary>The fields named in the plan ("nhất là trên các lĩnh vực").</summary>
    public static readonly string[] Fields =
    [
        "Phát triển kinh tế - xã hội gắn với bảo vệ môi trường",
        "Quốc phòng, an ninh, chủ quyền biên giới, hải đảo",
        "Xây dựng đời sống văn hóa, nông thôn mới, đô thị văn minh",
        "Giảm nghèo bền vững, an sinh xã hội",
        "Xây dựng hệ thống chính trị trong sạch, vững mạnh",
        "Người tốt, việc tốt",
    ];

    /// <summary>Document types of Decree 30/2020/NĐ-CP plus laws and regulations.</summary>
    public static readonly (string Code, string Name)[] DocumentTypes =
    [
        ("QĐ", "Quyết định"), ("CT", "Chỉ thị"), ("KH", "Kế hoạch"), ("TB", "Thông báo"), ("BC", "Báo cáo"),
        ("TTr", "Tờ trình"), ("HD", "Hướng dẫn"), ("NQ", "Nghị quyết"), ("BB", "Biên bản"), (string.Empty, "Công văn"),
        ("QH", "Luật"), ("NĐ-CP", "Nghị định"), ("TT", "Thông tư"),
    ];

    public sealed record DocumentSeed(string Type, string Number, DateOnly IssuedOn, string Issuer, string Signer, string Abstract, string Recipients);

    public static readonly DocumentSeed[] Documents =
    [
        new("Chỉ thị", "34-CT/TW", new DateOnly(2014, 4, 7), "Bộ Chính trị", "Lê Hồng Anh",
            "Về tiếp tục đổi mới công tác thi đua, khen thưởng", "Các tỉnh ủy, thành ủy trực thuộc Trung ương\nCác ban đảng, ban cán sự đảng, đảng đoàn, đảng ủy trực thuộc Trung ương"),
        new("Chỉ thị", "19/CT-TTg", new DateOnly(2021, 7, 16), "Thủ tướng Chính phủ", "Phạm Minh Chính",
            "Về việc phát động thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội hằng năm và Kế hoạch 5 năm (2021-2025) theo Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
            "Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ\nỦy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"),
        new("Kế hoạch", "93/KH-UBND", new DateOnly(2022, 4, 12), "Ủy ban nhân dân tỉnh", "Phó Chủ tịch UBND tỉnh",
            "Tuyên truyền về công tác thi đua, khen thưởng năm 2022", "Các sở, ban, ngành cấp tỉnh\nỦy ban nhân dân các huyện, thị xã, thành phố"),
        new("Kế hoạch", PlanNumber, new DateOnly(2022, 4, 20), "Sở Thông tin và Truyền thông", "Giám đốc Sở",
            "Tuyên truyền về công tác thi đua, khen thưởng năm 2022",
            "Ban TĐKT tỉnh - Sở Nội vụ\nKhối thi đua Khối 3\nBan Giám đốc\nCác phòng, đơn vị thuộc Sở\nLưu: VT, TĐKT"),
        new("Luật", "06/2022/QH15", new DateOnly(2022, 6, 15), "Quốc hội", "Chủ tịch Quốc hội",
            "Luật Thi đua, khen thưởng", "Các cơ quan, tổ chức, cá nhân có liên quan"),
        new("Quyết định", "25/QĐ-STTTT", new DateOnly(2023, 12, 28), "Sở Thông tin và Truyền thông", "Giám đốc Sở",
            "Về việc công nhận danh hiệu thi đua và tặng Giấy khen năm 2023", "Các phòng, đơn vị thuộc Sở\nLưu: VT, TĐKT"),
        new("Quyết định", "31/QĐ-STTTT", new DateOnly(2024, 12, 27), "Sở Thông tin và Truyền thông", "Giám đốc Sở",
            "Về việc công nhận danh hiệu thi đua và tặng Giấy khen năm 2024", "Các phòng, đơn vị thuộc Sở\nLưu: VT, TĐKT"),
        new("Quyết định", "28/QĐ-STTTT", new DateOnly(2025, 12, 26), "Sở Thông tin và Truyền thông", "Giám đốc Sở",
            "Về việc công nhận danh hiệu thi đua và tặng Giấy khen năm 2025", "Các phòng, đơn vị thuộc Sở\nLưu: VT, TĐKT"),
        new("Hướng dẫn", "05/HD-STTTT", new DateOnly(2025, 3, 10), "Sở Thông tin và Truyền thông", "Phó Giám đốc Sở",
            "Hướng dẫn đăng ký thi đua và báo cáo tiến độ phong trào thi đua năm 2025", "Các phòng, đơn vị thuộc Sở"),
    ];

    public sealed record CampaignSeed(
        string Title, CampaignKind Kind, CampaignScope Scope, string LaunchedBy, DateOnly? LaunchedOn,
        DateOnly StartsOn, DateOnly? EndsOn, bool Featured, string Summary, string Content, string[] Fields, string[] Documents);

    public static CampaignSeed[] Campaigns(int currentYear) =>
    [
        new("Tuyên truyền về công tác thi đua, khen thưởng năm 2022", CampaignKind.Thematic, CampaignScope.Department,
            "Sở Thông tin và Truyền thông", new DateOnly(2022, 4, 20), new DateOnly(2022, 4, 20), new DateOnly(2022, 12, 31), false,
            "Kế hoạch tuyên truyền của Sở thực hiện Kế hoạch số 93/KH-UBND của UBND tỉnh: nâng cao nhận thức về công tác thi đua, khen thưởng và biểu dương điển hình tiên tiến.",
            "<p>Nâng cao nhận thức của cấp ủy, chính quyền và công chức, viên chức, người lao động về ý nghĩa, tầm quan trọng của công tác thi đua, khen thưởng; kịp thời biểu dương, tôn vinh các tập thể, cá nhân điển hình tiên tiến.</p><h2>Hình thức tuyên truyền</h2><ul><li>Xây dựng chuyên trang tuyên truyền các phong trào thi đua yêu nước trên Cổng thông tin điện tử.</li><li>Phổ biến các văn bản về công tác thi đua, khen thưởng trên hệ thống hồ sơ công việc.</li><li>Thông qua hội nghị, họp cơ quan, sơ kết, tổng kết, gặp gỡ, giao lưu những gương người tốt, việc tốt.</li></ul>",
            ["Xây dựng hệ thống chính trị trong sạch, vững mạnh", "Người tốt, việc tốt"],
            ["93/KH-UBND", PlanNumber, "34-CT/TW", "19/CT-TTg", "06/2022/QH15"]),
        new("Cả nước đoàn kết, chung sức, đồng lòng thi đua phòng, chống và chiến thắng đại dịch Covid-19", CampaignKind.Thematic, CampaignScope.National,
            "Thủ tướng Chính phủ", new DateOnly(2020, 3, 25), new DateOnly(2020, 3, 25), new DateOnly(2022, 12, 31), false,
            "Phong trào thi đua đặc biệt phát động trong cả nước nhằm chung sức phòng, chống và chiến thắng đại dịch Covid-19.",
            "<p>Phát huy tinh thần đoàn kết, tương thân tương ái, mỗi cơ quan, đơn vị, cá nhân thực hiện nghiêm các biện pháp phòng, chống dịch, vừa bảo đảm sức khỏe người dân vừa duy trì hoạt động chuyên môn.</p>",
            ["Giảm nghèo bền vững, an sinh xã hội", "Người tốt, việc tốt"], []),
        new("Cả nước chung sức xây dựng nông thôn mới", CampaignKind.Regular, CampaignScope.National,
            "Thủ tướng Chính phủ", new DateOnly(2011, 6, 7), new DateOnly(2011, 6, 7), null, true,
            "Phong trào thi đua thường xuyên huy động cả hệ thống chính trị và người dân cùng xây dựng nông thôn mới.",
            "<p>Ngành Thông tin và Truyền thông góp sức bằng hạ tầng số, chuyển đổi số nông thôn và tuyên truyền các mô hình hay, cách làm hiệu quả trong xây dựng nông thôn mới.</p>",
            ["Xây dựng đời sống văn hóa, nông thôn mới, đô thị văn minh", "Phát triển kinh tế - xã hội gắn với bảo vệ môi trường"], ["19/CT-TTg"]),
        new("Vì người nghèo – Không để ai bị bỏ lại phía sau", CampaignKind.Regular, CampaignScope.National,
            "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", new DateOnly(2021, 11, 17), new DateOnly(2021, 11, 17), null, false,
            "Phong trào thi đua chung tay giảm nghèo bền vững (trước đây: “Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau”).",
            "<p>Cán bộ, công chức, viên chức, người lao động của Sở tham gia ủng hộ Quỹ Vì người nghèo, hỗ trợ thiết bị học tập trực tuyến và phủ sóng thông tin đến vùng khó khăn.</p>",
            ["Giảm nghèo bền vững, an sinh xã hội"], []),
        new("Doanh nghiệp Việt Nam hội nhập và phát triển", CampaignKind.Regular, CampaignScope.National,
            "Thủ tướng Chính phủ", new DateOnly(2016, 1, 1), new DateOnly(2016, 1, 1), null, false,
            "Phong trào thi đua khuyến khích doanh nghiệp đổi mới, sáng tạo, hội nhập và phát triển bền vững.",
            "<p>Sở đồng hành cùng các doanh nghiệp bưu chính, viễn thông và công nghệ số trên địa bàn, biểu dương doanh nghiệp tiêu biểu trong chuyển đổi số.</p>",
            ["Phát triển kinh tế - xã hội gắn với bảo vệ môi trường"], []),
        new("Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở", CampaignKind.Thematic, CampaignScope.National,
            "Thủ tướng Chính phủ", new DateOnly(2019, 1, 1), new DateOnly(2019, 1, 1), new DateOnly(2025, 12, 31), false,
            "Phong trào thi đua xây dựng môi trường làm việc chuyên nghiệp, hiện đại, kỷ cương, trách nhiệm giai đoạn 2019–2025.",
            "<p>Mỗi cán bộ, công chức, viên chức thực hiện nghiêm quy tắc ứng xử, trang phục, giờ giấc làm việc và tinh thần phục vụ nhân dân.</p>",
            ["Xây dựng hệ thống chính trị trong sạch, vững mạnh"], ["34-CT/TW"]),
        new($"Thi đua thực hiện thắng lợi nhiệm vụ chính trị năm {currentYear}", CampaignKind.Regular, CampaignScope.Department,
            "Giám đốc Sở Thông tin và Truyền thông", new DateOnly(currentYear, 1, 15), new DateOnly(currentYear, 1, 1), new DateOnly(currentYear, 12, 31), true,
            $"Phong trào thi đua thường xuyên của Sở năm {currentYear}: đăng ký thi đua, báo cáo tiến độ theo quý, sơ kết giữa năm và tổng kết cuối năm.",
            "<p>Các phòng, đơn vị đăng ký thi đua trong quý I, báo cáo tiến độ theo quý; Văn phòng Sở theo dõi, đôn đốc và tổng hợp.</p><p>Sơ kết 6 tháng vào tháng 7; tổng kết, bình xét khen thưởng từ tháng 11 đến tháng 1 năm sau.</p>",
            ["Phát triển kinh tế - xã hội gắn với bảo vệ môi trường", "Xây dựng hệ thống chính trị trong sạch, vững mạnh"], ["19/CT-TTg", "06/2022/QH15"]),
        new($"Thi đua thực hiện thắng lợi nhiệm vụ chính trị năm {currentYear + 1}", CampaignKind.Regular, CampaignScope.Department,
            "Giám đốc Sở Thông tin và Truyền thông", null, new DateOnly(currentYear + 1, 1, 1), new DateOnly(currentYear + 1, 12, 31), false,
            $"Phong trào thi đua thường xuyên của Sở năm {currentYear + 1}, sẽ phát động đầu năm.",
            "<p>Văn phòng Sở chuẩn bị kế hoạch phát động; các phòng, đơn vị chuẩn bị nội dung đăng ký thi đua.</p>",
            ["Xây dựng hệ thống chính trị trong sạch, vững mạnh"], []),
    ];

    public sealed record AwardSeed(string Name, AwardCategory Category, RecipientKind Recipient, AwardLevel Level);

    /// <summary>Titles and forms of the Law on Emulation and Commendation 06/2022/QH15; an editable catalogue.</summary>
    public static readonly AwardSeed[] AwardTypes =
    [
        new("Lao động tiên tiến", AwardCategory.EmulationTitle, RecipientKind.Individual, AwardLevel.Department),
        new("Chiến sĩ thi đua cơ sở", AwardCategory.EmulationTitle, RecipientKind.Individual, AwardLevel.Department),
        new("Chiến sĩ thi đua cấp tỉnh", AwardCategory.EmulationTitle, RecipientKind.Individual, AwardLevel.Provincial),
        new("Chiến sĩ thi đua toàn quốc", AwardCategory.EmulationTitle, RecipientKind.Individual, AwardLevel.National),
        new("Tập thể lao động tiên tiến", AwardCategory.EmulationTitle, RecipientKind.Collective, AwardLevel.Department),
        new("Tập thể lao động xuất sắc", AwardCategory.EmulationTitle, RecipientKind.Collective, AwardLevel.Provincial),
        new("Cờ thi đua của UBND tỉnh", AwardCategory.EmulationTitle, RecipientKind.Collective, AwardLevel.Provincial),
        new("Cờ thi đua của Chính phủ", AwardCategory.EmulationTitle, RecipientKind.Collective, AwardLevel.National),
        new("Giấy khen của Giám đốc Sở", AwardCategory.CommendationForm, RecipientKind.Both, AwardLevel.Department),
        new("Bằng khen của Chủ tịch UBND tỉnh", AwardCategory.CommendationForm, RecipientKind.Both, AwardLevel.Provincial),
        new("Bằng khen của Thủ tướng Chính phủ", AwardCategory.CommendationForm, RecipientKind.Both, AwardLevel.National),
        new("Kỷ niệm chương", AwardCategory.CommendationForm, RecipientKind.Individual, AwardLevel.Ministerial),
        new("Huy chương", AwardCategory.CommendationForm, RecipientKind.Individual, AwardLevel.National),
        new("Huân chương Lao động hạng Ba", AwardCategory.CommendationForm, RecipientKind.Both, AwardLevel.National),
    ];

    /// <summary>A commendation: recipient is a staff member's full name or, when <c>IsUnit</c>, a unit's name.</summary>
    public sealed record CommendationSeed(
        string Recipient, bool IsUnit, string Award, int Year, string DecisionNumber, DateOnly DecidedOn, string DecidedBy,
        string Achievement, string? Campaign = null, string? Field = null, string? Story = null);

    public static readonly CommendationSeed[] Commendations =
    [
        new("Phạm Quốc Đạt", false, "Lao động tiên tiến", 2023, "25/QĐ-STTTT", new DateOnly(2023, 12, 28), "Giám đốc Sở", "Hoàn thành tốt nhiệm vụ được giao năm 2023."),
        new("Hoàng Thị Yến", false, "Lao động tiên tiến", 2023, "25/QĐ-STTTT", new DateOnly(2023, 12, 28), "Giám đốc Sở", "Hoàn thành tốt nhiệm vụ được giao năm 2023."),
        new("Mai Thị Phương Thảo", false, "Chiến sĩ thi đua cơ sở", 2023, "25/QĐ-STTTT", new DateOnly(2023, 12, 28), "Giám đốc Sở",
            "Chủ trì xây dựng hệ thống hồ sơ công việc điện tử của Sở.", null, "Phát triển kinh tế - xã hội gắn với bảo vệ môi trường"),
        new("Phòng Công nghệ thông tin", true, "Tập thể lao động tiên tiến", 2023, "25/QĐ-STTTT", new DateOnly(2023, 12, 28), "Giám đốc Sở", "Hoàn thành xuất sắc kế hoạch chuyển đổi số năm 2023."),
        new("Văn phòng Sở", true, "Giấy khen của Giám đốc Sở", 2023, "26/QĐ-STTTT", new DateOnly(2023, 12, 29), "Giám đốc Sở",
            "Tổ chức tốt công tác tuyên truyền về thi đua, khen thưởng.", "Tuyên truyền về công tác thi đua, khen thưởng năm 2022"),
        new("Lương Văn Ăn", false, "Giấy khen của Giám đốc Sở", 2023, "26/QĐ-STTTT", new DateOnly(2023, 12, 29), "Giám đốc Sở",
            "Dũng cảm cứu người bị nạn trong mưa lũ tháng 9/2023.", null, "Người tốt, việc tốt",
            "<p>Đêm mưa lũ tháng 9/2023, trên đường đi trực hệ thống về, anh Lương Văn Ăn đã lội nước xiết đưa hai cháu nhỏ bị kẹt ở ngầm tràn vào bờ an toàn.</p><p>Việc làm của anh được nhân dân địa phương ghi nhận và là tấm gương người tốt, việc tốt trong cơ quan.</p>"),
        new("Nguyễn Thị Ánh", false, "Lao động tiên tiến", 2024, "31/QĐ-STTTT", new DateOnly(2024, 12, 27), "Giám đốc Sở", "Hoàn thành tốt nhiệm vụ được giao năm 2024."),
        new("Cao Văn Đức", false, "Lao động tiên tiến", 2024, "31/QĐ-STTTT", new DateOnly(2024, 12, 27), "Giám đốc Sở", "Hoàn thành tốt nhiệm vụ được giao năm 2024."),
        new("Vũ Thị Mai Lan", false, "Chiến sĩ thi đua cơ sở", 2024, "31/QĐ-STTTT", new DateOnly(2024, 12, 27), "Giám đốc Sở",
            "Có sáng kiến quy trình thanh tra chuyên ngành trên môi trường số được áp dụng trong toàn Sở."),
        new("Thanh tra Sở", true, "Tập thể lao động tiên tiến", 2024, "31/QĐ-STTTT", new DateOnly(2024, 12, 27), "Giám đốc Sở", "Hoàn thành tốt nhiệm vụ được giao năm 2024."),
        new("Phòng Bưu chính, Viễn thông", true, "Tập thể lao động tiên tiến", 2024, "31/QĐ-STTTT", new DateOnly(2024, 12, 27), "Giám đốc Sở", "Hoàn thành tốt nhiệm vụ được giao năm 2024."),
        new("Mai Thị Phương Thảo", false, "Bằng khen của Chủ tịch UBND tỉnh", 2024, "1820/QĐ-UBND", new DateOnly(2024, 11, 15), "Chủ tịch UBND tỉnh",
            "Có thành tích xuất sắc trong triển khai Đề án 06 và chuyển đổi số của tỉnh.", null, "Phát triển kinh tế - xã hội gắn với bảo vệ môi trường",
            "<p>Chị Mai Thị Phương Thảo trực tiếp xây dựng nền tảng dữ liệu dùng chung của tỉnh, giúp người dân nộp hồ sơ trực tuyến nhanh hơn.</p><p>Chị là gương điển hình tiên tiến của phong trào thi đua chuyển đổi số, luôn sẵn sàng hướng dẫn đồng nghiệp ở các phòng khác.</p>"),
        new("Trung tâm Công nghệ thông tin và Truyền thông", true, "Tập thể lao động xuất sắc", 2024, "1821/QĐ-UBND", new DateOnly(2024, 11, 15), "Chủ tịch UBND tỉnh",
            "Vận hành an toàn hạ tầng số của tỉnh, không để xảy ra sự cố mất an toàn thông tin."),
        new("Hoàng Thị Yến", false, "Lao động tiên tiến", 2025, "28/QĐ-STTTT", new DateOnly(2025, 12, 26), "Giám đốc Sở", "Hoàn thành tốt nhiệm vụ được giao năm 2025."),
        new("Tạ Thị Ân", false, "Lao động tiên tiến", 2025, "28/QĐ-STTTT", new DateOnly(2025, 12, 26), "Giám đốc Sở", "Hoàn thành tốt nhiệm vụ được giao năm 2025."),
        new("Lý Thị Ngọc Ánh", false, "Lao động tiên tiến", 2025, "28/QĐ-STTTT", new DateOnly(2025, 12, 26), "Giám đốc Sở", "Hoàn thành tốt nhiệm vụ được giao năm 2025."),
        new("Phạm Quốc Đạt", false, "Chiến sĩ thi đua cơ sở", 2025, "28/QĐ-STTTT", new DateOnly(2025, 12, 26), "Giám đốc Sở",
            "Tham mưu tốt công tác thi đua, khen thưởng; xây dựng chuyên trang thi đua – khen thưởng của Sở.", null, "Xây dựng hệ thống chính trị trong sạch, vững mạnh"),
        new("Văn phòng Sở", true, "Tập thể lao động tiên tiến", 2025, "28/QĐ-STTTT", new DateOnly(2025, 12, 26), "Giám đốc Sở", "Hoàn thành tốt nhiệm vụ được giao năm 2025."),
        new("Phòng Thông tin - Báo chí - Xuất bản", true, "Giấy khen của Giám đốc Sở", 2025, "29/QĐ-STTTT", new DateOnly(2025, 12, 26), "Giám đốc Sở",
            "Có thành tích xuất sắc trong phong trào thi đua “Vì người nghèo – Không để ai bị bỏ lại phía sau”.", "Vì người nghèo – Không để ai bị bỏ lại phía sau", "Giảm nghèo bền vững, an sinh xã hội"),
        new("Dương Thị Kim Oanh", false, "Giấy khen của Giám đốc Sở", 2025, "29/QĐ-STTTT", new DateOnly(2025, 12, 26), "Giám đốc Sở",
            "Vận động quyên góp thiết bị học tập trực tuyến cho học sinh vùng khó khăn.", "Vì người nghèo – Không để ai bị bỏ lại phía sau", "Người tốt, việc tốt",
            "<p>Chị Dương Thị Kim Oanh đã kết nối các doanh nghiệp viễn thông, vận động được 120 máy tính bảng và gói cước học tập cho học sinh ở các xã vùng cao.</p>"),
        new("Đỗ Văn Dũng", false, "Kỷ niệm chương", 2025, "412/QĐ-BTTTT", new DateOnly(2025, 4, 1), "Bộ trưởng Bộ Thông tin và Truyền thông",
            "Có nhiều đóng góp cho sự nghiệp phát triển ngành Thông tin và Truyền thông."),
    ];

    public sealed record ArticleSeed(string Title, DateTime PublishedAtUtc, string Summary, string Body, string? Campaign, string[] Fields);

    public static readonly ArticleSeed[] Articles =
    [
        new("Sở Thông tin và Truyền thông ban hành kế hoạch tuyên truyền công tác thi đua, khen thưởng năm 2022", new DateTime(2022, 4, 21, 2, 0, 0, DateTimeKind.Utc),
            "Thực hiện Kế hoạch số 93/KH-UBND của UBND tỉnh, Sở ban hành kế hoạch tuyên truyền với nhiều hình thức đa dạng, phù hợp từng đối tượng.",
            "<p>Ngày 20/4/2022, Sở Thông tin và Truyền thông ban hành Kế hoạch tuyên truyền về công tác thi đua, khen thưởng năm 2022.</p><p>Kế hoạch yêu cầu chuyển tải kịp thời các nội dung chính sách về thi đua, khen thưởng; đa dạng hình thức thông tin; huy động nhiều lực lượng tham gia.</p>",
            "Tuyên truyền về công tác thi đua, khen thưởng năm 2022", ["Xây dựng hệ thống chính trị trong sạch, vững mạnh"]),
        new("Ra mắt chuyên trang thi đua – khen thưởng trên Cổng thông tin điện tử của Sở", new DateTime(2022, 6, 1, 3, 0, 0, DateTimeKind.Utc),
            "Chuyên trang giúp cán bộ, công chức, viên chức theo dõi các phong trào thi đua, văn bản và gương điển hình tiên tiến.",
            "<p>Chuyên trang tập hợp các phong trào thi đua đang triển khai, văn bản chỉ đạo, tin tức và bảng vinh danh các tập thể, cá nhân tiêu biểu.</p>",
            "Tuyên truyền về công tác thi đua, khen thưởng năm 2022", ["Người tốt, việc tốt"]),
        new("Hội nghị sơ kết 6 tháng phong trào thi đua năm 2022", new DateTime(2022, 7, 15, 8, 30, 0, DateTimeKind.Utc),
            "Các phòng, đơn vị báo cáo kết quả thực hiện đăng ký thi đua 6 tháng đầu năm và đề ra nhiệm vụ trọng tâm 6 tháng cuối năm.",
            "<p>Tại hội nghị sơ kết, lãnh đạo Sở đánh giá cao tinh thần chủ động của các phòng, đơn vị; đồng thời yêu cầu Văn phòng Sở tăng cường theo dõi, đôn đốc các đơn vị chậm báo cáo.</p>",
            "Tuyên truyền về công tác thi đua, khen thưởng năm 2022", []),
        new("Luật Thi đua, khen thưởng năm 2022 có hiệu lực từ ngày 01/01/2024", new DateTime(2023, 12, 20, 1, 0, 0, DateTimeKind.Utc),
            "Luật số 06/2022/QH15 thay thế Luật Thi đua, khen thưởng năm 2003 với nhiều điểm mới về danh hiệu và hình thức khen thưởng.",
            "<p>Luật Thi đua, khen thưởng số 06/2022/QH15 được Quốc hội thông qua ngày 15/6/2022 và có hiệu lực từ ngày 01/01/2024.</p><p>Luật quy định rõ các danh hiệu thi đua, hình thức khen thưởng và nguyên tắc ưu tiên khen thưởng cá nhân là nữ, tập thể có tỷ lệ nữ từ 70% trở lên.</p>",
            null, ["Xây dựng hệ thống chính trị trong sạch, vững mạnh"]),
        new("Tổng kết công tác thi đua, khen thưởng năm 2023", new DateTime(2023, 12, 29, 9, 0, 0, DateTimeKind.Utc),
            "Sở công nhận danh hiệu Lao động tiên tiến, Chiến sĩ thi đua cơ sở và tặng Giấy khen cho các tập thể, cá nhân tiêu biểu.",
            "<p>Năm 2023, các phòng, đơn vị đã hoàn thành tốt nhiệm vụ; nhiều mô hình mới, cách làm hay trong chuyển đổi số được nhân rộng.</p>",
            null, ["Phát triển kinh tế - xã hội gắn với bảo vệ môi trường"]),
        new("Gương người tốt, việc tốt: anh Lương Văn Ăn cứu hai cháu nhỏ trong mưa lũ", new DateTime(2023, 10, 5, 2, 0, 0, DateTimeKind.Utc),
            "Hành động dũng cảm của kỹ thuật viên Trung tâm Công nghệ thông tin và Truyền thông được nhân dân địa phương ghi nhận.",
            "<p>Đêm mưa lũ, anh Lương Văn Ăn đã không quản nguy hiểm lội nước xiết đưa hai cháu nhỏ vào bờ an toàn.</p><p>Giám đốc Sở đã tặng Giấy khen biểu dương việc làm của anh.</p>",
            null, ["Người tốt, việc tốt"]),
        new("Chung tay vì người nghèo: trao tặng 120 máy tính bảng cho học sinh vùng cao", new DateTime(2025, 9, 2, 2, 0, 0, DateTimeKind.Utc),
            "Hưởng ứng phong trào “Vì người nghèo – Không để ai bị bỏ lại phía sau”, Sở phối hợp với các doanh nghiệp viễn thông trao tặng thiết bị học tập.",
            "<p>Chương trình do Phòng Thông tin - Báo chí - Xuất bản chủ trì, kết nối các doanh nghiệp viễn thông trên địa bàn.</p>",
            "Vì người nghèo – Không để ai bị bỏ lại phía sau", ["Giảm nghèo bền vững, an sinh xã hội"]),
        new("Đẩy mạnh chuyển đổi số góp phần xây dựng nông thôn mới", new DateTime(2025, 6, 12, 2, 0, 0, DateTimeKind.Utc),
            "Hạ tầng số và các nền tảng số được đưa về tận thôn, xóm, hỗ trợ người dân tiếp cận dịch vụ công trực tuyến.",
            "<p>Các tổ công nghệ số cộng đồng hướng dẫn người dân cài đặt ứng dụng, thanh toán không dùng tiền mặt và nộp hồ sơ trực tuyến.</p>",
            "Cả nước chung sức xây dựng nông thôn mới", ["Xây dựng đời sống văn hóa, nông thôn mới, đô thị văn minh"]),
        new("Thực hiện văn hóa công sở: tổng kết giai đoạn 2019–2025", new DateTime(2025, 12, 18, 2, 0, 0, DateTimeKind.Utc),
            "Sau 7 năm, môi trường làm việc của Sở ngày càng chuyên nghiệp, kỷ cương, hướng tới phục vụ người dân và doanh nghiệp.",
            "<p>Các phòng, đơn vị đã thực hiện nghiêm quy tắc ứng xử; việc tiếp nhận, giải quyết hồ sơ đúng hạn đạt tỷ lệ cao.</p>",
            "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở", ["Xây dựng hệ thống chính trị trong sạch, vững mạnh"]),
        new("Tổng kết công tác thi đua, khen thưởng năm 2025", new DateTime(2025, 12, 27, 9, 0, 0, DateTimeKind.Utc),
            "Sở biểu dương các tập thể, cá nhân tiêu biểu và triển khai nhiệm vụ thi đua năm mới.",
            "<p>Hội nghị tổng kết đã công bố quyết định công nhận danh hiệu thi đua năm 2025 và phát động phong trào thi đua năm mới.</p>",
            null, ["Xây dựng hệ thống chính trị trong sạch, vững mạnh"]),
    ];
}
