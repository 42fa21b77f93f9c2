using System.Collections.Frozen;
using GraphQL;
using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Reviews;

/// <summary>
/// Review ids by current or former slug, for <c>review(slug:)</c>, which then loads through <see cref="ReviewsByIdLoader"/>.
/// The same round trip reads the reviews and primes that loader with them (its visibility rule applied), so
/// a review page's lookup by slug costs one round trip, not two. It reads every <see cref="IReviewReadAlong"/>
/// value too (an index probe each, asked for or not), and each <see cref="IReviewLookupReadAlong"/> that a
/// lookup's selection set asked for (<see cref="AskedBy"/>): a review page's review, count, film, cast and
/// comments come in one round trip. Unless the selection set may need them, the body's Markdown and plain text
/// stay behind (<see cref="Review.BodyHtmlOnly"/>). A current slug wins over a former one (former ones are
/// unique among themselves too, see ReviewSlugs).
/// </summary>
public sealed class ReviewIdsBySlugLoader(IQuerySession session, ReviewsByIdLoader reviewsById,
    IEnumerable<IReviewReadAlong> values, IEnumerable<IReviewLookupReadAlong> documents)
    : BatchLoader<string, Guid?>
{
    private readonly IReviewLookupReadAlong[] _documents = [.. documents];
    private readonly bool[] _asked = new bool[documents.Count()];

    // Until a lookup's selection set may need the body's Markdown or plain text, they are left in the database.
    private bool _wholeBody;

    /// <summary>The fields below a lookup that may need the body's Markdown or plain text (conservatively: wherever they are).</summary>
    private static readonly FrozenSet<string> BodySourceFields = FrozenSet.ToFrozenSet(["markdown", "text", "excerpt"], StringComparer.Ordinal);

    /// <summary>Reads along, from now on, what the selection set below <paramref name="context"/>'s field asks for (and what was asked before).</summary>
    public void AskedBy(IResolveFieldContext context)
    {
        for (var i = 0; i < _documents.Length; i++) _asked[i] |= _documents[i].Asked(context);
        _wholeBody = _wholeBody || SelectionScope.MentionsAny(context, BodySourceFields);
    }

    protected override async Task<IReadOnlyDictionary<string, Guid?>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var slugs = keys.ToArray();
        var along = ReviewReadAlongs.All(values);
        var asked = _documents.Where((_, i) => _asked[i]).ToArray();
        // Columns: slug, review, its version, the values, the body's HTML and pull-quotes when the review is read
        // without its body (null otherwise), then one per document read along. The HTML comes as text, which the
        // service reads without parsing JSON; the review's JSON without its body is a twentieth as long.
        var htmlOnly = !_wholeBody;
        var reviewJson = htmlOnly ? "s.data - 'Body'" : "s.data";
        var body = htmlOnly ? "coalesce(s.data -> 'Body' ->> 'Html', ''), coalesce(s.data -> 'Body' -> 'PullQuotes', '[]')" : "null::text, null::jsonb";
        var columns = string.Concat(asked.Select(document => ", " + document.Sql("s")));
        var batch = session.CreateBatchQuery();
        var rows = batch.AddItem(new SqlRows<(string Slug, Review Review, int[] Values, object?[] Documents)>(
            $"select s.slug, {reviewJson}, s.mt_version, {along.Column("s")}, {body}{columns} " +
            $"from (select id, slug, data, mt_version, film_id, 0 as former from {Tables.Reviews} where slug = any(^) " +
            $"union all select id, old, data, mt_version, film_id, 1 from {Tables.Reviews}, unnest(previous_slugs) as old where previous_slugs && ^ and old = any(^)) s order by s.former",
            '^', [slugs, slugs, slugs], (reader, serializer) =>
            {
                var review = serializer.FromJson<Review>(reader, 1);
                // The version is Marten's column, not the copy inside the document.
                review.Version = reader.GetInt32(2);
                if (htmlOnly)
                {
                    review.Body = new ReviewBody("", reader.GetString(4), "", serializer.FromJson<List<string>>(reader, 5));
                    review.BodyHtmlOnly = true;
                }
                var read = new object?[asked.Length];
                for (var i = 0; i < asked.Length; i++) read[i] = asked[i].Read(reader, 6 + i, serializer);
                return (reader.GetString(0), review, serializer.FromJson<int[]>(reader, 3), read);
            }));
        await batch.Execute(cancellationToken).ConfigureAwait(false);
        var ids = new Dictionary<string, Guid?>(StringComparer.Ordinal);
        foreach (var (slug, review, read, documents) in await rows.ConfigureAwait(false))
        {
            if (!ids.TryAdd(slug, review.Id)) continue;
            var visible = reviewsById.Visible(review);
            reviewsById.Prime(review.Id, visible);
            // A review the viewer may not see shows nothing of its own.
            if (visible is null) continue;
            along.Receive(review.Id, read);
            for (var i = 0; i < asked.Length; i++) asked[i].Received(review, documents[i]);
        }
        return ids;
    }
}
