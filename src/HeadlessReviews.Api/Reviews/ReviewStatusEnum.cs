using GraphQL.Types;

namespace HeadlessReviews.Api.Reviews;

public sealed class ReviewStatusEnum : EnumerationGraphType<ReviewStatus>
{
    public ReviewStatusEnum()
    {
        Name = "ReviewStatus";
        Description = "Where a review is in its life.";
        foreach (var value in Values)
            value.Description = (ReviewStatus)value.Value! switch
            {
                ReviewStatus.Draft => "Being written; only editors see it.",
                ReviewStatus.Scheduled => "Will be published at `publishAt`; only editors see it until then.",
                ReviewStatus.Published => "Public.",
                _ => "Withdrawn from the public; kept for the record.",
            };
    }
}
