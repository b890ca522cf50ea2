using EmulationPortal.Common;
using Microsoft.Extensions.Localization;

namespace EmulationPortal.Web.Infrastructure;

/// <summary>A row problem of a nominee list in Vietnamese: the composing part's strings first, then the honoring import's.</summary>
public static class ImportMessages
{
    public static string Text(ServiceError problem, IStringLocalizer own, IStringLocalizer fallback)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(fallback);
        var value = own[problem.Code, problem.Args];
        return value.ResourceNotFound ? fallback[problem.Code, problem.Args].Value : value.Value;
    }
}
