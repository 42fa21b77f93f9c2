namespace HeadlessReviews.Api.Execution;

/// <summary>
/// A document that can appear in an answer: its kind (<c>review</c>) and id name the answer's cache
/// tags, so a CDN purge of <c>review-&lt;id&gt;</c> (an edit) or <c>review</c> (a new one) reaches every
/// cached answer that showed it. See <see cref="CacheTags"/>.
/// </summary>
public interface ICacheTagged
{
    string CacheTagKind { get; }

    Guid Id { get; }
}
