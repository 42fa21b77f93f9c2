using HeadlessReviews.Api.Execution;

namespace HeadlessReviews.Api.Editing;

/// <summary>
/// What a change tells every instance's response cache, on the bus (topic <see cref="Topic"/>), sent
/// when the change commits: the tags of the answers it may have changed. A changed document purges its
/// kind (a list could now show it, or show it elsewhere), its own tag and those of the documents whose
/// answers change with it (a comment's review, for its count); the same tags a webhook event carries. A
/// delete clears everything: its cascades (a film's reviews and their comments) go in bulk, unannounced.
/// </summary>
public sealed record CachePurge(IReadOnlyList<string> Tags, bool All)
{
    public const string Topic = "responseCachePurge";

    public static CachePurge? Of(object document, bool deleted, IEnumerable<IAnnouncedNode> features)
    {
        if (deleted) return new CachePurge([], All: true);
        if (document is not ICacheTagged tagged) return null;
        var described = features.Select(feature => feature.Describe(document)).FirstOrDefault(node => node is not null);
        return new CachePurge([tagged.CacheTagKind, CacheTags.Of(tagged), .. described?.AlsoChanges ?? []], All: false);
    }
}
