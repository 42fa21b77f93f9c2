using GraphQL.Types;

namespace HeadlessReviews.Api.Graph.Subscriptions;

/// <summary>The <c>Subscription</c> root, assembled from every feature's <see cref="ISubscriptionFields"/>.</summary>
public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType(IEnumerable<ISubscriptionFields> features)
    {
        Name = "Subscription";
        Description = "Events as they happen, over WebSocket (`graphql-transport-ws`) or Server-Sent Events. Each fires after the change is committed, once per subscriber, on whichever instance the subscriber is connected to.";
        foreach (var feature in features) feature.AddTo(this);
    }
}
