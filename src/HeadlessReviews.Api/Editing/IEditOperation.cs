namespace HeadlessReviews.Api.Editing;

/// <summary>
/// One editing operation of a feature (<c>CreateFilm</c>, <c>PublishReview</c>): a plain input in, the
/// document or the user errors out. Mutations, the scheduler and importers all call these.
/// </summary>
public interface IEditOperation<in TInput, T> where T : class
{
    Task<EditResult<T>> HandleAsync(TInput input, CancellationToken cancellationToken);
}
