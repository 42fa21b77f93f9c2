using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;
using HeadlessReviews.Api.Transport;
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
        if (options.Rules is { } rules && rules.All(rule => rule is IWalkFreeRule))
            return ValidateWithoutWalkingAsync(options, rules);
        var limits = settings.Value;
        if (SameNamedFields.FirstOverLimit(options.Document, limits.MaxFieldsPerResponseName) is { } name)
            return Task.FromResult<IValidationResult>(new ValidationResult([TooManySameNamed(name, limits.MaxFieldsPerResponseName)]));
        if (FragmentMerges.OverLimit(options.Document, limits.MaxFragmentMerges))
            return Task.FromResult<IValidationResult>(new ValidationResult([TooManyFragmentMerges(limits.MaxFragmentMerges)]));
        return BoundAsync(_validator.ValidateAsync(options), limits.MaxValidationErrors);
    }

    /// <summary>
    /// A document that passed every rule before (a cached one): the bounds above held then and still do, and
    /// walking it again with GraphQL.NET's type tracker alone (what it does for any non-empty rule list) finds
    /// nothing new. GraphQL.NET reads its variables and arguments without a rule; the walk-free rules check the
    /// operation before that and the parsed arguments after, as they would inside it.
    /// </summary>
    private async Task<IValidationResult> ValidateWithoutWalkingAsync(ValidationOptions options, IEnumerable<IValidationRule> rules)
    {
        var context = new ValidationContext
        {
            Schema = options.Schema,
            Document = options.Document,
            Operation = options.Operation,
            Variables = options.Variables,
            Extensions = options.Extensions,
            UserContext = options.UserContext,
            Metrics = options.Metrics,
            RequestServices = options.RequestServices,
            User = options.User,
            CancellationToken = options.CancellationToken,
        };
        foreach (var rule in rules) await rule.GetPreNodeVisitorAsync(context).ConfigureAwait(false);
        if (context.HasErrors) return new ValidationResult(context.Errors);

        var read = await _validator.ValidateAsync(options with { Rules = [] }).ConfigureAwait(false);
        if (!read.IsValid) return read;
        context.ArgumentValues = read.ArgumentValues as Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>;
        context.DirectiveValues = read.DirectiveValues as Dictionary<ASTNode, IDictionary<string, DirectiveInfo>>;
        foreach (var rule in rules) await rule.GetPostNodeVisitorAsync(context).ConfigureAwait(false);
        return context.HasErrors
            ? new ValidationResult(context.Errors) { Variables = read.Variables, ArgumentValues = read.ArgumentValues, DirectiveValues = read.DirectiveValues }
            : read;
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
