using System.Security.Claims;
using EmulationPortal.Common;
using EmulationPortal.Feedbacks;
using EmulationPortal.Proposals;
using EmulationPortal.Web.Models;
using EmulationPortal.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Controllers;

/// <summary>
/// Phản ánh: anyone, signed in or not, reports a problem in how campaigns and awards are run. An anonymous report keeps
/// nothing that identifies the submitter: no user id, no contact, no address (and the address is not logged with it).
/// Not rate-limited yet.
/// </summary>
[Route("phan-anh")]
[AllowAnonymous]
public sealed class FeedbackController(
    FeedbackService feedback, ConsultationService consultations, IStringLocalizer<AdminAccountsResource> t, IStringLocalizer<CertificatesResource> consultationText,
    ILogger<FeedbackController> logger) : Controller
{
    /// <summary>The form; "?ung-vien=ID" (the link beside a name on /lay-y-kien) makes it a comment on that nominee.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Create([FromQuery(Name = "ung-vien")] int? nomineeId, CancellationToken cancellationToken)
    {
        var input = new FeedbackInput { Category = FeedbackCategory.Campaign };
        var nominee = nomineeId is { } id ? await consultations.CurrentNomineeAsync(id, cancellationToken) : null;
        if (nominee is not null)
        {
            input.Category = FeedbackCategory.Award;
            input.NomineeId = nominee.NomineeId;
            input.Subject = consultationText["Consultation.FeedbackSubject", nominee.Name, nominee.AwardTypeName];
        }

        return View(new FeedbackFormViewModel(input, await feedback.CampaignOptionsAsync(cancellationToken), nominee));
    }

    [HttpPost("")]
    public async Task<IActionResult> Create(FeedbackInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (ModelState.IsValid)
        {
            var userId = User.Identity?.IsAuthenticated == true ? User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
            var result = await feedback.SubmitAsync(
                new FeedbackSubmission(input.Category, input.CampaignId, input.Subject, input.Text, input.IsAnonymous, input.ContactName, input.ContactInfo, userId, input.NomineeId),
                cancellationToken);
            if (result.Succeeded)
            {
                // Only the report's id: never the user, the address or the contact.
                logger.LogInformation("Feedback {FeedbackId} received", result.Id);
                return RedirectToAction(nameof(Thanks));
            }

            foreach (var error in result.Errors)
            {
                var text = t[error.Code, error.Args];
                ModelState.AddModelError(error.Field, text.ResourceNotFound ? consultationText[error.Code, error.Args] : text);
            }
        }
        else
        {
            foreach (var (key, entry) in ModelState.Where(e => e.Value is { ValidationState: ModelValidationState.Invalid }).ToList())
            {
                entry!.Errors.Clear();
                ModelState.AddModelError(key, t["Form.InvalidValue"]);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        var nominee = input.NomineeId is { } nomineeId ? await consultations.CurrentNomineeAsync(nomineeId, cancellationToken) : null;
        return View(new FeedbackFormViewModel(input, await feedback.CampaignOptionsAsync(cancellationToken), nominee));
    }

    [HttpGet("cam-on")]
    public IActionResult Thanks() => View();
}
