namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>Base of tests that talk to the service: a client, the store, the round-trip counter.</summary>
[Collection(ApiCollection.Name)]
public abstract class ApiTest(ApiFactory api)
{
    protected ApiFactory Api { get; } = api;
    protected GraphQLClient GraphQL { get; } = new(api.RoundTrips.Counted(api.CreateClient()));
}
