using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Films.Editing;

/// <summary>The film to delete, at the version the deletion is based on.</summary>
public sealed class DeleteFilmInput
{
    public string? Id { get; set; }
    public int? ExpectedVersion { get; set; }
    /// <summary>Also delete the film's reviews and their comments; without it a reviewed film stays (<c>IN_USE</c>).</summary>
    public bool Cascade { get; set; }
}

/// <summary>Deletes a film; a reviewed one only with <c>cascade</c>, which deletes its reviews and their comments with it.</summary>
public sealed class DeleteFilm(CatalogueEditing<Film, FilmFields> editing, IDocumentSession session) : IEditOperation<DeleteFilmInput, Film>
{
    public Task<EditResult<Film>> HandleAsync(DeleteFilmInput input, CancellationToken cancellationToken) =>
        editing.DeleteAsync(input.Id, input.ExpectedVersion, input.Cascade, DeleteReviewsAsync, cancellationToken);

    // Rows deleted in bulk with their film are announced by the film's event only.
    private async Task<UserError?> DeleteReviewsAsync(Film film, bool cascade, CancellationToken cancellationToken)
    {
        var reviews = await session.Query<Review>().Where(r => r.FilmId == film.Id).Select(r => r.Slug).ToListAsync(cancellationToken);
        if (reviews.Count > 0 && !cascade)
            return UserError.At("id", UserErrorCode.InUse,
                $"The film has {reviews.Count} review(s) ({string.Join(", ", reviews.Take(5))}); delete them first or pass `cascade: true` to delete them with the film.");

        if (reviews.Count > 0)
        {
            session.QueueSqlCommand($"delete from {Tables.Comments} where review_id in (select id from {Tables.Reviews} where film_id = ?)", film.Id);
            session.QueueSqlCommand($"delete from {Tables.Reviews} where film_id = ?", film.Id);
        }
        return null;
    }
}
