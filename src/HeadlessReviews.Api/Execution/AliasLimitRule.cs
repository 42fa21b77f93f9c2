using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Execution;

/// <summary>
/// At most <see cref="ExecutionSettings.MaxAliases"/> aliased fields in a document. Aliases let one
/// request ask for the same expensive field many times over; a frontend needs a handful. Counted over
/// the whole text, so a cached document never needs the check again. A limit of 0 turns it off.
/// </summary>
public sealed class AliasLimitRule(IOptions<ExecutionSettings> settings) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var aliases = 0;
        var limit = settings.Value.MaxAliases;
        return new(new MatchingNodeVisitor<GraphQLField>((field, validation) =>
        {
            if (limit == 0 || field.Alias is null || ++aliases != limit + 1) return;
            validation.ReportError(new ValidationError($"The document has more than {limit} aliased fields.") { Code = "TOO_MANY_ALIASES" });
        }));
    }
}
