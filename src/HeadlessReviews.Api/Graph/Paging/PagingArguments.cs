using GraphQL.Builders;
using GraphQL.Types;

namespace HeadlessReviews.Api.Graph.Paging;

public static class PagingArguments
{
    /// <summary>Adds <c>first</c>, <c>after</c>, <c>last</c> and <c>before</c> with their documentation.</summary>
    public static FieldBuilder<TSource, TReturn> WithPagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) => field
        .Argument<IntGraphType>("first", "How many items to return from the start, or after `after`. Default 20, at most 100.")
        .Argument<StringGraphType>("after", "Return the items after this cursor (an `endCursor` or edge `cursor` of this list).")
        .Argument<IntGraphType>("last", "How many items to return from the end, or before `before`. At most 100.")
        .Argument<StringGraphType>("before", "Return the items before this cursor (a `startCursor` or edge `cursor` of this list).");
}
