using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Storage.Paging;

namespace HeadlessReviews.Api.Reviews;

/// <summary>The <c>where</c> of <c>reviews</c> (and, later, of subscriptions): every condition given must hold.</summary>
public sealed class ReviewFilter
{
    public VerdictRating? Verdict { get; set; }
    public string? Genre { get; set; }
    public Certificate? Certificate { get; set; }
    public string? FilmId { get; set; }
    public string? PersonId { get; set; }
    public DateTimeOffset? PublishedAfter { get; set; }
    public DateTimeOffset? PublishedBefore { get; set; }

    public void ApplyTo(KeysetQuery query)
    {
        if (Verdict is not null)
            query.Where("d.data->'Verdict'->>'Rating' = ^", Verdict.Value.ToString());
        if (FilmId is not null)
            query.Where("d.film_id = ^", DecodeId(FilmId, "Film", "where.filmId"));
        if (Genre is not null)
            query.Where($"exists (select 1 from {Tables.Films} f, jsonb_array_elements_text(f.data->'Genres') as genre where f.id = d.film_id and lower(genre) = lower(^))", Genre);
        if (Certificate is not null)
            query.Where($"exists (select 1 from {Tables.Films} f where f.id = d.film_id and f.data->>'Certificate' = ^)", Certificate.Value.ToString());
        if (PersonId is not null)
            query.Where($"exists (select 1 from {Tables.Films} f where f.id = d.film_id and f.credited_person_ids @> array[^])", DecodeId(PersonId, "Person", "where.personId"));
        // Npgsql writes timestamptz from UTC values only; a client may send any offset.
        if (PublishedAfter is not null)
            query.Where("d.published_at >= ^", PublishedAfter.Value.ToUniversalTime());
        if (PublishedBefore is not null)
            query.Where("d.published_at < ^", PublishedBefore.Value.ToUniversalTime());
    }

    /// <summary>
    /// The same conditions in memory, for subscriptions: <paramref name="film"/> is the review's film.
    /// A date condition is not met by a review without a publication date, as in SQL.
    /// </summary>
    public bool Matches(Review review, Film film) =>
        (Verdict is null || review.Verdict.Rating == Verdict)
        && (FilmId is null || GlobalId.DecodeAs(FilmId, "Film") == review.FilmId)
        && (Genre is null || film.Genres.Any(genre => string.Equals(genre, Genre, StringComparison.OrdinalIgnoreCase)))
        && (Certificate is null || film.Certificate == Certificate)
        && (PersonId is null || GlobalId.DecodeAs(PersonId, "Person") is { } personId && film.CreditedPersonIds.Contains(personId))
        && (PublishedAfter is null || review.PublishedAt >= PublishedAfter)
        && (PublishedBefore is null || review.PublishedAt < PublishedBefore);

    /// <summary>A user error now, for an id argument that is not of its type, instead of a filter that never matches.</summary>
    public void CheckIds()
    {
        if (FilmId is not null) DecodeId(FilmId, "Film", "where.filmId");
        if (PersonId is not null) DecodeId(PersonId, "Person", "where.personId");
    }

    /// <summary>The list of reviews the viewer may see, in the given order (newest first by default).</summary>
    /// <param name="cardExcerpts">Load cards without the body (<see cref="ReviewCards"/>), for excerpts up to this length; null: whole reviews.</param>
    /// <param name="along">Values other features keep per review to read beside each one (<see cref="ReviewReadAlongs"/>); null: none.</param>
    public static KeysetQuery Query(Viewer viewer, IReadOnlyList<ReviewOrder>? orderBy, int? cardExcerpts = null, ReviewReadAlongs? along = null)
    {
        var order = (orderBy is { Count: > 0 } ? orderBy : [new ReviewOrder()]).Select(o => o.ToSortKey()).ToList();
        order.Add(new SortKey("d.id", "uuid", Descending: false));
        var signature = "reviews:" + string.Join(",", order.Select(k => $"{k.Expression}{(k.Descending ? "-" : "+")}"));
        var (from, data) = cardExcerpts is { } length ? ReviewCards.Source(length) : ($"{Tables.Reviews} d", DocumentJson.RevisionedColumns("d"));
        return new KeysetQuery(from, order, signature)
        {
            Data = data,
            ReadAlong = along is null ? null : (along.Column("d"), (review, values) => along.Receive(((Review)review).Id, values)),
        }.Where(ReviewVisibility.Sql(viewer));
    }

    private static Guid DecodeId(string id, string typeName, string argument) =>
        GlobalId.DecodeAs(id, typeName) ?? throw new UserInputError(argument, $"`{argument}` is not the id of a {typeName}.");
}
