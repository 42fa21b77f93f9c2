namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>All tests against the service share one host and database; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
}
