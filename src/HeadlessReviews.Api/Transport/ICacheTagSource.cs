using GraphQL;

namespace HeadlessReviews.Api.Transport;

/// <summary>
/// What a cacheable GET answer shows, as CDN cache tags (<c>Cache-Tag</c>, <c>Surrogate-Key</c>), so a
/// change can purge exactly the answers that showed it. The application knows its documents; the
/// transport sends no tags when none is registered.
/// </summary>
public interface ICacheTagSource
{
    /// <summary>The tags of <paramref name="result"/>, joined at most <paramref name="maxBytes"/> long.</summary>
    IReadOnlyList<string> TagsOf(ExecutionResult result, int maxBytes);

    /// <summary>
    /// What the response cache files <paramref name="result"/> under, to be purged by: every tag, never
    /// cut short, and whatever else could make the answer change (the kinds a list could have shown
    /// even when it came back empty).
    /// </summary>
    IReadOnlyCollection<string> PurgeTagsOf(ExecutionResult result) => TagsOf(result, int.MaxValue);
}
