using GraphQL;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Graph.Paging;
using GraphQLParser.AST;

namespace HeadlessReviews.Api.Comments;

/// <summary>
/// How many top-level comments the first pages of <c>comments</c> below a field ask for, read from the
/// document (literals and variables) before the field resolves, so the review page reads its thread's
/// head with the review. Anything not plainly a number counts as the largest page allowed.
/// </summary>
public static class CommentPageSizes
{
    /// <summary>Null when no <c>comments</c> below asks for a first page.</summary>
    public static int? LargestFirstPage(IResolveFieldContext context, PagingSettings settings)
    {
        int? largest = null;
        foreach (var field in SelectionScope.FieldsNamed(context, "comments"))
        {
            // Backward pages and pages after a cursor are read on their own (CommentThreadPagesLoader).
            if (Argument(field, "last") is not null || Argument(field, "before") is not null || Argument(field, "after") is not null) continue;
            var size = Argument(field, "first") is { } first ? Size(context, first, settings) : settings.DefaultPageSize;
            largest = Math.Max(largest ?? 0, size);
        }
        return largest is { } most ? Math.Min(most, settings.MaxPageSize) : null;
    }

    private static GraphQLValue? Argument(GraphQLField field, string name) =>
        field.Arguments?.Items.FirstOrDefault(argument => argument.Name.StringValue == name)?.Value;

    private static int Size(IResolveFieldContext context, GraphQLValue value, PagingSettings settings) => value switch
    {
        GraphQLIntValue literal when int.TryParse(literal.Value.Span, out var size) => Math.Max(size, 0),
        GraphQLVariable variable => context.Variables.ValueFor(variable.Name.StringValue, null) switch
        {
            int size => Math.Max(size, 0),
            null => settings.DefaultPageSize,
            _ => settings.MaxPageSize,
        },
        GraphQLNullValue => settings.DefaultPageSize,
        _ => settings.MaxPageSize,
    };
}
