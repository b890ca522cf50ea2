using EmulationPortal.Campaigns;
using EmulationPortal.Data;
using EmulationPortal.Organisation;
using EmulationPortal.Participation;

namespace EmulationPortal.Seeding;

/// <summary>
/// Demo registrations, rounds, reports and reminders for the current year's department campaign, with due dates placed
/// around today so the leaders' dashboard tells a story on first run: earlier rounds mostly on time, some late, some
/// missing; one round due in two days; the year-end review still ahead; one division that never registered.
/// </summary>
internal static class DemoParticipation
{
    /// <summary>The unit that did not register (and so owes every report).</summary>
    public const string UnregisteredUnit = "Phòng Bưu chính, Viễn thông";

    private static readonly (string Name, string MeasureUnit)[] Indicators =
    [
        ("Số hoạt động tổ chức", "hoạt động"),
        ("Số người tham gia", "người"),
        ("Số mô hình, sáng kiến mới", "mô hình"),
        ("Số cá nhân được khen thưởng", "người"),
    ];

    /// <summary>Rounds: name, kind, due date as days from today.</summary>
    private static readonly (string Name, ReportKind Kind, int DueInDays)[] Rounds =
    [
        ("Báo cáo tiến độ đợt 1", ReportKind.Progress, -110),
        ("Sơ kết 6 tháng", ReportKind.Interim, -75),
        ("Báo cáo tiến độ đợt 3", ReportKind.Progress, -35),
        ("Báo cáo tiến độ đợt 4", ReportKind.Progress, 2),
        ("Tổng kết năm", ReportKind.Final, 35),
    ];

    /// <summary>
    /// Per round (index as in <see cref="Rounds"/>) and unit: days after the due date the report came (negative: early),
    /// or null when missing. Units not listed have not reported.
    /// </summary>
    private static readonly Dictionary<string, int?[]> Submissions = new(StringComparer.Ordinal)
    {
        ["Văn phòng Sở"] = [-3, -2, -4, -1, null],
        ["Thanh tra Sở"] = [3, -1, 4, null, null],
        ["Phòng Kế hoạch - Tài chính"] = [-5, -3, -2, -2, null],
        ["Phòng Công nghệ thông tin"] = [-1, 6, 0, null, null],
        ["Phòng Thông tin - Báo chí - Xuất bản"] = [-2, 0, null, null, null],
        ["Trung tâm Công nghệ thông tin và Truyền thông"] = [-4, 2, -1, null, null],
    };

    /// <summary>Adds (does not save) the demo participation data for the current year's campaign.</summary>
    public static void Add(PortalDbContext db, IReadOnlyDictionary<string, Campaign> campaigns, IReadOnlyDictionary<string, Unit> units, DateOnly today, DateTime nowUtc)
    {
        if (!campaigns.TryGetValue($"Thi đua thực hiện thắng lợi nhiệm vụ chính trị năm {today.Year}", out var campaign))
        {
            return;
        }

        DateTime At(DateOnly date, int hour) => nowUtc.Date.AddHours(hour).AddDays(date.DayNumber - today.DayNumber);

        // The divisions, the Office and the centre (not the leadership, not the centre's own sections).
        var expected = units.Values.Where(u => u.Kind != UnitKind.Leadership && u.Parent is null).OrderBy(u => u.SortOrder).ToList();
        db.ParticipationSettings.Add(new ParticipationSettings
        {
            Campaign = campaign,
            RegistrationExpected = true,
            RegistrationDeadline = new DateOnly(today.Year, 3, 31),
            AllowsPersonalRegistration = true,
            ExpectedUnits = expected,
        });

        var indicators = Indicators.Select((i, n) => new CampaignIndicator { Campaign = campaign, Name = i.Name, MeasureUnit = i.MeasureUnit, SortOrder = n + 1 }).ToList();
        db.CampaignIndicators.AddRange(indicators);

        // Next year's campaign already takes registrations (units and staff personally) until the end of its first quarter.
        if (campaigns.TryGetValue($"Thi đua thực hiện thắng lợi nhiệm vụ chính trị năm {today.Year + 1}", out var next))
        {
            db.ParticipationSettings.Add(new ParticipationSettings
            {
                Campaign = next,
                RegistrationExpected = true,
                RegistrationDeadline = new DateOnly(today.Year + 1, 3, 31),
                AllowsPersonalRegistration = true,
                ExpectedUnits = expected,
            });
            db.CampaignIndicators.AddRange(Indicators.Select((i, n) => new CampaignIndicator { Campaign = next, Name = i.Name, MeasureUnit = i.MeasureUnit, SortOrder = n + 1 }));
        }

        // Early in the year the relative dates would fall before the campaign starts: keep every round after the start.
        var rounds = new List<ReportRound>();
        for (var n = 0; n < Rounds.Length; n++)
        {
            var (name, kind, dueIn) = Rounds[n];
            var due = today.AddDays(dueIn);
            var earliest = campaign.StartsOn.AddDays(20 * (n + 1));
            var round = new ReportRound
            {
                Campaign = campaign,
                Name = name,
                Kind = kind,
                DueOn = due < earliest ? earliest : due,
                SortOrder = n + 1,
            };
            rounds.Add(round);
            db.ReportRounds.Add(round);
        }

        var registeredOn = campaign.StartsOn.AddDays(20) < today.AddDays(-10) ? campaign.StartsOn.AddDays(20) : today.AddDays(-10);
        var seed = 0;
        foreach (var unit in expected.Where(u => u.Name != UnregisteredUnit))
        {
            seed++;
            var registration = new Registration
            {
                Campaign = campaign,
                Unit = unit,
                Commitments = $"{unit.Name} đăng ký phấn đấu hoàn thành xuất sắc nhiệm vụ chính trị năm {today.Year}; 100% cán bộ, công chức, viên chức đạt danh hiệu \"Lao động tiên tiến\"; có ít nhất một mô hình, sáng kiến mới được áp dụng.",
                RegisteredAt = At(registeredOn.AddDays(seed), 9),
                UpdatedAt = At(registeredOn.AddDays(seed), 9),
            };
            foreach (var (indicator, i) in indicators.Select((x, i) => (x, i)))
            {
                registration.Targets.Add(new RegistrationTarget { Indicator = indicator, Value = Target(i, seed) });
            }

            db.Registrations.Add(registration);

            if (!Submissions.TryGetValue(unit.Name, out var plan))
            {
                continue;
            }

            for (var n = 0; n < rounds.Count; n++)
            {
                if (plan[n] is not { } offset || rounds[n].DueOn.AddDays(offset) > today)
                {
                    continue;
                }

                var submittedOn = rounds[n].DueOn.AddDays(offset);
                var report = new ProgressReport
                {
                    Round = rounds[n],
                    Unit = unit,
                    Narrative = $"<p>{unit.Name} báo cáo kết quả thực hiện phong trào thi đua trong kỳ: tổ chức quán triệt kế hoạch, phát động thi đua đến từng cán bộ, công chức; các chỉ tiêu đăng ký đang được thực hiện đúng tiến độ.</p>",
                    SubmittedAt = At(submittedOn, 3),
                    SubmittedOn = submittedOn,
                    UpdatedAt = At(submittedOn, 3),
                };
                foreach (var (indicator, i) in indicators.Select((x, i) => (x, i)))
                {
                    report.Values.Add(new ProgressReportValue { Indicator = indicator, Value = Math.Max(0, Target(i, seed) * (n + 1) / 5 + ((seed + n) % 3) - 1) });
                }

                db.ProgressReports.Add(report);
            }
        }

        // Reminders the Office sent for past rounds: automatic ones three days before the due date to the units that had
        // not reported, and manual ones two days after it to the units still missing. The keys of automatic reminders
        // need the ids the database gives on saving, so these carry demo keys; the round due soon is left to the daily
        // job, which sends its automatic reminders shortly after start-up.
        foreach (var (round, n) in rounds.Select((r, n) => (r, n)))
        {
            var autoOn = round.DueOn.AddDays(-3);
            if (round.DueOn >= today)
            {
                continue;
            }

            foreach (var unit in expected)
            {
                var plan = Submissions.GetValueOrDefault(unit.Name);
                var submittedOn = plan?[n] is { } offset ? round.DueOn.AddDays(offset) : (DateOnly?)null;
                if (submittedOn is { } s && s <= autoOn)
                {
                    continue;
                }

                db.Reminders.Add(new Reminder { Round = round, Unit = unit, Kind = ReminderKind.Automatic, DedupKey = $"demo:{Guid.NewGuid():N}", SentAt = At(autoOn, 0) });
                var manualOn = round.DueOn.AddDays(2);
                if (manualOn <= today && (submittedOn is null || submittedOn > manualOn))
                {
                    db.Reminders.Add(new Reminder { Round = round, Unit = unit, Kind = ReminderKind.Manual, DedupKey = $"manual:{Guid.NewGuid():N}", SentAt = At(manualOn, 2) });
                }
            }
        }
    }

    private static decimal Target(int indicator, int seed) => indicator switch
    {
        0 => 8 + (seed * 3 % 7),
        1 => 40 + (seed * 11 % 50),
        2 => 1 + (seed % 3),
        _ => 2 + (seed % 4),
    };
}
