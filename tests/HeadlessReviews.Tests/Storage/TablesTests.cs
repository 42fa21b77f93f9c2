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
        Assert.Equal(schema.For<Film>(), Tables.Films);
        Assert.Equal(schema.For<Person>(), Tables.People);
        Assert.Equal(schema.For<Review>(), Tables.Reviews);
        Assert.Equal(schema.For<Comment>(), Tables.Comments);
    }
}
