using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Films;

/// <summary>Film ids by slug, for <c>film(slug:)</c>, which then loads through <see cref="FilmsByIdLoader"/>.</summary>
public sealed class FilmIdsBySlugLoader(IQuerySession session) : IdsBySlugLoader(session, Tables.Films);
