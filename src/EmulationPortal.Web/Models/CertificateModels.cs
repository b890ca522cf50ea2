using EmulationPortal.Certificates;
using EmulationPortal.Proposals;

namespace EmulationPortal.Web.Models;

/// <summary>The public verification page: the certificate found, or the code that was not found (null when only the form is shown).</summary>
public sealed record VerificationViewModel(CertificateVerification? Certificate, string? Code);

/// <summary>The public consultation page: the consultations published today.</summary>
public sealed record ConsultationPageViewModel(IReadOnlyList<ConsultationView> Consultations);
