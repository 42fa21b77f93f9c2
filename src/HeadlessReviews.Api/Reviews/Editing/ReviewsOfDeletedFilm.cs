using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Reviews.Editing;

/// <summary>Deleting a film: refused while it has reviews, else (<c>cascade</c>) its reviews and their comments are deleted with it.</summary>
public sealed class ReviewsOfDeletedFilm(IDocumentSession session) : IDeletionCascade<Film>
{
    public Task<UserError?> ApplyAsync(Film document, bool cascade, CancellationToken cancellationToken) =>
        DeleteReviewsAsync(document, cascade, cancellationToken);

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
