using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Execution;

/// <summary>
/// GraphQL.NET's validator, answering at most <see cref="ExecutionSettings.MaxValidationErrors"/>
/// errors and then one saying validation stopped (as graphql-js stops at 100): a document of
/// thousands of unknown fields is not answered with megabytes of errors. Its work is bounded by the
/// token limit (<see cref="DocumentBounds"/>).
/// </summary>
public sealed class BoundedDocumentValidator(IOptions<ExecutionSettings> settings) : IDocumentValidator
{
    private readonly DocumentValidator _validator = new();

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options) => BoundAsync(_validator.ValidateAsync(options), settings.Value.MaxValidationErrors);

    private static async Task<IValidationResult> BoundAsync(Task<IValidationResult> validating, int limit)
    {
        var result = await validating.ConfigureAwait(false);
        if (limit == 0 || result.IsValid || result.Errors.Count <= limit) return result;
        var kept = result.Errors.Take(limit).OfType<ValidationError>().ToList();
        kept.Add(new ValidationError($"Validation stopped after {limit} errors; fix these first.") { Code = "TOO_MANY_VALIDATION_ERRORS" });
        return new ValidationResult(kept);
    }
}
