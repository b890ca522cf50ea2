using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.Organisation;
using EmulationPortal.Proposals;
using EmulationPortal.Tests.Integration;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Tests.Proposals.Composing;

public sealed class RulesAndDisciplineAdminTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task OfficeHead_CreatesACapRule_AndAMissingPercentIsRefusedWithAMessage()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.OfficeHead);
        var (ldtt, cstdcs) = await factory.WithDbAsync(async db => (
            await db.AwardTypes.Where(a => a.Name == "Lao động tiên tiến").Select(a => a.Id).SingleAsync(),
            await db.AwardTypes.Where(a => a.Name == "Chiến sĩ thi đua cơ sở").Select(a => a.Id).SingleAsync()));
        var name = $"Giới hạn thử {Guid.NewGuid():N}"[..24];
        var fields = new Dictionary<string, string>
        {
            ["Name"] = name, ["Kind"] = ((int)AwardRuleKind.Cap).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Severity"] = "1", ["AwardTypeId"] = Id(cstdcs), ["RequiredAwardTypeId"] = Id(ldtt), ["CapScope"] = "1", ["CapPercent"] = "",
        };

        using var refused = await TestUsers.PostFormAsync(client, "/Admin/AwardRules/Create", "/Admin/AwardRules/Create", fields);
        fields["CapPercent"] = "15";
        using var saved = await TestUsers.PostFormAsync(client, "/Admin/AwardRules/Create", "/Admin/AwardRules/Create", fields);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Tỷ lệ phải lớn hơn 0", Html.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var rule = await factory.WithDbAsync(db => db.AwardRules.SingleAsync(r => r.Name == name));
        Assert.Equal((AwardRuleKind.Cap, 15m, CapScope.Agency, cstdcs), (rule.Kind, rule.CapPercent!.Value, rule.CapScope, rule.AwardTypeId!.Value));
        Assert.Contains(name, Html.Text(await client.GetStringAsync(new Uri("/Admin/AwardRules", UriKind.Relative))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Leader)]
    public async Task OtherAdminRoles_CannotOpenTheRulesOrDiscipline(string role)
    {
        var client = await TestUsers.SignedInClientAsync(factory, role);

        using var rules = await client.GetAsync(new Uri("/Admin/AwardRules", UriKind.Relative));
        using var discipline = await client.GetAsync(new Uri("/Admin/Discipline", UriKind.Relative));

        Assert.True(rules.StatusCode == HttpStatusCode.Forbidden || rules.Headers.Location?.OriginalString.Contains("/khong-co-quyen", StringComparison.Ordinal) == true, rules.StatusCode.ToString());
        Assert.True(discipline.StatusCode == HttpStatusCode.Forbidden || discipline.Headers.Location?.OriginalString.Contains("/khong-co-quyen", StringComparison.Ordinal) == true, discipline.StatusCode.ToString());
    }

    [Fact]
    public async Task Discipline_IsRecordedForAPerson_AndAnEndBeforeTheStartIsRefused()
    {
        var client = await TestUsers.SignedInClientAsync(factory, Roles.Administrator);
        var person = await factory.WithDbAsync(async db =>
        {
            var unit = await db.Units.FirstAsync();
            var staff = new StaffMember { FullName = $"Phạm Văn Kỷ {Guid.NewGuid():N}"[..24], Position = "Chuyên viên", UnitId = unit.Id };
            db.StaffMembers.Add(staff);
            await db.SaveChangesAsync();
            return staff.Id;
        });
        var fields = new Dictionary<string, string>
        {
            ["StaffMemberId"] = Id(person), ["Form"] = "Khiển trách", ["DecisionNumber"] = "12/QĐ-STTTT", ["DecidedOn"] = "2026-03-01",
            ["EffectiveFrom"] = "2026-03-01", ["EffectiveUntil"] = "2026-02-01",
        };

        using var refused = await TestUsers.PostFormAsync(client, "/Admin/Discipline/Create", "/Admin/Discipline/Create", fields);
        fields["EffectiveUntil"] = "2027-02-28";
        using var saved = await TestUsers.PostFormAsync(client, "/Admin/Discipline/Create", "/Admin/Discipline/Create", fields);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Ngày hết hiệu lực phải sau ngày bắt đầu", Html.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var record = await factory.WithDbAsync(db => db.DisciplineRecords.SingleAsync(d => d.StaffMemberId == person));
        Assert.Equal(new DateOnly(2027, 2, 28), record.EffectiveUntil);

        using var deleted = await TestUsers.PostFormAsync(client, "/Admin/Discipline", $"/Admin/Discipline/Delete/{record.Id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.DisciplineRecords.AnyAsync(d => d.StaffMemberId == person)));
    }
}
