using GraphQL.Types;

namespace HeadlessReviews.Api.Graph.Scalars;

/// <summary>An instant with its UTC offset (ISO 8601).</summary>
public sealed class DateTimeType : DateTimeOffsetGraphType
{
    public DateTimeType()
    {
        Name = "DateTime";
        Description = "An instant in ISO 8601 form with its offset from UTC: `2014-02-14T09:00:00Z`.";
    }
}
