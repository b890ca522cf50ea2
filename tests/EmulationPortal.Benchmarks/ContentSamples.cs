using System.Globalization;
using System.Text;

namespace EmulationPortal.Benchmarks;

/// <summary>
/// News articles and documents for the search benchmark: Vietnamese text of realistic length and word spread,
/// composed from fragments with a seeded random source (repeatable). Each article has a topic, so words like
/// "thi đua" and "khen thưởng" are common without being everywhere; named places of interest are drawn with a
/// long tail (Zipf), so some names occur in a few hundred articles and others in a few dozen.
/// </summary>
internal sealed class ContentSamples(Random random)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] Organisations =
    [
        "Sở Văn hóa và Thể thao", "Công đoàn Sở", "Đoàn Thanh niên Sở", "Trung tâm Văn hóa tỉnh", "Thư viện tỉnh", "Bảo tàng tỉnh",
        "Nhà hát Chèo", "Trung tâm Huấn luyện và Thi đấu thể thao", "Ban Quản lý di tích", "Trung tâm Xúc tiến Du lịch",
        "Phòng Văn hóa và Thông tin huyện", "Hội đồng Thi đua – Khen thưởng Sở", "Ủy ban nhân dân tỉnh", "Chi bộ Văn phòng Sở",
    ];

    private static readonly string[] Places =
    [
        "Ba Đình", "Hoàn Kiếm", "Đống Đa", "Cầu Giấy", "Hà Đông", "Sơn Tây", "Thanh Trì", "Gia Lâm", "Đông Anh", "Sóc Sơn",
        "Mê Linh", "Ba Vì", "Phúc Thọ", "Đan Phượng", "Hoài Đức", "Quốc Oai", "Thạch Thất", "Chương Mỹ", "Thanh Oai", "Thường Tín",
        "Phú Xuyên", "Ứng Hòa", "Mỹ Đức", "Long Biên", "Tây Hồ",
    ];

    /// <summary>Places of interest, most mentioned first (drawn with Zipf weights): the tail names are rare words.</summary>
    private static readonly string[] Landmarks =
    [
        "Văn Miếu – Quốc Tử Giám", "Hoàng thành Thăng Long", "Chùa Hương", "Thành cổ Sơn Tây", "Làng cổ Đường Lâm", "Đền Gióng",
        "Làng gốm Bát Tràng", "Làng lụa Vạn Phúc", "Khu di tích Cổ Loa", "Chùa Thầy", "Chùa Tây Phương", "Đền Sóc",
        "Vườn quốc gia Ba Vì", "Hồ Gươm", "Đền Ngọc Sơn", "Chùa Trấn Quốc", "Phố cổ Hà Nội", "Nhà tù Hỏa Lò", "Chùa Một Cột",
        "Làng nón Chuông", "Làng quạt Chàng Sơn", "Làng khảm trai Chuyên Mỹ", "Làng mây tre đan Phú Vinh", "Làng sơn mài Hạ Thái",
        "Đình Tây Đằng", "Chùa Mía", "Đền Và", "Đình Chu Quyến", "Làng tranh Đông Hồ", "Làng rối nước Đào Thục",
        "Làng ca trù Lỗ Khê", "Đình Thụy Phiêu", "Chùa Bối Khê", "Đền Hai Bà Trưng", "Làng múa rối Thạch Xá",
        "Hang Trầm", "Đầm Vân Long", "Suối Yến", "Động Hương Tích",
    ];

    private static readonly string[] Sports = ["bóng đá", "bóng chuyền", "cầu lông", "bóng bàn", "điền kinh", "cờ tướng", "kéo co", "việt dã", "quần vợt", "bơi lội"];

    private static readonly string[] Arts = ["hát chèo", "ca trù", "hát xẩm", "múa rối nước", "quan họ", "văn nghệ quần chúng", "nhiếp ảnh", "thư pháp", "hội họa", "âm nhạc"];

    private static readonly string[] Occasions =
    [
        "kỷ niệm Ngày Quốc khánh 2/9", "chào mừng Đại hội Đảng bộ tỉnh", "kỷ niệm Ngày Thương binh – Liệt sĩ 27/7",
        "chào mừng Ngày Văn hóa các dân tộc Việt Nam", "mừng Đảng, mừng Xuân", "kỷ niệm Ngày Gia đình Việt Nam 28/6",
        "hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam", "kỷ niệm Ngày Thể thao Việt Nam 27/3", "chào mừng Ngày Di sản Văn hóa Việt Nam 23/11",
    ];

    private static readonly string[] Themes =
    [
        "thi đua thực hiện thắng lợi nhiệm vụ chính trị", "đẩy mạnh cải cách hành chính", "chuyển đổi số trong cơ quan nhà nước",
        "xây dựng cơ quan văn hóa", "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "dân vận khéo",
        "đổi mới, sáng tạo trong quản lý", "phát triển du lịch bền vững", "toàn dân đoàn kết xây dựng đời sống văn hóa",
        "khuyến học, khuyến tài", "giữ gìn và phát huy giá trị di sản", "rèn luyện thân thể theo gương Bác Hồ vĩ đại",
    ];

    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];

    private static readonly string[] MiddleNames = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thu", "Ngọc", "Quang", "Thanh", "Xuân", "Hồng", "Bảo"];

    private static readonly string[] GivenNames = ["An", "Ánh", "Bảo", "Châu", "Dũng", "Đức", "Giang", "Hà", "Hạnh", "Hiếu", "Hoa", "Huệ", "Hùng", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Ngân", "Phúc", "Quân", "Quỳnh", "Sơn", "Thảo", "Trang", "Tuấn", "Vân", "Yến"];

    /// <summary>Title templates per topic: {o} organisation, {p} place, {l} landmark, {s} sport, {a} art, {c} occasion, {t} theme, {y} year, {n} number.</summary>
    private static readonly string[][] Titles =
    [
        // 0 emulation and commendation
        [
            "{o} tổ chức hội nghị sơ kết phong trào thi đua {t} 6 tháng đầu năm {y}",
            "Khen thưởng {n} tập thể, cá nhân có thành tích xuất sắc trong phong trào {t}",
            "Phát động phong trào thi đua {t} giai đoạn {y}–{y5}",
            "Tuyên dương điển hình tiên tiến huyện {p} năm {y}",
            "Hội nghị tổng kết công tác thi đua, khen thưởng năm {y} và triển khai nhiệm vụ năm {y1}",
            "Nâng cao hiệu quả công tác thi đua, khen thưởng tại {o}",
            "Trao Bằng khen của Chủ tịch UBND tỉnh cho {n} tập thể, cá nhân huyện {p}",
            "Gặp mặt, biểu dương người tốt, việc tốt {c}",
        ],
        // 1 culture and heritage
        [
            "Bảo tồn và phát huy giá trị di tích {l}",
            "Khai mạc Lễ hội truyền thống {l} năm {y}",
            "Liên hoan {a} tỉnh năm {y}: {n} đơn vị tham gia",
            "Tu bổ, tôn tạo {l}: hoàn thành giai đoạn một",
            "Đêm {a} {c} tại huyện {p}",
            "Hội thảo khoa học về giá trị lịch sử, văn hóa của {l}",
            "Tập huấn nghiệp vụ quản lý di sản cho cán bộ văn hóa huyện {p}",
        ],
        // 2 sports
        [
            "Sôi nổi giải {s} công nhân viên chức {c}",
            "Bế mạc Đại hội Thể dục thể thao huyện {p} lần thứ {n}",
            "Giải {s} tỉnh năm {y} thu hút {n} vận động viên",
            "Đoàn thể thao tỉnh giành {n} huy chương tại giải {s} toàn quốc",
            "Hưởng ứng Ngày chạy Olympic vì sức khỏe toàn dân năm {y} tại {p}",
        ],
        // 3 tourism
        [
            "Quảng bá du lịch {l} đến du khách trong và ngoài nước",
            "Phát triển sản phẩm du lịch cộng đồng gắn với {l}",
            "Năm {y}, huyện {p} đón hơn {n} nghìn lượt khách du lịch",
            "Khảo sát tuyến du lịch kết nối {l} và huyện {p}",
            "Hội nghị xúc tiến du lịch tỉnh năm {y}",
        ],
        // 4 administration and digital transformation
        [
            "Đẩy mạnh cải cách hành chính, chuyển đổi số tại {o}",
            "{o} triển khai phần mềm quản lý văn bản và hồ sơ công việc",
            "Tập huấn kỹ năng số cho cán bộ, công chức huyện {p}",
            "Công bố chỉ số cải cách hành chính năm {y}",
            "Hội nghị cán bộ, công chức, viên chức {o} năm {y}",
        ],
        // 5 family, libraries, community
        [
            "Ngày hội đọc sách {c} tại Thư viện tỉnh",
            "Xây dựng gia đình văn hóa, thôn, tổ dân phố văn hóa tại huyện {p}",
            "Trao tặng {n} tủ sách cho trường học vùng khó khăn huyện {p}",
            "Hội thi tuyên truyền phòng, chống bạo lực gia đình năm {y}",
            "Giải thưởng sáng tác văn học, nghệ thuật về đề tài {l}",
        ],
    ];

    /// <summary>Body sentences per topic (same order as <see cref="Titles"/>), plus sentences any article may use.</summary>
    private static readonly string[][] Sentences =
    [
        [
            "Phong trào thi đua {t} được triển khai sâu rộng đến từng cơ quan, đơn vị, thu hút đông đảo cán bộ, công chức, viên chức và người lao động tham gia.",
            "Hội đồng Thi đua – Khen thưởng đã xét, đề nghị khen thưởng {n} tập thể và {n2} cá nhân có thành tích xuất sắc.",
            "Đồng chí {person}, Giám đốc Sở, nhấn mạnh công tác khen thưởng phải kịp thời, chính xác, công khai, minh bạch.",
            "Nhiều mô hình hay, cách làm sáng tạo được phát hiện, bồi dưỡng và nhân rộng trong phong trào thi đua yêu nước.",
            "Các đơn vị đã ký giao ước thi đua năm {y}, cam kết hoàn thành toàn diện các chỉ tiêu được giao.",
            "Việc bình xét danh hiệu Lao động tiên tiến, Chiến sĩ thi đua cơ sở được thực hiện đúng quy trình, bảo đảm dân chủ.",
            "Tại hội nghị, {n} điển hình tiên tiến đã chia sẻ kinh nghiệm trong tổ chức thực hiện phong trào.",
        ],
        [
            "{l} là di tích có giá trị đặc biệt về lịch sử, văn hóa, kiến trúc nghệ thuật, thu hút đông đảo nhân dân và du khách.",
            "Ban tổ chức đã chuẩn bị chu đáo phần lễ trang nghiêm và phần hội với nhiều trò chơi dân gian đặc sắc.",
            "Chương trình {a} với {n} tiết mục đặc sắc đã để lại ấn tượng sâu sắc trong lòng khán giả.",
            "Công tác quản lý, bảo vệ di tích được tăng cường, không để xảy ra tình trạng lấn chiếm, xâm hại di tích.",
            "Các nghệ nhân đã truyền dạy kỹ năng biểu diễn cho {n} học viên là thanh thiếu niên địa phương.",
            "Hồ sơ khoa học di tích đã được hoàn thiện, trình cấp có thẩm quyền xem xét xếp hạng.",
        ],
        [
            "Giải đấu diễn ra trong {n} ngày với tinh thần thi đấu trung thực, cao thượng, đoàn kết.",
            "Các vận động viên đã thi đấu hết mình, nhiều trận đấu hấp dẫn, kịch tính đến phút cuối cùng.",
            "Ban tổ chức đã trao {n} bộ huy chương cho các vận động viên xuất sắc ở các nội dung thi đấu.",
            "Phong trào rèn luyện thân thể theo gương Bác Hồ vĩ đại ngày càng lan tỏa trong cán bộ, công chức.",
            "Đoàn thể thao huyện {p} xếp thứ nhất toàn đoàn, đoàn huyện {p2} xếp thứ nhì.",
        ],
        [
            "Lượng khách du lịch đến địa phương tăng {n}% so với cùng kỳ năm trước, doanh thu đạt hơn {n2} tỷ đồng.",
            "Các sản phẩm du lịch văn hóa, tâm linh, sinh thái gắn với {l} được đầu tư, nâng cao chất lượng.",
            "Đoàn khảo sát đã làm việc với chính quyền địa phương, các doanh nghiệp lữ hành và hộ kinh doanh homestay.",
            "Công tác quảng bá, xúc tiến du lịch trên môi trường số được đẩy mạnh, thu hút sự quan tâm của du khách trẻ.",
            "Địa phương chú trọng bảo đảm vệ sinh môi trường, an ninh trật tự tại các điểm tham quan.",
        ],
        [
            "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn đạt {n}%, không có hồ sơ quá hạn.",
            "{n}% văn bản được trao đổi dưới dạng điện tử, có ký số, trừ văn bản mật theo quy định.",
            "Các phòng, đơn vị thuộc Sở đã rà soát, đơn giản hóa {n} thủ tục hành chính thuộc lĩnh vực văn hóa, thể thao và du lịch.",
            "Hội nghị đã thảo luận, thông qua quy chế chi tiêu nội bộ và quy chế dân chủ ở cơ sở năm {y}.",
            "Cán bộ, công chức được tập huấn sử dụng chữ ký số, hệ thống thư điện tử công vụ và nền tảng họp trực tuyến.",
        ],
        [
            "Chương trình thu hút {n} lượt bạn đọc, trong đó phần lớn là học sinh, sinh viên.",
            "Phong trào toàn dân đoàn kết xây dựng đời sống văn hóa tiếp tục được triển khai hiệu quả ở khu dân cư.",
            "Tỷ lệ hộ gia đình đạt danh hiệu Gia đình văn hóa năm {y} đạt {n}%.",
            "Các đội tuyên truyền đã mang đến những tiểu phẩm sinh động về phòng, chống bạo lực gia đình.",
            "Thư viện đã luân chuyển {n2} bản sách đến các điểm bưu điện văn hóa xã và trường học.",
        ],
        [
            "Phát biểu tại buổi lễ, đồng chí {person} ghi nhận và đánh giá cao những kết quả mà các đơn vị đã đạt được.",
            "Trong thời gian tới, ngành văn hóa, thể thao và du lịch tiếp tục đổi mới nội dung, phương thức hoạt động.",
            "Dịp này, Ban tổ chức đã trao quà lưu niệm cho các đơn vị tham gia.",
            "Theo kế hoạch, chương trình sẽ được tổ chức định kỳ hằng năm nhằm tạo sân chơi bổ ích cho nhân dân.",
            "Các lực lượng chức năng đã phối hợp bảo đảm an ninh, trật tự, an toàn giao thông trong suốt thời gian diễn ra sự kiện.",
            "Nhiều ý kiến tham luận tập trung phân tích nguyên nhân, đề xuất giải pháp khắc phục những hạn chế còn tồn tại.",
            "Báo, đài địa phương đã đưa tin, phản ánh kịp thời các hoạt động.",
            "Kinh phí tổ chức được huy động từ ngân sách nhà nước và nguồn xã hội hóa.",
            "Được biết, đây là năm thứ {n3} liên tiếp địa phương tổ chức hoạt động này.",
            "Sự kiện góp phần quan trọng vào việc thực hiện thắng lợi nhiệm vụ chính trị của địa phương năm {y}.",
            "Đông đảo nhân dân huyện {p} đã đến dự và cổ vũ cho chương trình.",
            "Hoạt động được tổ chức {c}, bảo đảm an toàn, tiết kiệm, hiệu quả.",
        ],
    ];

    private static readonly double[] LandmarkWeights = ZipfWeights(Landmarks.Length, 1.1);

    /// <summary>Issuers of documents: name and the symbol used in numbers.</summary>
    private static readonly (string Name, string Symbol, string Signer)[] Issuers =
    [
        ("Ủy ban nhân dân tỉnh", "UBND", "Phó Chủ tịch UBND tỉnh"), ("Sở Văn hóa và Thể thao", "SVHTT", "Giám đốc Sở"),
        ("Sở Nội vụ", "SNV", "Giám đốc Sở Nội vụ"), ("Ban Thi đua – Khen thưởng", "BTĐKT", "Trưởng ban"),
        ("Hội đồng Thi đua – Khen thưởng tỉnh", "HĐTĐKT", "Chủ tịch Hội đồng"), ("Sở Giáo dục và Đào tạo", "SGDĐT", "Giám đốc Sở"),
        ("Sở Du lịch", "SDL", "Giám đốc Sở"), ("Công đoàn Viên chức tỉnh", "CĐVC", "Chủ tịch Công đoàn"),
    ];

    private static readonly string[] Departments = ["TĐKT", "VP", "TCCB", "KHTC", "QLVH", "QLDS", "TDTT", "NV", "PC"];

    private static readonly string[] AbstractTemplates =
    [
        "Về việc khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong phong trào {t} năm {y}",
        "Kế hoạch tổ chức phong trào thi đua {t} năm {y}",
        "Hướng dẫn công tác thi đua, khen thưởng năm {y}",
        "Về việc tặng danh hiệu Lao động tiên tiến, Chiến sĩ thi đua cơ sở năm {y}",
        "Về việc tổ chức Lễ hội truyền thống {l} năm {y}",
        "Về việc tăng cường công tác quản lý, bảo vệ di tích {l}",
        "Báo cáo tổng kết công tác văn hóa, thể thao và du lịch năm {y}, phương hướng nhiệm vụ năm {y1}",
        "Về việc đẩy mạnh cải cách hành chính, chuyển đổi số năm {y}",
        "Thông báo kết luận của Giám đốc Sở tại hội nghị giao ban tháng {m}/{y}",
        "Về việc tổ chức giải {s} công nhân viên chức năm {y}",
        "Về việc đề nghị xét tặng Bằng khen của Chủ tịch UBND tỉnh cho {n} tập thể, cá nhân",
        "Quy chế thi đua, khen thưởng của {o}",
    ];

    private static readonly string[] DocumentSentences =
    [
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
        "Căn cứ Quyết định số {n}/QĐ-UBND ngày {d} tháng {m} năm {y} của Ủy ban nhân dân tỉnh quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở;",
        "Xét đề nghị của Trưởng phòng Tổ chức cán bộ và Thường trực Hội đồng Thi đua – Khen thưởng Sở.",
        "Điều {n3}. Tặng danh hiệu Lao động tiên tiến năm {y} cho {n} cá nhân có tên trong danh sách kèm theo.",
        "Điều {n3}. Tặng Giấy khen của Giám đốc Sở cho ông (bà) {person}, {position}, đã có thành tích xuất sắc trong phong trào {t}.",
        "Mỗi cá nhân được tặng Giấy khen kèm theo mức tiền thưởng theo quy định tại Nghị định số 98/2023/NĐ-CP.",
        "Điều {n3}. Chánh Văn phòng, Trưởng các phòng, Thủ trưởng các đơn vị thuộc Sở và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
        "I. MỤC ĐÍCH, YÊU CẦU. Tạo khí thế thi đua sôi nổi, động viên cán bộ, công chức, viên chức và người lao động hoàn thành xuất sắc nhiệm vụ năm {y}.",
        "II. NỘI DUNG THI ĐUA. Thực hiện tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước; hoàn thành {n}% chỉ tiêu kế hoạch được giao.",
        "Đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong quản lý, điều hành; {n}% hồ sơ công việc được xử lý trên môi trường mạng.",
        "III. TỔ CHỨC THỰC HIỆN. Các phòng, đơn vị xây dựng kế hoạch cụ thể, gửi về Văn phòng Sở trước ngày {d}/{m}/{y}.",
        "Giao Phòng Quản lý di sản chủ trì, phối hợp với Ủy ban nhân dân huyện {p} kiểm tra hiện trạng di tích {l}.",
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các đơn vị phản ánh về Thường trực Hội đồng Thi đua – Khen thưởng để được hướng dẫn.",
        "Kết quả năm {y}: tổ chức {n} hoạt động văn hóa, thể thao; {n2} lượt người tham gia; {n} mô hình, sáng kiến được công nhận.",
        "Tồn tại, hạn chế: một số đơn vị chưa quan tâm đúng mức đến công tác phát hiện, bồi dưỡng điển hình tiên tiến.",
        "Danh sách kèm theo: {person} – {position}; {person2} – {position}; {person3} – {position}.",
        "Nơi nhận: Như Điều 3; Ban Thi đua – Khen thưởng tỉnh; Lãnh đạo Sở; Lưu: VT, TCCB.",
    ];

    private static readonly string[] Positions = ["Chuyên viên", "Chuyên viên chính", "Phó Trưởng phòng", "Trưởng phòng", "Nhân viên", "Kế toán viên", "Giám đốc Trung tâm"];

    public int Topic() => random.Next(100) switch
    {
        < 25 => 0, // emulation and commendation: the portal's own subject
        < 45 => 1,
        < 60 => 2,
        < 72 => 3,
        < 86 => 4,
        _ => 5,
    };

    public string ArticleTitle(int topic, int year) => Fill(Pick(Titles[topic]), year);

    public string ArticleSummary(int topic, int year) =>
        Fill(Pick(Sentences[topic]), year) + " " + Fill(Pick(Sentences[^1]), year);

    /// <summary>Six to ten paragraphs of two to four sentences, as the editor's sanitized HTML stores them.</summary>
    public string ArticleBody(int topic, int year)
    {
        var html = new StringBuilder(4096);
        var paragraphs = 6 + random.Next(5);
        for (var p = 0; p < paragraphs; p++)
        {
            html.Append("<p>");
            var sentences = 2 + random.Next(3);
            for (var s = 0; s < sentences; s++)
            {
                var pool = random.Next(4) == 0 ? Sentences[^1] : random.Next(25) == 0 ? Sentences[random.Next(Sentences.Length)] : Sentences[topic];
                if (s > 0)
                {
                    html.Append(' ');
                }

                html.Append(Fill(Pick(pool), year));
            }

            html.Append("</p>");
            if (p == 2 && random.Next(4_000) == 0)
            {
                // A rare word: about one article in 4,000 mentions the Thái people's xòe dance.
                html.Append("<p>Đội văn nghệ của đồng bào dân tộc Thái đã biểu diễn điệu múa xòe truyền thống, mời du khách cùng tham gia.</p>");
            }

            if (p == 1 && random.Next(5) == 0)
            {
                html.Append("<h3>").Append(Fill(Pick(Titles[topic]), year)).Append("</h3>");
            }
        }

        return html.ToString();
    }

    /// <summary>An issuer (the province and the department itself most often), its symbol, signer, and an abstract.</summary>
    public (string Issuer, string Symbol, string Signer, string Abstract) DocumentMeta(int year)
    {
        var issuer = Issuers[Math.Min(Issuers.Length - 1, (int)(random.NextDouble() * random.NextDouble() * Issuers.Length * 1.6))];
        return (issuer.Name, issuer.Symbol, issuer.Signer, Fill(Pick(AbstractTemplates), year));
    }

    /// <summary>
    /// Số, ký hiệu in the style of its type (Decree 30/2020/NĐ-CP): "93/KH-UBND", "15/QĐ-SNV", "06/2022/QH15",
    /// "34-CT/TW", "424/SGDĐT-TĐKT", "12/2024/NĐ-CP". <paramref name="serial"/> counts per issuer, type and year.
    /// </summary>
    public static string DocumentNumber(string typeCode, string issuerSymbol, int year, int serial) => typeCode switch
    {
        "QH" => string.Create(Inv, $"{serial:00}/{year}/QH{(year < 2021 ? 14 : 15)}"),
        "NĐ-CP" => string.Create(Inv, $"{serial:00}/{year}/NĐ-CP"),
        "TT" => string.Create(Inv, $"{serial:00}/{year}/TT-BVHTTDL"),
        "CT" when issuerSymbol == "UBND" && serial % 5 == 0 => string.Create(Inv, $"{serial:00}-CT/TU"),
        "" => string.Create(Inv, $"{serial}/{issuerSymbol}-{Departments[serial % Departments.Length]}"),
        "QĐ" when serial % 17 == 0 => string.Create(Inv, $"{serial:00}/{year}/QĐ-{issuerSymbol}"),
        _ => string.Create(Inv, $"{serial:00}/{typeCode}-{issuerSymbol}"),
    };

    /// <summary>A page or two of text as extracted from the attached PDF (about 2,500–6,000 characters).</summary>
    public string DocumentText(string number, string issuer, string abstractText, int year)
    {
        var text = new StringBuilder(6000);
        text.Append("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – Hạnh phúc ")
            .Append(issuer.ToUpperInvariant()).Append(" Số: ").Append(number).Append(' ')
            .Append(abstractText).Append(". ");
        var sentences = 18 + random.Next(30);
        for (var i = 0; i < sentences; i++)
        {
            text.Append(Fill(DocumentSentences[(i + random.Next(3)) % DocumentSentences.Length], year)).Append(' ');
        }

        return text.ToString().TrimEnd();
    }

    public string PersonName() => $"{Pick(FamilyNames)} {Pick(MiddleNames)} {Pick(GivenNames)}";

    private string Fill(string template, int year)
    {
        var result = new StringBuilder(template.Length + 64);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                result.Append(template[i]);
                continue;
            }

            var end = template.IndexOf('}', i);
            var key = template[(i + 1)..end];
            i = end;
            result.Append(key switch
            {
                "o" => Pick(Organisations),
                "p" or "p2" => Pick(Places),
                "l" => Landmark(),
                "s" => Pick(Sports),
                "a" => Pick(Arts),
                "c" => Pick(Occasions),
                "t" => Pick(Themes),
                "y" => year.ToString(Inv),
                "y1" => (year + 1).ToString(Inv),
                "y5" => (year + 5).ToString(Inv),
                "m" => (1 + random.Next(12)).ToString(Inv),
                "d" => (1 + random.Next(28)).ToString(Inv),
                "n" => random.Next(3, 120).ToString(Inv),
                "n2" => random.Next(120, 5000).ToString("N0", CultureInfo.GetCultureInfo("vi-VN")),
                "n3" => (1 + random.Next(4)).ToString(Inv),
                "person" or "person2" or "person3" => PersonName(),
                "position" => Pick(Positions),
                _ => key,
            });
        }

        return result.ToString();
    }

    private string Landmark()
    {
        var x = random.NextDouble();
        for (var i = 0; i < LandmarkWeights.Length; i++)
        {
            x -= LandmarkWeights[i];
            if (x <= 0)
            {
                return Landmarks[i];
            }
        }

        return Landmarks[^1];
    }

    private static double[] ZipfWeights(int count, double exponent)
    {
        var weights = Enumerable.Range(1, count).Select(rank => 1 / Math.Pow(rank, exponent)).ToArray();
        var sum = weights.Sum();
        return weights.Select(w => w / sum).ToArray();
    }

    private string Pick(string[] values) => values[random.Next(values.Length)];
}
