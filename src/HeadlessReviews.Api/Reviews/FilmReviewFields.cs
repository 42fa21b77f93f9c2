using GraphQL.MicrosoftDI;
using GraphQL.Types;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Graph;

namespace HeadlessReviews.Api.Reviews;

/// <summary>A film's published reviews: a field of <c>Film</c> that belongs to reviews.</summary>
public sealed class FilmReviewFields : ITypeFields<FilmType>
{
    public void AddTo(FilmType film)
    {
        film.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewType>>>>("reviews")
            .Description("The publication's published reviews of this film, newest first.")
            .Resolve().WithService<ReviewsByFilmLoader>().Resolve((context, reviews) => reviews.Load(context.Source.Id));
    }
}
