using System.Data.Common;
using GraphQL;
using HeadlessReviews.Api.Films;
using Weasel.Storage;

namespace HeadlessReviews.Api.Reviews;

/// <summary>The review's film, with its directors, writers and cast when they are asked for, read with the review looked up by slug.</summary>
public sealed class ReviewFilmReadAlong(FilmReadAlong films) : IReviewLookupReadAlong
{
    // Never less than asked before in this request: one lookup's batch may serve several fields.
    private FilmAlong _asked = FilmAlong.None;

    public bool Asked(IResolveFieldContext context)
    {
        var asked = FilmReadAlong.Asked(context, "film");
        if (asked > _asked) _asked = asked;
        return asked != FilmAlong.None;
    }

    public string Sql(string review) => FilmReadAlong.Column($"{review}.film_id", _asked);

    public object? Read(DbDataReader reader, int column, IStorageSerializer serializer) =>
        reader.IsDBNull(column) ? null : serializer.FromJson<FilmRow>(reader, column);

    public void Received(Review review, object? read)
    {
        if (read is FilmRow film) films.Received(film);
    }
}
