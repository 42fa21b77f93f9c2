using Marten;
using Marten.Schema.Indexing.FullText;

namespace HeadlessReviews.Api.People;

public static class PersonStorage
{
    public static void Configure(StoreOptions options)
    {
        var people = options.Schema.For<Person>();
        people.UseNumericRevisions(true);
        people.Duplicate(p => p.Slug, configure: index => index.IsUnique = true);
        people.WeightedFullTextIndex(index => index
            .Weighted(p => p.Name, TextSearchWeight.A)
            .Weighted(p => p.Bio!, TextSearchWeight.C), regConfig: "simple");
    }
}
