namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>
/// Tests with a streaming standby of the tests' server run alone, after every parallel test: the standby
/// copies the whole cluster, and other classes' writes (a database created per class is a template's worth
/// of WAL) keep it more than the tests' one-second allowed lag behind on a busy machine, so reads would
/// rightly stay on the primary.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StandbyCollection
{
    public const string Name = "standby";
}
