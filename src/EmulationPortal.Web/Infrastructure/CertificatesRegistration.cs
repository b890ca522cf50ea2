using EmulationPortal.Certificates;
using EmulationPortal.Organisation;
using EmulationPortal.Proposals;
using EmulationPortal.Web.Resources;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>Services of certificates and their verification, and of the public consultation.</summary>
internal static class CertificatesRegistration
{
    public static IServiceCollection AddCertificates(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddScoped<CertificateService>();
        services.AddScoped<CertificateDocuments>();
        services.AddScoped<ConsultationService>();
        return services;
    }
}

/// <summary>
/// Turns certificates into a PDF for a request: the Vietnamese words from CertificatesResource, the organisation's
/// name, each award type's layout, and the QR code's address (Portal:BaseUrl, else the request's origin).
/// </summary>
public sealed class CertificateDocuments(
    CertificateService certificates, OrganisationService organisation, PublicUrls urls, IStringLocalizer<CertificatesResource> t)
{
    public const string ContentType = "application/pdf";

    /// <summary>The public address a certificate's QR code points to.</summary>
    public string VerifyUrl(HttpRequest request, string code) => urls.Absolute(request, "/xac-thuc/" + code);

    public async Task<byte[]> PdfAsync(HttpRequest request, IReadOnlyList<CertificatePrint> prints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prints);
        var layouts = await certificates.LayoutsForAsync(prints.Select(p => p.AwardTypeId), cancellationToken);
        return await PdfAsync(request, prints, id => layouts[id], cancellationToken);
    }

    public async Task<byte[]> PdfAsync(HttpRequest request, IReadOnlyList<CertificatePrint> prints, Func<int, CertificateLayout> layoutOf, CancellationToken cancellationToken)
    {
        var info = await organisation.GetAsync(cancellationToken);
        var texts = new CertificateTexts(
            t["Certificates.Pdf.Motto"], t["Certificates.Pdf.MottoSubtitle"], info.Name, t["Certificates.Pdf.DecisionLine"],
            t["Certificates.Pdf.RegisterLine"], t["Certificates.Pdf.CodeLine"], t["Certificates.Title"]);
        using var output = new MemoryStream();
        CertificatePdfWriter.Write(output, prints, layoutOf, code => VerifyUrl(request, code), texts);
        return output.ToArray();
    }
}
