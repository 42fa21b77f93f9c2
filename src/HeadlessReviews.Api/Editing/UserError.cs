using System.ComponentModel;

namespace HeadlessReviews.Api.Editing;

/// <summary>A mistake in a mutation's input, reported in its payload; nothing is written when there is one.</summary>
/// <param name="Field">Path to the input field at fault, from the input object: <c>["cast", "2", "personId"]</c>.</param>
public sealed record UserError(IReadOnlyList<string> Field, UserErrorCode Code, string Message, int? CurrentVersion = null)
{
    public static UserError At(string field, UserErrorCode code, string message) =>
        new(field.Split('.'), code, message);
}

public enum UserErrorCode
{
    [Description("A required field is missing or blank.")]
    Required,
    [Description("A text is longer or shorter than allowed.")]
    Length,
    [Description("A value is not in the expected form (a slug, a URL, a date).")]
    Format,
    [Description("A number or date is outside the allowed range.")]
    OutOfRange,
    [Description("A slug is already used by another object of the same type.")]
    SlugTaken,
    [Description("The object named by an id does not exist.")]
    NotFound,
    [Description("An id names an object of another type.")]
    WrongType,
    [Description("The object changed since the version given in `expectedVersion`; `currentVersion` says what it is now.")]
    VersionConflict,
    [Description("The object is referred to by others and cannot be deleted without `cascade`.")]
    InUse,
    [Description("The operation does not apply to the object in its current state.")]
    InvalidState,
}
