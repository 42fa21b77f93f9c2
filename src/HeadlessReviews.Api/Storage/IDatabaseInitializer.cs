namespace HeadlessReviews.Api.Storage;

/// <summary>Work that runs once at start-up after the schema is in place, under the start-up lock (seeding, back-fills).</summary>
public interface IDatabaseInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
