using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Reviews;

/// <summary>Review ids by current or former slug, for <c>review(slug:)</c>, which then loads through <see cref="ReviewsByIdLoader"/>.</summary>
public sealed class ReviewIdsBySlugLoader(IQuerySession session) : IdsBySlugLoader(session, Tables.Reviews, previousSlugs: true);
