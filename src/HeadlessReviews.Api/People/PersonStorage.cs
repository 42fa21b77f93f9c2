using Marten;

namespace HeadlessReviews.Api.People;

public static class PersonStorage
{
    public static void Configure(StoreOptions options)
    {
        var people = options.Schema.For<Person>();
        people.UseNumericRevisions(true);
        people.Duplicate(p => p.Slug, configure: index => index.IsUnique = true);
    }
}
