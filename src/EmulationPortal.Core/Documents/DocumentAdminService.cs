using EmulationPortal.Common;
using EmulationPortal.Data;
using EmulationPortal.Files;
using Microsoft.EntityFrameworkCore;

namespace EmulationPortal.Documents;

public sealed record DocumentAdminFilter(int? TypeId = null, int? Year = null, int Page = 1);

/// <summary>What the document form sends; <see cref="Files"/> are new attachments.</summary>
public sealed record DocumentInput(
    int? DocumentTypeId, string? Number, DateOnly? IssuedOn, string? Issuer, string? Signer, string? Abstract, string? Recipients,
    IReadOnlyCollection<int>? CampaignIds, IReadOnlyList<IncomingFile>? Files);

public sealed record DocumentAttachmentRow(int Id, int FileId, string OriginalName, string ContentType, long Size);

public sealed record DocumentEditData(
    int Id, int Version, int DocumentTypeId, string Number, DateOnly IssuedOn, string Issuer, string Signer, string Abstract, string Recipients,
    IReadOnlyList<int> CampaignIds, IReadOnlyList<DocumentAttachmentRow> Attachments);

/// <summary>The Office's work on official documents: metadata, attachments (checked, deduplicated), delete.</summary>
public sealed class DocumentAdminService(PortalDbContext db, PortalClock clock, FileService files, UploadOptions uploads)
{
    public const int PageSize = 20;

    public UploadOptions Uploads => uploads;

    public async Task<PagedList<DocumentListItem>> ListAsync(DocumentAdminFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Documents.AsNoTracking();
        if (filter.TypeId is { } typeId)
        {
            query = query.Where(d => d.DocumentTypeId == typeId);
        }

        if (filter.Year is { } year)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            query = query.Where(d => d.IssuedOn >= from && d.IssuedOn <= to);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id)
            .Skip((filter.Page - 1) * PageSize).Take(PageSize)
            .Select(d => new DocumentListItem(d.Id, d.Number, d.DocumentType!.Name, d.IssuedOn, d.Issuer, d.Abstract, d.Attachments.Count))
            .ToListAsync(cancellationToken);
        return new PagedList<DocumentListItem>(items, filter.Page, PageSize, total);
    }

    public async Task<DocumentEditData?> GetAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Documents.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new DocumentEditData(
                d.Id, d.Version, d.DocumentTypeId, d.Number, d.IssuedOn, d.Issuer, d.Signer, d.Abstract, d.Recipients,
                d.Campaigns.Select(c => c.Id).ToList(),
                d.Attachments.OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
                    .Select(a => new DocumentAttachmentRow(a.Id, a.StoredFileId, a.StoredFile!.OriginalName, a.StoredFile.ContentType, a.StoredFile.Size)).ToList()))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<FilterOption>> TypeOptionsAsync(CancellationToken cancellationToken = default) =>
        await db.DocumentTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new FilterOption(t.Id.ToString(), t.Name)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<int>> YearOptionsAsync(CancellationToken cancellationToken = default)
    {
        var dates = await db.Documents.AsNoTracking().Select(d => d.IssuedOn).ToListAsync(cancellationToken);
        return dates.Select(d => d.Year).Distinct().OrderDescending().ToList();
    }

    public async Task<IReadOnlyList<FilterOption>> CampaignOptionsAsync(CancellationToken cancellationToken = default) =>
        await db.Campaigns.AsNoTracking().OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id)
            .Select(c => new FilterOption(c.Id.ToString(), c.Title)).ToListAsync(cancellationToken);

    /// <summary>
    /// Creates the document with its files. A document with the same number, issuer and year is not refused (numbers are
    /// sometimes reused by mistake in the source) but reported as a warning with the saved result.
    /// </summary>
    public async Task<ServiceResult> CreateAsync(DocumentInput input, CancellationToken cancellationToken = default)
    {
        var document = new Document { CreatedAt = clock.UtcNow };
        var (errors, checkedFiles) = await ValidateAsync(document, input, cancellationToken);
        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        await ApplyAsync(document, input, cancellationToken);
        await AttachAsync(document, checkedFiles, cancellationToken);
        db.Documents.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Ok(document.Id, await DuplicateWarningsAsync(document, cancellationToken));
    }

    /// <summary>Saves the form over the version it was read at; null when the document does not exist.</summary>
    public async Task<ServiceResult?> UpdateAsync(int id, int version, DocumentInput input, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.Include(d => d.Campaigns).Include(d => d.Attachments).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return null;
        }

        var (errors, checkedFiles) = await ValidateAsync(document, input, cancellationToken);
        if (errors.Count > 0)
        {
            return ServiceResult.Fail(errors);
        }

        await ApplyAsync(document, input, cancellationToken);
        db.ExpectVersion(document, version);
        db.Entry(document).Property(d => d.Version).IsModified = true;

        // Check the version before anything is written to the file store.
        var conflict = await db.SaveOrConflictAsync(cancellationToken);
        if (conflict is not null)
        {
            return ServiceResult.NotSaved(conflict);
        }

        if (checkedFiles.Count > 0)
        {
            await AttachAsync(document, checkedFiles, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return ServiceResult.Ok(document.Id, await DuplicateWarningsAsync(document, cancellationToken));
    }

    /// <summary>The warnings to show on a saved document's page (same number, issuer and year elsewhere).</summary>
    public async Task<IReadOnlyList<ServiceError>> DuplicateWarningsAsync(int id, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        return document is null ? [] : await DuplicateWarningsAsync(document, cancellationToken);
    }

    /// <summary>Puts a new file in the place of an attachment (keeps its position); null when either is unknown.</summary>
    public async Task<ServiceResult?> ReplaceAttachmentAsync(int documentId, int attachmentId, IncomingFile? upload, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.Include(d => d.Attachments).FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        var attachment = document?.Attachments.FirstOrDefault(a => a.Id == attachmentId);
        if (attachment is null)
        {
            return null;
        }

        if (upload is null)
        {
            return ServiceResult.Fail(new ServiceError("file", "Document.ReplacementRequired"));
        }

        var (file, error) = await IncomingFiles.CheckAsync(upload, "file", uploads, UploadRules.DocumentKinds, cancellationToken);
        if (error is not null)
        {
            return ServiceResult.Fail(error);
        }

        if (await AlreadyAttachedAsync(document!, file!.Sha256, except: attachmentId, cancellationToken))
        {
            return ServiceResult.Fail(new ServiceError("file", "Document.FileAlreadyAttached", file.FileName));
        }

        attachment.StoredFile = await files.StoreAsync(file, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Ok(document!.Id);
    }

    public async Task<DocumentAttachmentRow?> FindAttachmentAsync(int documentId, int attachmentId, CancellationToken cancellationToken = default) =>
        await db.DocumentAttachments.AsNoTracking().Where(a => a.DocumentId == documentId && a.Id == attachmentId)
            .Select(a => new DocumentAttachmentRow(a.Id, a.StoredFileId, a.StoredFile!.OriginalName, a.StoredFile.ContentType, a.StoredFile.Size))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<bool> RemoveAttachmentAsync(int documentId, int attachmentId, CancellationToken cancellationToken = default)
    {
        var attachment = await db.DocumentAttachments.FirstOrDefaultAsync(a => a.DocumentId == documentId && a.Id == attachmentId, cancellationToken);
        if (attachment is null)
        {
            return false;
        }

        db.DocumentAttachments.Remove(attachment);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.Include(d => d.Attachments).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return false;
        }

        db.Documents.Remove(document);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<(List<ServiceError> Errors, List<CheckedFile> Files)> ValidateAsync(Document document, DocumentInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ServiceError>();
        if (input.DocumentTypeId is not { } typeId)
        {
            errors.Add(new ServiceError("DocumentTypeId", "Document.TypeRequired"));
        }
        else if (!await db.DocumentTypes.AnyAsync(t => t.Id == typeId, cancellationToken))
        {
            errors.Add(new ServiceError("DocumentTypeId", "Document.TypeUnknown"));
        }

        var number = DocumentNumber.Normalize(input.Number);
        if (number.Length == 0)
        {
            errors.Add(new ServiceError("Number", "Document.NumberRequired"));
        }
        else if (!DocumentNumber.IsValid(number))
        {
            errors.Add(new ServiceError("Number", "Document.NumberInvalid"));
        }

        if (input.IssuedOn is not { } issuedOn)
        {
            errors.Add(new ServiceError("IssuedOn", "Document.IssuedOnRequired"));
        }
        else if (!ContentRules.IsYearInRange(issuedOn))
        {
            errors.Add(new ServiceError("IssuedOn", "Content.YearRange", ContentRules.MinYear, ContentRules.MaxYear));
        }

        ContentRules.Text(errors, "Issuer", VietnameseText.Normalize(input.Issuer), 200, required: true, "Document.Issuer");
        ContentRules.Text(errors, "Signer", VietnameseText.Normalize(input.Signer), 150, required: false, "Document.Signer");
        ContentRules.Text(errors, "Abstract", VietnameseText.Normalize(input.Abstract), 1000, required: true, "Document.Abstract");
        ContentRules.Text(errors, "Recipients", Lines(input.Recipients), 2000, required: false, "Document.Recipients");
        await ContentRules.ExistingAsync(errors, db.Campaigns, (q, ids) => q.Where(c => ids.Contains(c.Id)), input.CampaignIds, "CampaignIds", "Document.CampaignUnknown", cancellationToken);

        var checkedFiles = new List<CheckedFile>();
        foreach (var upload in input.Files ?? [])
        {
            var (file, error) = await IncomingFiles.CheckAsync(upload, "Files", uploads, UploadRules.DocumentKinds, cancellationToken);
            if (error is not null)
            {
                errors.Add(error);
                continue;
            }

            if (checkedFiles.Any(f => f.Sha256 == file!.Sha256) || await AlreadyAttachedAsync(document, file!.Sha256, except: null, cancellationToken))
            {
                errors.Add(new ServiceError("Files", "Document.FileAlreadyAttached", file!.FileName));
                continue;
            }

            checkedFiles.Add(file);
        }

        return (errors, checkedFiles);
    }

    private async Task ApplyAsync(Document document, DocumentInput input, CancellationToken cancellationToken)
    {
        document.DocumentTypeId = input.DocumentTypeId!.Value;
        document.Number = DocumentNumber.Normalize(input.Number);
        document.IssuedOn = input.IssuedOn!.Value;
        document.Issuer = VietnameseText.Normalize(input.Issuer);
        document.Signer = VietnameseText.Normalize(input.Signer);
        document.Abstract = VietnameseText.Normalize(input.Abstract);
        document.Recipients = Lines(input.Recipients);
        var wanted = (input.CampaignIds ?? []).Distinct().ToList();
        var campaigns = wanted.Count == 0 ? [] : await db.Campaigns.Where(c => wanted.Contains(c.Id)).ToListAsync(cancellationToken);
        Campaigns.CampaignAdminService.Replace(document.Campaigns, campaigns);
    }

    private async Task AttachAsync(Document document, List<CheckedFile> checkedFiles, CancellationToken cancellationToken)
    {
        var order = document.Attachments.Count == 0 ? 0 : document.Attachments.Max(a => a.SortOrder) + 1;
        foreach (var file in checkedFiles)
        {
            var stored = await files.StoreAsync(file, cancellationToken);
            document.Attachments.Add(new DocumentAttachment { StoredFile = stored, SortOrder = order++ });
        }
    }

    private async Task<bool> AlreadyAttachedAsync(Document document, string sha256, int? except, CancellationToken cancellationToken) =>
        document.Id != 0 && await db.DocumentAttachments.AnyAsync(
            a => a.DocumentId == document.Id && a.Id != except && a.StoredFile!.Sha256 == sha256, cancellationToken);

    private async Task<IReadOnlyList<ServiceError>> DuplicateWarningsAsync(Document document, CancellationToken cancellationToken)
    {
        var year = document.IssuedOn.Year;
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var duplicates = await db.Documents.AsNoTracking()
            .Where(d => d.Id != document.Id && d.Number == document.Number && d.Issuer == document.Issuer && d.IssuedOn >= from && d.IssuedOn <= to)
            .CountAsync(cancellationToken);
        return duplicates == 0 ? [] : [new ServiceError("Number", "Document.DuplicateNumber", document.Number, document.Issuer, year)];
    }

    /// <summary>One recipient a line: trimmed, NFC, empty lines dropped.</summary>
    private static string Lines(string? value) =>
        string.Join('\n', VietnameseText.Normalize(value).Split('\n').Select(l => VietnameseText.Normalize(l)).Where(l => l.Length > 0));
}
