using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.People;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Storage;

public sealed class TablesTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public void Hand_written_SQL_names_the_tables_Marten_creates()
    {
        var schema = Api.Store.Options.Schema;
        Assert.Equal(Tables.Films, schema.For<Film>());
        Assert.Equal(Tables.People, schema.For<Person>());
        Assert.Equal(Tables.Reviews, schema.For<Review>());
        Assert.Equal(Tables.Comments, schema.For<Comment>());
    }
}
