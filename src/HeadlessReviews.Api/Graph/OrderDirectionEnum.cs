using GraphQL.Types;

namespace HeadlessReviews.Api.Graph;

public sealed class OrderDirectionEnum : EnumerationGraphType
{
    public OrderDirectionEnum()
    {
        Name = "OrderDirection";
        Description = "Which way a list is sorted.";
        Add("ASC", false, "Smallest first: A to Z, oldest first.");
        Add("DESC", true, "Largest first: Z to A, newest first.");
    }
}
