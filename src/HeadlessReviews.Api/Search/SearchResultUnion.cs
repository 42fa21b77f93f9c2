using GraphQL.Types;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.People;
using HeadlessReviews.Api.Reviews;

namespace HeadlessReviews.Api.Search;

public sealed class SearchResultUnion : UnionGraphType
{
    public SearchResultUnion()
    {
        Name = "SearchResult";
        Description = "Something `search` found: a review, a film or a person. Ask for `__typename` to tell which.";
        Type<ReviewType>();
        Type<FilmType>();
        Type<PersonType>();
    }
}
