using System.Net;
using EmulationPortal.Proposals;
using EmulationPortal.Tests.Integration;
using EmulationPortal.Tests.Proposals.Composing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static EmulationPortal.Tests.Admin.ContentTestSupport;

namespace EmulationPortal.Tests.Security.Uploads;

/// <summary>
/// Stored files are never served inline from the portal's origin unless they are re-encoded images (ASVS V5):
/// every download carries "Content-Disposition: attachment" and "X-Content-Type-Options: nosniff".
/// </summary>
public sealed class StoredFileDownloadTests(PortalAppFactory factory, ITestOutputHelper output) : IClassFixture<PortalAppFactory>
{
    private static readonly string[] InlineTypes = ["image/jpeg", "image/png", "image/webp"];

    [Fact]
    public async Task EveryAttachmentOfTheDemoDocuments_IsAnAttachmentWithNosniff()
    {
        var urls = await factory.WithDbAsync(db => db.DocumentAttachments
            .Select(a => "/van-ban/" + a.DocumentId + "/tep/" + a.StoredFileId).ToListAsync());
        Assert.NotEmpty(urls);
        var anonymous = factory.CreateClient();
        var served = 0;
        foreach (var url in urls)
        {
            using var response = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
            output.WriteLine($"{url}: {(int)response.StatusCode} {response.Content.Headers.ContentType}");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                // An attachment of an unpublished document: nothing is served.
                continue;
            }

            AssertDownload(response, url);
            served++;
        }

        Assert.True(served > 0, "No demo attachment could be downloaded.");
    }

    [Fact]
    public async Task ProposalDossierFile_IsAnAttachmentWithNosniff_ForTheUnitAndForTheOffice()
    {
        var scenario = await UnitProposalsScenario.CreateAsync(factory);
        var proposalId = await scenario.CreateProposalAsync();
        using (var upload = await scenario.UploadAsync(proposalId, ProposalDocumentKind.ReviewMinutes, null, Pdf(), "bien-ban-hop.pdf"))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }

        var documentId = await factory.WithDbAsync(db => db.ProposalDocuments.Where(d => d.ProposalId == proposalId).Select(d => d.Id).SingleAsync());
        var unitUrl = $"/don-vi/de-nghi/{proposalId}/tai-lieu/{documentId}";
        using (var response = await scenario.Reporter.GetAsync(new Uri(unitUrl, UriKind.Relative)))
        {
            AssertDownload(response, unitUrl);
        }

        // The Office sees a proposal once it is sent; the state is set directly (the workflow has its own tests).
        await factory.WithDbAsync(async db =>
        {
            var proposal = await db.Proposals.SingleAsync(p => p.Id == proposalId);
            proposal.Status = ProposalStatus.Submitted;
            return await db.SaveChangesAsync();
        });
        var admin = await TestUsers.SignedInClientAsync(factory, EmulationPortal.Accounts.Roles.Specialist);
        var officeUrl = $"/Admin/Proposals/{proposalId}/documents/{documentId}";
        using var office = await admin.GetAsync(new Uri(officeUrl, UriKind.Relative));
        AssertDownload(office, officeUrl);
    }

    [Fact]
    public async Task InlineImage_IsServedOnlyAsAnImageType_WithNosniff()
    {
        var ids = await factory.WithDbAsync(db => db.StoredFiles.Where(f => f.ContentType.StartsWith("image/")).Select(f => f.Id).ToListAsync());
        if (ids.Count == 0)
        {
            var client = await TestUsers.SignedInClientAsync(factory, EmulationPortal.Accounts.Roles.Editor);
            var token = Html.AntiforgeryToken(await client.GetStringAsync(new Uri("/Admin/Articles/Create", UriKind.Relative)));
            using var form = new MultipartFormDataContent { { new ByteArrayContent(Png()), "file", "anh.png" } };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/Admin/Articles/UploadImage") { Content = form };
            request.Headers.Add("RequestVerificationToken", token);
            using var uploaded = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
            ids = await factory.WithDbAsync(db => db.StoredFiles.Where(f => f.ContentType.StartsWith("image/")).Select(f => f.Id).ToListAsync());
        }

        foreach (var id in ids)
        {
            using var response = await factory.CreateClient().GetAsync(new Uri($"/anh/{id}", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(response.Content.Headers.ContentType?.MediaType, InlineTypes);
            Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
            Assert.NotEqual("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        }

        using var pdf = await factory.CreateClient().GetAsync(new Uri($"/anh/{await AnyPdfIdAsync()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);
    }

    private Task<int> AnyPdfIdAsync() =>
        factory.WithDbAsync(db => db.StoredFiles.Where(f => f.ContentType == "application/pdf").Select(f => f.Id).FirstAsync());

    private static void AssertDownload(HttpResponseMessage response, string url)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}.");
        Assert.True(response.Content.Headers.ContentDisposition?.DispositionType == "attachment", $"{url} is not served as an attachment.");
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var values) && values.Contains("nosniff"), $"{url} has no nosniff.");
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
