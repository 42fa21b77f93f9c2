using GraphQL;
using GraphQL.MicrosoftDI;
using GraphQL.Types;
using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Security;

namespace HeadlessReviews.Api.Reviews;

public sealed class ReviewType : ObjectGraphType<Review>
{
    public ReviewType(IEnumerable<ITypeFields<ReviewType>> contributions)
    {
        Name = "Review";
        Description = "The publication's review of one film.";
        this.ImplementNode(review => review.Id);
        Field(x => x.Version).Description("Revision number, one more on every change; pass it as `expectedVersion` when changing the review.");
        Field(x => x.Slug).Description("URL-safe name, unique among reviews: `her`.");
        Field<ReviewStatusEnum>("status").Description("Where the review is in its life: draft, scheduled, published or archived. Editors and preview tokens only.")
            .AuthorizeWithRoles(Roles.Editor, Roles.Preview)
            .Resolve(context => context.Source.Status);
        Field(x => x.Headline).Description("Headline: `Review – Her`.");
        Field<NonNullGraphType<FilmType>>("film").Description("The film under review.")
            .Resolve().WithServices<FilmsByIdLoader, FilmCardsByIdLoader>().Resolve((context, films, cards) =>
                SelectionScope.AsksOnlyFor(context, FilmCards.Fields) ? cards.Load(context.Source.FilmId) : films.Load(context.Source.FilmId));
        Field(x => x.Byline).Description("Who wrote it.");
        // A card holds only part of the body, a review read for its page only the HTML and pull-quotes: a field
        // needing more loads the whole review (a safety net: both are read in part only when no field needs more).
        Field<NonNullGraphType<ReviewBodyType>>("body").Description("The text: Markdown source, safe HTML, plain text and pull-quotes.")
            .Resolve().WithService<ReviewsByIdLoader>().Resolve((context, reviews) =>
            {
                var review = context.Source;
                return review.ExcerptsUpTo is null && (!review.BodyHtmlOnly || SelectionScope.AsksOnlyFor(context, ReviewBodyType.HtmlOnlyFields))
                    ? DataLoaderResults.FromValue(review.Body)
                    : reviews.LoadWhole(review).Then(whole => whole.Body);
            });
        Field<NonNullGraphType<StringGraphType>>("excerpt")
            .Description("The start of the text as plain text, cut at a word boundary to at most `length` characters (with `…` when cut); when the body has a `<!--more-->` paragraph, only the text before it.")
            .Argument<IntGraphType>("length", "Most characters to return, 1 to 2000.", argument => argument.DefaultValue = ReviewCards.DefaultExcerptLength)
            .Resolve().WithService<ReviewsByIdLoader>().Resolve((context, reviews) =>
            {
                var length = context.GetArgument<int>("length");
                if (length is < 1 or > Excerpt.MaxLength)
                    throw new UserInputError("length", $"`length` must be between 1 and {Excerpt.MaxLength}; it was {length}.");
                var review = context.Source;
                return !review.BodyHtmlOnly && (review.ExcerptsUpTo is null || length <= review.ExcerptsUpTo)
                    ? DataLoaderResults.FromValue(Excerpt.Of(ReviewBody.ExcerptSource(review.Body.Text, review.ExcerptChars), length))
                    : reviews.LoadWhole(review).Then(whole => Excerpt.Of(ReviewBody.ExcerptSource(whole.Body.Text, whole.ExcerptChars), length));
            });
        Field<NonNullGraphType<VerdictType>>("verdict").Description("Pop or Poop, with its summary.").Resolve(context => context.Source.Verdict);
        Field(x => x.PublishedAt, nullable: true).Description("When it was first published; null until then.");
        Field(x => x.PublishAt, nullable: true).Description("When a SCHEDULED review will be published (`scheduleReview`); null otherwise.");
        Field(x => x.UpdatedAt).Description("When it last changed.");
        Field<ListGraphType<NonNullGraphType<ReviewRevisionType>>>("revisions")
            .Description("Every recorded change, newest first: who made it, when, what it touched, and the review as it was afterwards. Editors only.")
            .AuthorizeWithRoles(Roles.Editor)
            .Resolve().WithService<RevisionsByReviewLoader>().Resolve((context, revisions) => revisions.Load(context.Source.Id));
        this.AddContributed(contributions);
    }
}
