using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.People;

/// <summary>Person ids by slug, for <c>person(slug:)</c>, which then loads through <see cref="PeopleByIdLoader"/>.</summary>
public sealed class PersonIdsBySlugLoader(IQuerySession session) : IdsBySlugLoader(session, Tables.People);
