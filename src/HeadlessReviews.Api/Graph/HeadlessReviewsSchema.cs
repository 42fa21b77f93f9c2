using GraphQL.Types;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Graph.Scalars;
using HeadlessReviews.Api.Graph.Subscriptions;

namespace HeadlessReviews.Api.Graph;

/// <summary>The one schema, built once at start-up and shared by every request.</summary>
public sealed class HeadlessReviewsSchema : Schema
{
    public HeadlessReviewsSchema(IServiceProvider services, QueryType query, MutationType mutation, SubscriptionType subscription) : base(services)
    {
        Description = "HeadlessReviews: the reviews, films and people of a film-review publication.";
        // Introspection as the current spec has it (`__Directive.isRepeatable`) and as schema tools ask
        // for it (`includeDeprecated` on arguments and input fields).
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        RegisterTypeMapping(typeof(DateOnly), typeof(DateType));
        RegisterTypeMapping(typeof(DateTimeOffset), typeof(DateTimeType));
    }
}
