using GraphQL;
using GraphQL.Types;
using HeadlessReviews.Api.Graph.Subscriptions;
using HeadlessReviews.Api.Realtime;

namespace HeadlessReviews.Api.Reviews.Subscriptions;

/// <summary><c>reviewPublished(where:)</c>: every review as it becomes public, filtered per subscriber.</summary>
public sealed class ReviewSubscriptions(EventFeed<ReviewPublished> feed) : ISubscriptionFields
{
    public void AddTo(SubscriptionType subscription)
    {
        subscription.Field<NonNullGraphType<ReviewType>, Review>("reviewPublished")
            .Description("Fires when a review is published: the first time, and again when it is published after being unpublished. Only reviews that meet `where` (as in `reviews`).")
            .Argument<ReviewFilterInputType>("where", "Only reviews that meet these conditions.")
            .ResolveStream(context =>
            {
                var filter = context.GetArgument<ReviewFilter?>("where") ?? new ReviewFilter();
                filter.CheckIds();
                return feed.Observe(published => filter.Matches(published.Review, published.Film), published => published.Review);
            });
    }
}
