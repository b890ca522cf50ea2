using EmulationPortal.Common;
using EmulationPortal.Participation;

namespace EmulationPortal.Web.Areas.Admin.Models;

/// <summary>The Office's reminders page: rounds due soon or overdue with the units that owe reports, and the history.</summary>
public sealed record RemindersIndexViewModel(
    IReadOnlyList<DueRound> Rounds,
    DateOnly Today,
    int DaysBefore,
    PagedList<ReminderHistoryItem> History,
    AdminPager Pager,
    bool CanSend);

/// <summary>"Gửi nhắc nhở": one unit of a round, or (no unit) every unit that owes the round's report.</summary>
public sealed class SendReminderInput
{
    public int RoundId { get; set; }

    public int? UnitId { get; set; }
}
