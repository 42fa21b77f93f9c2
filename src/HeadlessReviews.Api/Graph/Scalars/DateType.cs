using GraphQL.Types;

namespace HeadlessReviews.Api.Graph.Scalars;

/// <summary>A calendar date without time zone (ISO 8601, <c>2014-02-14</c>).</summary>
public sealed class DateType : DateOnlyGraphType
{
    public DateType()
    {
        Name = "Date";
        Description = "A calendar date without a time of day or zone, in ISO 8601 form: `2014-02-14`.";
    }
}
