using GraphQL.MicrosoftDI;
using GraphQL.Types;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Graph.Scalars;
using HeadlessReviews.Api.Reviews.Editing;

namespace HeadlessReviews.Api.Reviews;

public sealed class ReviewRevisionActionEnum : EnumerationGraphType<ReviewRevisionAction>
{
    public ReviewRevisionActionEnum()
    {
        Name = "ReviewRevisionAction";
        Description = "What kind of change a revision records.";
        foreach (var value in Values)
            value.Description = (ReviewRevisionAction)value.Value! switch
            {
                ReviewRevisionAction.Created => "The review was written (`createReview`).",
                ReviewRevisionAction.Updated => "Its fields were changed (`updateReview`).",
                ReviewRevisionAction.Published => "It was made public (`publishReview`).",
                ReviewRevisionAction.Unpublished => "It was returned to draft (`unpublishReview`).",
                ReviewRevisionAction.Scheduled => "It was scheduled to be published at `publishAt` (`scheduleReview`).",
                ReviewRevisionAction.Imported => "It was brought in, or brought up to date, from another system (a WordPress import).",
                _ => "An earlier revision was brought back (`restoreReviewRevision`).",
            };
    }
}

public sealed class ReviewRevisionType : ObjectGraphType<ReviewRevision>
{
    public ReviewRevisionType()
    {
        Name = "ReviewRevision";
        Description = "One recorded change of a review: who made it, when, what it touched, and the review as it was afterwards.";
        Field(x => x.Number).Description("Place in the review's history, 1 for the oldest; pass it to `restoreReviewRevision`.");
        Field<NonNullGraphType<IntGraphType>>("version").Description("The review's `version` after this change.").Resolve(context => context.Source.Change.Version);
        Field<NonNullGraphType<ReviewRevisionActionEnum>>("action").Description("What kind of change it was.").Resolve(context => context.Source.Change.Action);
        Field<NonNullGraphType<DateTimeType>>("at").Description("When it was made.").Resolve(context => context.Source.Change.At);
        Field<NonNullGraphType<StringGraphType>>("by").Description("Who made it: the name of the API token used.").Resolve(context => context.Source.Change.By);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("changedFields")
            .Description("The fields it changed, as the inputs name them: `headline`, `body`, `status`, `publishedAt`…")
            .Resolve(context => context.Source.Change.ChangedFields);
        Field<IntGraphType>("restoredFrom").Description("For a restore: the `number` of the revision brought back.").Resolve(context => context.Source.Change.RestoredFrom);
        Field<NonNullGraphType<StringGraphType>>("headline").Description("The headline after the change.").Resolve(context => context.Source.Change.State.Headline);
        Field<NonNullGraphType<StringGraphType>>("slug").Description("The slug after the change.").Resolve(context => context.Source.Change.State.Slug);
        Field<NonNullGraphType<StringGraphType>>("byline").Description("The byline after the change.").Resolve(context => context.Source.Change.State.Byline);
        Field<NonNullGraphType<StringGraphType>>("bodyMarkdown").Description("The text after the change, as Markdown.").Resolve(context => context.Source.Change.State.BodyMarkdown);
        Field<NonNullGraphType<VerdictType>>("verdict").Description("The verdict after the change.").Resolve(context => context.Source.Change.State.Verdict);
        Field<FilmType>("film").Description("The film under review after the change; null if it has been deleted since.")
            .Resolve().WithService<FilmsByIdLoader>().Resolve((context, films) => films.Load(context.Source.Change.State.FilmId));
        Field<NonNullGraphType<ReviewStatusEnum>>("status").Description("The review's status after the change.").Resolve(context => context.Source.Change.State.Status);
        Field<DateTimeType>("publishedAt").Description("When the review was first published, as of this change.").Resolve(context => context.Source.Change.State.PublishedAt);
    }
}
