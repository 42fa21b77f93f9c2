using GraphQL;
using HeadlessReviews.Api.Storage.Paging;

namespace HeadlessReviews.Api.Graph.Paging;

/// <summary>
/// The Relay paging arguments of one connection field, checked: either <c>first</c>/<c>after</c>
/// (forward) or <c>last</c>/<c>before</c> (backward), at most <see cref="PagingSettings.MaxPageSize"/>.
/// </summary>
public static class PageRequests
{
    public static PageRequest From(IResolveFieldContext context, PagingSettings settings)
    {
        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        var after = context.GetArgument<string?>("after");
        var before = context.GetArgument<string?>("before");

        if (first is not null && last is not null)
            throw new UserInputError("last", "Pass either `first` (paging forward) or `last` (paging backward), not both.");
        if (after is not null && before is not null)
            throw new UserInputError("before", "Pass either `after` or `before`, not both.");
        if (last is null && before is not null && first is null)
            last = settings.DefaultPageSize;

        if (last is not null || before is not null)
        {
            if (after is not null) throw new UserInputError("after", "`after` pages forward; use `before` with `last`.");
            return new PageRequest(CheckSize("last", last!.Value, settings), Backward: true, before);
        }
        return new PageRequest(CheckSize("first", first ?? settings.DefaultPageSize, settings), Backward: false, after);
    }

    private static int CheckSize(string argument, int size, PagingSettings settings) =>
        size < 0 || size > settings.MaxPageSize
            ? throw new UserInputError(argument, $"`{argument}` must be between 0 and {settings.MaxPageSize}; it was {size}. Page through larger lists with the cursors.")
            : size;
}
