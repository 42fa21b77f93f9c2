using HeadlessReviews.Api.Graph;

namespace HeadlessReviews.Api.Editing;

/// <summary>
/// Collects the user errors of one input, checked all at once so a form can show every mistake
/// together. Field paths are written as dotted strings (<c>cast.2.personId</c>).
/// </summary>
public sealed class InputChecks
{
    private readonly List<UserError> _errors = [];

    public IReadOnlyList<UserError> Errors => _errors;
    public bool Failed => _errors.Count > 0;

    public void Add(string field, UserErrorCode code, string message) => _errors.Add(UserError.At(field, code, message));

    /// <summary>Trimmed text; a user error when it is missing or blank (when required) or outside the length range.</summary>
    public string? Text(string field, string? value, int maxLength, bool required = true, int minLength = 1)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required) Add(field, UserErrorCode.Required, $"`{field}` is required.");
            return null;
        }
        if (text.Length < minLength || text.Length > maxLength)
            Add(field, UserErrorCode.Length, $"`{field}` must be {minLength} to {maxLength} characters long; it is {text.Length}.");
        return text;
    }

    public int? Range(string field, int? value, int min, int max)
    {
        if (value is { } number && (number < min || number > max))
            Add(field, UserErrorCode.OutOfRange, $"`{field}` must be between {min} and {max}; it is {number}.");
        return value;
    }

    /// <summary>A document id from a global id of the expected type, or a user error.</summary>
    public Guid? Id(string field, string? globalId, string typeName, bool required = true)
    {
        if (string.IsNullOrEmpty(globalId))
        {
            if (required) Add(field, UserErrorCode.Required, $"`{field}` is required.");
            return null;
        }
        if (!GlobalId.TryDecode(globalId, out var type, out var id))
        {
            Add(field, UserErrorCode.Format, $"`{field}` is not an id of this API.");
            return null;
        }
        if (type != typeName)
        {
            Add(field, UserErrorCode.WrongType, $"`{field}` is the id of a {type}; a {typeName} is needed.");
            return null;
        }
        return id;
    }

    /// <summary>A slug given by the client must already be in slug form; we never rewrite it silently.</summary>
    public string? Slug(string field, string? value)
    {
        if (value is null) return null;
        if (!Slugs.IsValid(value))
            Add(field, UserErrorCode.Format, $"`{field}` must be lower-case letters, digits and single hyphens (like `the-social-network`), at most {Slugs.MaxLength} characters.");
        return value;
    }
}
