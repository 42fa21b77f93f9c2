using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Execution;

/// <summary>
/// GraphQL.NET's validator, answering at most <see cref="ExecutionSettings.MaxValidationErrors"/>
/// errors and then one saying validation stopped (as graphql-js stops at 100): a document of
/// thousands of unknown fields is not answered with megabytes of errors. Its work is bounded by the
/// token limit (<see cref="DocumentBounds"/>), and what would grow faster than the document is checked
/// first, in one linear walk: a document with more than <see cref="ExecutionSettings.MaxFieldsPerResponseName"/>
/// same-named fields in one merged selection set (<see cref="SameNamedFields"/>) is refused before
/// GraphQL.NET's rules run, as OverlappingFieldsCanBeMerged compares every pair of them, and so is one
/// whose selection sets merge in more than <see cref="ExecutionSettings.MaxFragmentMerges"/> fragments in
/// all (<see cref="FragmentMerges"/>), as the same rule compares each selection set with each of them.
/// </summary>
public sealed class BoundedDocumentValidator(IOptions<ExecutionSettings> settings) : IDocumentValidator
{
    private readonly DocumentValidator _validator = new();

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        var limits = settings.Value;
        if (SameNamedFields.FirstOverLimit(options.Document, limits.MaxFieldsPerResponseName) is { } name)
            return Task.FromResult<IValidationResult>(new ValidationResult([TooManySameNamed(name, limits.MaxFieldsPerResponseName)]));
        if (FragmentMerges.OverLimit(options.Document, limits.MaxFragmentMerges))
            return Task.FromResult<IValidationResult>(new ValidationResult([TooManyFragmentMerges(limits.MaxFragmentMerges)]));
        return BoundAsync(_validator.ValidateAsync(options), limits.MaxValidationErrors);
    }

    private static ValidationError TooManySameNamed(string name, int limit) =>
        new($"More than {limit} fields named '{name}' in one selection set (fragments included); ask for each field once, or use distinct aliases.")
        {
            Code = "TOO_MANY_SAME_NAMED_FIELDS",
        };

    private static ValidationError TooManyFragmentMerges(int limit) =>
        new($"The document's fragments spread each other too deeply or too often (more than {limit} fragment merges in all); spread fewer fragments, or fragments that select fields themselves.")
        {
            Code = "TOO_MANY_FRAGMENT_MERGES",
        };

    private static async Task<IValidationResult> BoundAsync(Task<IValidationResult> validating, int limit)
    {
        var result = await validating.ConfigureAwait(false);
        if (limit == 0 || result.IsValid || result.Errors.Count <= limit) return result;
        var kept = result.Errors.Take(limit).OfType<ValidationError>().ToList();
        kept.Add(new ValidationError($"Validation stopped after {limit} errors; fix these first.") { Code = "TOO_MANY_VALIDATION_ERRORS" });
        return new ValidationResult(kept);
    }
}
