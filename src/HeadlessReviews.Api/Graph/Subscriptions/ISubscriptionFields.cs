namespace HeadlessReviews.Api.Graph.Subscriptions;

/// <summary>A feature's subscriptions; <see cref="SubscriptionType"/> gathers them as <see cref="IQueryFields"/> does for queries.</summary>
public interface ISubscriptionFields
{
    void AddTo(SubscriptionType subscription);
}
