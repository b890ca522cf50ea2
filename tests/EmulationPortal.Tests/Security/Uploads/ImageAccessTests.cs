using System.Net;
using EmulationPortal.Accounts;
using EmulationPortal.Common;
using EmulationPortal.Files;
using EmulationPortal.News;
using EmulationPortal.Proposals;
using EmulationPortal.Tests.Integration;
using EmulationPortal.Tests.Proposals.Composing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EmulationPortal.Tests.Admin.ContentTestSupport;

namespace EmulationPortal.Tests.Security.Uploads;

/// <summary>"/anh/{id}" shows an image only to whom it belongs: no draft covers for the public, no private attachments by id.</summary>
public sealed class ImageAccessTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task DraftArticleCover_IsHiddenFromThepublic_ButShownToEditors_AndPublicOncePublished()
    {
        var coverId = await StoreImageAsync();
        var articleId = await factory.WithDbAsync(async db =>
        {
            var title = "Tin nháp có ảnh bìa " + Guid.NewGuid().ToString("N")[..8];
            var article = new Article
            {
                Title = title, Slug = VietnameseText.Slugify(title), Summary = "Tóm tắt.", Body = "<p>Nội dung.</p>", CoverImageId = coverId,
                Status = ArticleStatus.Draft, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article.Id;
        });
        var url = new Uri($"/anh/{coverId}", UriKind.Relative);

        using (var anonymous = await factory.CreateClient().GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        }

        var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        using (var preview = await editor.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            Assert.Contains("private", preview.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        }

        await factory.WithDbAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Id == articleId);
            article.Status = ArticleStatus.Published;
            article.PublishedAt = DateTime.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });
        using var published = await factory.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
    }

    [Fact]
    public async Task PhotoInAUnitsProposalDossier_IsNeverShownById()
    {
        var scenario = await UnitProposalsScenario.CreateAsync(factory);
        var proposalId = await scenario.CreateProposalAsync();
        using (var upload = await scenario.UploadAsync(proposalId, ProposalDocumentKind.Evidence, null, UploadSamples.JpegWithMetadata("bang-chung"), "anh-minh-chung.jpg"))
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }

        var fileId = await factory.WithDbAsync(db => db.ProposalDocuments.Where(d => d.ProposalId == proposalId).Select(d => d.StoredFileId).SingleAsync());
        var url = new Uri($"/anh/{fileId}", UriKind.Relative);

        using var anonymous = await factory.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        var editor = await TestUsers.SignedInClientAsync(factory, Roles.Editor);
        using var staff = await editor.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, staff.StatusCode);
    }

    private async Task<int> StoreImageAsync()
    {
        using var scope = factory.Services.CreateScope();
        var files = scope.ServiceProvider.GetRequiredService<FileService>();
        var db = scope.ServiceProvider.GetRequiredService<EmulationPortal.Data.PortalDbContext>();
        using var content = new MemoryStream(Png());
        var file = await files.StoreAsync(content, "anh-bia.png", "image/png");
        await db.SaveChangesAsync();
        return file.Id;
    }
}
