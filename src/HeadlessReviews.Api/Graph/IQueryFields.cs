namespace HeadlessReviews.Api.Graph;

/// <summary>
/// A feature's root fields. Each feature registers one; <see cref="QueryType"/> gathers them, so a new
/// feature adds its fields without editing a central class.
/// </summary>
public interface IQueryFields
{
    void AddTo(QueryType query);
}
