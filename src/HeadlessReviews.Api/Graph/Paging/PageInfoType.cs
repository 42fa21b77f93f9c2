using GraphQL.Types;

using HeadlessReviews.Api.Storage.Paging;

namespace HeadlessReviews.Api.Graph.Paging;

public sealed class PageInfoType : ObjectGraphType<PageInfo>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Where this page sits in the whole list (Relay cursor connections).";
        Field(x => x.HasNextPage).Description("More items follow: pass `endCursor` as `after` to read them.");
        Field(x => x.HasPreviousPage).Description("Items precede this page: pass `startCursor` as `before` (with `last`) to read them. When paging forward this is true whenever an `after` cursor was given.");
        Field(x => x.StartCursor, nullable: true).Description("Cursor of the first item of this page; null when the page is empty.");
        Field(x => x.EndCursor, nullable: true).Description("Cursor of the last item of this page; null when the page is empty.");
    }
}
