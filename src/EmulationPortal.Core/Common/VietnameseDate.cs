using System.Globalization;

namespace EmulationPortal.Common;

/// <summary>Dates as Vietnamese documents print them.</summary>
public static class VietnameseDate
{
    /// <summary>dd/MM/yyyy, the way every list shows a date.</summary>
    public static string Display(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>dd/MM/yyyy for a UTC instant, shown in the portal's time zone.</summary>
    public static string Display(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The formal line of an official document: "ngày 12 tháng 4 năm 2022".</summary>
    public static string Formal(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"ngày {date.Day:00} tháng {date.Month} năm {date.Year}");
}
