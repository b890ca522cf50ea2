using System.Net;
using System.Text.RegularExpressions;
using EmulationPortal.Accounts;
using EmulationPortal.Data;
using EmulationPortal.Honors;
using EmulationPortal.Organisation;
using EmulationPortal.Proposals;
using EmulationPortal.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmulationPortal.Tests.Proposals.Composing;

/// <summary>
/// Units A (with a sub-unit A1) and B, staff in each, and an award type of this test that requires the review minutes
/// and an achievement report per nominee; a signed-in reporter of unit A.
/// </summary>
internal sealed record UnitProposalsScenario(
    HttpClient Reporter, int UnitA, int UnitA1, int UnitB, int PersonA, int PersonA1, int PersonB, int AwardId, string AwardName, string PersonAName, string Tag)
{
    public static async Task<UnitProposalsScenario> CreateAsync(PortalAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var tag = Guid.NewGuid().ToString("N")[..8];
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var a = new Unit { Name = $"Phòng Đề nghị A {tag}", Kind = UnitKind.Division, SortOrder = 900 };
        var a1 = new Unit { Name = $"Tổ Đề nghị A1 {tag}", Kind = UnitKind.Division, SortOrder = 901, Parent = a };
        var b = new Unit { Name = $"Phòng Đề nghị B {tag}", Kind = UnitKind.Division, SortOrder = 902 };
        var personA = new StaffMember { FullName = $"Nguyễn Thị Ánh {tag}", Position = "Chuyên viên", Gender = Gender.Female, Unit = a };
        var personA1 = new StaffMember { FullName = $"Trần Văn Bình {tag}", Position = "Kế toán", Unit = a1 };
        var personB = new StaffMember { FullName = $"Lê Văn Cường {tag}", Position = "Thanh tra viên", Unit = b };
        var award = new AwardType
        {
            Name = $"Giấy khen thử nghiệm {tag}", Category = AwardCategory.CommendationForm, RecipientKind = RecipientKind.Both,
            RequiredDocuments = RequiredDocuments.ReviewMinutes | RequiredDocuments.AchievementReport, SortOrder = 999,
        };
        db.AddRange(a, a1, b, personA, personA1, personB, award);
        await db.SaveChangesAsync();
        var reporter = await ReporterAsync(factory, a.Id);
        return new UnitProposalsScenario(reporter, a.Id, a1.Id, b.Id, personA.Id, personA1.Id, personB.Id, award.Id, award.Name, personA.FullName, tag);
    }

    public static async Task<HttpClient> ReporterAsync(PortalAppFactory factory, int unitId)
    {
        var userName = await TestUsers.CreateAsync(factory, Roles.UnitReporter, unitId: unitId);
        var client = factory.CreateBrowserlikeClient();
        using var response = await TestUsers.SignInAsync(client, userName, TestUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Creates a draft through the form and returns its id.</summary>
    public async Task<int> CreateProposalAsync(int? year = null)
    {
        using var response = await TestUsers.PostFormAsync(Reporter, "/don-vi/de-nghi/tao-moi", "/don-vi/de-nghi/tao-moi", new Dictionary<string, string>
        {
            ["Kind"] = "0", ["Year"] = (year ?? DateTime.UtcNow.Year).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(Regex.Match(response.Headers.Location!.OriginalString, @"/(\d+)$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<int> VersionAsync(PortalAppFactory factory, int proposalId) =>
        await factory.WithDbAsync(db => db.Proposals.Where(p => p.Id == proposalId).Select(p => p.Version).SingleAsync());

    public async Task<HttpResponseMessage> AddPersonAsync(PortalAppFactory factory, int proposalId, int staffId, int? awardId = null) =>
        await TestUsers.PostFormAsync(Reporter, $"/don-vi/de-nghi/{proposalId}", $"/don-vi/de-nghi/{proposalId}/de-cu", new Dictionary<string, string>
        {
            ["Kind"] = "0", ["StaffMemberId"] = staffId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AwardTypeId"] = (awardId ?? AwardId).ToString(System.Globalization.CultureInfo.InvariantCulture), ["Achievement"] = "Hoàn thành xuất sắc nhiệm vụ.",
            ["Version"] = (await VersionAsync(factory, proposalId)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    public async Task<HttpResponseMessage> UploadAsync(int proposalId, ProposalDocumentKind kind, int? nomineeId, byte[] content, string fileName)
    {
        var page = await Reporter.GetStringAsync(new Uri($"/don-vi/de-nghi/{proposalId}", UriKind.Relative));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(((int)kind).ToString(System.Globalization.CultureInfo.InvariantCulture)), "kind" },
            { new StringContent(nomineeId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty), "nomineeId" },
            { new StringContent(string.Empty), "title" },
            { new ByteArrayContent(content), "file", fileName },
        };
        return await Reporter.PostAsync(new Uri($"/don-vi/de-nghi/{proposalId}/tai-lieu", UriKind.Relative), form);
    }

    public async Task<HttpResponseMessage> MoveAsync(PortalAppFactory factory, int proposalId, ProposalAction action) =>
        await TestUsers.PostFormAsync(Reporter, $"/don-vi/de-nghi/{proposalId}", $"/don-vi/de-nghi/{proposalId}/chuyen", new Dictionary<string, string>
        {
            ["action"] = ((int)action).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["version"] = (await VersionAsync(factory, proposalId)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
}
