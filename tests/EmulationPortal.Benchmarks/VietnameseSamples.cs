namespace EmulationPortal.Benchmarks;

/// <summary>Vietnamese text of realistic length, composed from fragments with a seeded random source (repeatable).</summary>
internal sealed class VietnameseSamples(Random random)
{
    private static readonly string[] UnitPrefixes = ["Phòng", "Phòng", "Phòng", "Trung tâm", "Ban", "Chi cục", "Văn phòng", "Đội"];

    private static readonly string[] UnitSubjects =
    [
        "Kế hoạch – Tài chính", "Tổ chức cán bộ", "Văn hóa và Thông tin", "Quản lý Di sản", "Thể dục Thể thao",
        "Du lịch", "Gia đình và Cộng đồng", "Xây dựng nếp sống văn minh", "Thi đua – Khen thưởng", "Pháp chế",
        "Quản lý Văn hóa cơ sở", "Nghệ thuật biểu diễn", "Thư viện", "Bảo tàng", "Phát hành phim",
        "Huấn luyện và Thi đấu", "Xúc tiến Du lịch", "Công nghệ thông tin", "Hành chính – Quản trị", "Kiểm tra nội bộ",
    ];

    private static readonly string[] Places =
    [
        "Ba Đình", "Hoàn Kiếm", "Đống Đa", "Cầu Giấy", "Hà Đông", "Sơn Tây", "Thanh Trì", "Gia Lâm", "Đông Anh", "Sóc Sơn",
        "Mê Linh", "Ba Vì", "Phúc Thọ", "Đan Phượng", "Hoài Đức", "Quốc Oai", "Thạch Thất", "Chương Mỹ", "Thanh Oai", "Thường Tín",
        "Phú Xuyên", "Ứng Hòa", "Mỹ Đức", "Long Biên", "Tây Hồ",
    ];

    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];

    private static readonly string[] MiddleNames = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thu", "Ngọc", "Quang", "Thanh", "Xuân", "Hồng", "Bảo"];

    private static readonly string[] GivenNames = ["An", "Ánh", "Bảo", "Châu", "Dũng", "Đức", "Giang", "Hà", "Hạnh", "Hiếu", "Hoa", "Huệ", "Hùng", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Ngân", "Phúc", "Quân", "Quỳnh", "Sơn", "Thảo", "Trang", "Tuấn", "Vân", "Yến"];

    private static readonly string[] Positions = ["Chuyên viên", "Chuyên viên chính", "Phó Trưởng phòng", "Trưởng phòng", "Nhân viên", "Kế toán viên", "Giám đốc Trung tâm"];

    private static readonly string[] CampaignThemes =
    [
        "Thi đua thực hiện thắng lợi nhiệm vụ chính trị", "Đẩy mạnh cải cách hành chính", "Chuyển đổi số trong cơ quan",
        "Xây dựng cơ quan văn hóa", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "Dân vận khéo",
        "Đổi mới, sáng tạo trong quản lý", "Phát triển du lịch bền vững", "Toàn dân đoàn kết xây dựng đời sống văn hóa",
        "Cán bộ, công chức thi đua thực hiện văn hóa công sở", "Giữ gìn và phát huy giá trị di sản", "Rèn luyện thân thể theo gương Bác Hồ vĩ đại",
    ];

    private static readonly string[] Sentences =
    [
        "Trong kỳ báo cáo, đơn vị đã quán triệt kế hoạch phát động phong trào thi đua đến toàn thể cán bộ, công chức, viên chức và người lao động.",
        "Đơn vị tổ chức {0} hoạt động hưởng ứng, thu hút {1} lượt người tham gia, vượt chỉ tiêu đã đăng ký.",
        "Công tác tuyên truyền được đẩy mạnh trên Cổng thông tin điện tử và các nhóm trao đổi nội bộ.",
        "Một số nhiệm vụ còn chậm so với tiến độ do thiếu kinh phí và nhân lực, đơn vị đã đề xuất giải pháp khắc phục trong quý tới.",
        "Đã xây dựng {0} mô hình mới, sáng kiến cải tiến quy trình giải quyết thủ tục hành chính, rút ngắn thời gian xử lý hồ sơ.",
        "Đơn vị phối hợp chặt chẽ với Công đoàn và Đoàn Thanh niên tổ chức các hoạt động văn hóa, văn nghệ, thể dục thể thao.",
        "Kết quả bình xét cho thấy {0} cá nhân có thành tích tiêu biểu, được đề nghị biểu dương, khen thưởng.",
        "Trong thời gian tới, đơn vị tiếp tục duy trì các phong trào đã phát động, chú trọng nhân rộng điển hình tiên tiến.",
        "Việc ứng dụng công nghệ thông tin trong quản lý văn bản và điều hành đạt kết quả tích cực, tỷ lệ văn bản điện tử đạt trên 90%.",
        "Đơn vị kiến nghị Thường trực Hội đồng Thi đua – Khen thưởng sớm hướng dẫn tiêu chí chấm điểm cho đợt tổng kết năm.",
    ];

    private static readonly string[] Commitments =
    [
        "Đơn vị cam kết hoàn thành 100% nhiệm vụ được giao đúng tiến độ, bảo đảm chất lượng.",
        "Không có cán bộ, công chức vi phạm kỷ luật; 100% đảng viên hoàn thành tốt nhiệm vụ.",
        "Phấn đấu có ít nhất một sáng kiến được công nhận cấp cơ sở.",
        "Tích cực tham gia các hoạt động văn hóa, thể thao, từ thiện do cơ quan phát động.",
    ];

    public string UnitName(int number) =>
        $"{Pick(UnitPrefixes)} {UnitSubjects[number % UnitSubjects.Length]} {Places[number / UnitSubjects.Length % Places.Length]} số {number + 1}";

    public string PersonName() => $"{Pick(FamilyNames)} {Pick(MiddleNames)} {Pick(GivenNames)}";

    public string Position() => Pick(Positions);

    public static string CampaignTitle(int number, int year) => $"{CampaignThemes[number % CampaignThemes.Length]} năm {year} (đợt {number + 1})";

    public string CommitmentText() => string.Join(" ", Commitments.Where(_ => random.Next(3) > 0).DefaultIfEmpty(Commitments[0]));

    /// <summary>Three to five sentences wrapped in paragraphs, as the report form's sanitized rich text stores them.</summary>
    public string Narrative()
    {
        var count = 3 + random.Next(3);
        var parts = new string[count];
        for (var i = 0; i < count; i++)
        {
            parts[i] = "<p>" + string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(Sentences), random.Next(2, 30), random.Next(20, 400)) + "</p>";
        }

        return string.Concat(parts);
    }

    public string Achievement() =>
        $"Đã có thành tích xuất sắc trong phong trào thi đua {Pick(CampaignThemes).ToLowerInvariant()}, góp phần hoàn thành nhiệm vụ chính trị của đơn vị.";

    private string Pick(string[] values) => values[random.Next(values.Length)];
}
