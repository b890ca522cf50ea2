namespace EmulationPortal.Common;

/// <summary>
/// A problem a service found in what the user sent. <see cref="Code"/> is a resource key (the web project shows it in
/// Vietnamese); <see cref="Field"/> names the input it belongs to, or is empty for the whole form.
/// </summary>
public sealed record ServiceError(string Field, string Code, params object[] Args);

/// <summary>The outcome of a write: success with the saved entity's id, validation errors, or a concurrency conflict.</summary>
public sealed record ServiceResult(int? Id, IReadOnlyList<ServiceError> Errors, IReadOnlyList<ServiceError> Warnings, ConcurrencyConflict? Conflict)
{
    public bool Succeeded => Errors.Count == 0 && Conflict is null;

    public static ServiceResult Ok(int id, IReadOnlyList<ServiceError>? warnings = null) => new(id, [], warnings ?? [], null);

    public static ServiceResult Fail(params ServiceError[] errors) => new(null, errors, [], null);

    public static ServiceResult Fail(IReadOnlyList<ServiceError> errors) => new(null, errors, [], null);

    public static ServiceResult NotSaved(ConcurrencyConflict conflict) => new(null, [], [], conflict);
}

/// <summary>
/// Someone else saved the item since the form was opened: the values now stored (field → value as displayed), and the
/// version to post back if the user decides to overwrite them knowingly.
/// </summary>
public sealed record ConcurrencyConflict(int CurrentVersion, IReadOnlyDictionary<string, string?> CurrentValues);
