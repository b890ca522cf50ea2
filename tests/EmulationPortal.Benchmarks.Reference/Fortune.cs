using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Benchmarks.Reference;

public sealed class Fortune
{
    public int Id { get; set; }

    public string Message { get; set; } = string.Empty;
}

public sealed class FortunesDbContext(DbContextOptions<FortunesDbContext> options) : DbContext(options)
{
    private static readonly string[] Messages =
    [
        "Thi đua là yêu nước, yêu nước thì phải thi đua.",
        "Ăn quả nhớ kẻ trồng cây.",
        "Một cây làm chẳng nên non, ba cây chụm lại nên hòn núi cao.",
        "Có công mài sắt, có ngày nên kim.",
        "Uống nước nhớ nguồn.",
        "Lá lành đùm lá rách.",
        "Đi một ngày đàng, học một sàng khôn.",
        "Không thầy đố mày làm nên.",
        "Muốn sang thì bắc cầu kiều, muốn con hay chữ thì yêu lấy thầy.",
        "Nhiễu điều phủ lấy giá gương, người trong một nước phải thương nhau cùng.",
        "Tốt gỗ hơn tốt nước sơn.",
        "<script>alert(\"Chuỗi này phải được mã hóa khi hiển thị\");</script>",
    ];

    public DbSet<Fortune> Fortunes => Set<Fortune>();

    /// <summary>Creates the table and writes the 12 rows, once per start.</summary>
    public static async Task SeedAsync(FortunesDbContext db)
    {
        await db.Database.EnsureDeletedAsync();
        await db.Database.EnsureCreatedAsync();
        db.Fortunes.AddRange(Messages.Select((m, i) => new Fortune { Id = i + 1, Message = m }));
        await db.SaveChangesAsync();
    }
}
