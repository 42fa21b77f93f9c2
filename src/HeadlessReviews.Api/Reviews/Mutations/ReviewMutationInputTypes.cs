using GraphQL.Types;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Graph.Scalars;
using HeadlessReviews.Api.Reviews.Editing;

namespace HeadlessReviews.Api.Reviews.Mutations;

public sealed class VerdictInputType : InputObjectGraphType<VerdictInput>
{
    public VerdictInputType()
    {
        Name = "VerdictInput";
        Description = "The verdict of a review.";
        Field<NonNullGraphType<VerdictRatingEnum>>("rating").Description("Pop or Poop.");
        Field<NonNullGraphType<StringGraphType>>("summary").Description("One sentence that sums the review up, 1 to 300 characters.");
    }
}

/// <summary>The review fields of both inputs; for updates, a field left out stays as it is (none of them can be cleared).</summary>
internal static class ReviewFieldsGraph
{
    public static void AddFields<T>(InputObjectGraphType<T> input, bool creating) where T : ReviewFields
    {
        input.ClientMutationIdField();
        if (creating) input.Field<NonNullGraphType<IdGraphType>>("filmId").Description("The film under review (a Film id).");
        else input.Field<IdGraphType>("filmId").Description("The film under review (a Film id).");
        input.Field<StringGraphType>("headline").Description(creating
            ? "Headline, 1 to 200 characters. Default: `Review – ` and the film's title."
            : "Headline, 1 to 200 characters.");
        input.Field<StringGraphType>("slug").Description(creating
            ? "URL-safe name (`her`), unique among reviews, including the old slugs that still lead to a renamed review. Default: the film's slug, made unique (`her-2`)."
            : "URL-safe name (`her`), unique among reviews, including the old slugs that still lead to a renamed review. Once the review has been published, its old slug keeps finding it.");
        if (creating) input.Field<NonNullGraphType<StringGraphType>>("byline").Description("Who wrote it, 1 to 100 characters.");
        else input.Field<StringGraphType>("byline").Description("Who wrote it, 1 to 100 characters.");
        if (creating) input.Field<NonNullGraphType<StringGraphType>>("body").Description("The text as Markdown (CommonMark; a block quote is a pull-quote; a `<!--more-->` paragraph ends the excerpt), up to 100,000 characters.");
        else input.Field<StringGraphType>("body").Description("The text as Markdown (CommonMark; a block quote is a pull-quote; a `<!--more-->` paragraph ends the excerpt), up to 100,000 characters.");
        if (creating) input.Field<NonNullGraphType<VerdictInputType>>("verdict").Description("Pop or Poop, with its summary.");
        else input.Field<VerdictInputType>("verdict").Description("Pop or Poop, with its summary.");
    }

    /// <summary>The review a change applies to and the version it is based on.</summary>
    public static void AddTarget<T>(InputObjectGraphType<T> input, string what)
    {
        input.TargetFields($"The review to {what}.");
    }
}

public sealed class CreateReviewInputType : MutationInputType<CreateReviewInput>
{
    public CreateReviewInputType()
    {
        Name = "CreateReviewInput";
        Description = "A new review; it starts as a draft.";
        ReviewFieldsGraph.AddFields(this, creating: true);
    }
}

public sealed class UpdateReviewInputType : MutationInputType<UpdateReviewInput>
{
    public UpdateReviewInputType()
    {
        Name = "UpdateReviewInput";
        Description = "Changes to a review: fields left out stay as they are.";
        ReviewFieldsGraph.AddTarget(this, "change");
        ReviewFieldsGraph.AddFields(this, creating: false);
    }
}

/// <summary>Input of the mutations that take only the review and its version; one GraphQL type per mutation, as Relay has it.</summary>
public abstract class ReviewVersionInputType : MutationInputType<ReviewVersionInput>
{
    protected ReviewVersionInputType(string name, string what)
    {
        Name = name;
        Description = $"The review to {what}.";
        this.ClientMutationIdField();
        ReviewFieldsGraph.AddTarget(this, what);
    }
}

public sealed class PublishReviewInputType() : ReviewVersionInputType("PublishReviewInput", "publish");

public sealed class UnpublishReviewInputType() : ReviewVersionInputType("UnpublishReviewInput", "return to draft");

public sealed class DeleteReviewInputType() : ReviewVersionInputType("DeleteReviewInput", "delete");

public sealed class ScheduleReviewInputType : MutationInputType<ScheduleReviewInput>
{
    public ScheduleReviewInputType()
    {
        Name = "ScheduleReviewInput";
        Description = "A review and when to publish it.";
        this.ClientMutationIdField();
        ReviewFieldsGraph.AddTarget(this, "schedule");
        Field<NonNullGraphType<DateTimeType>>("publishAt").Description("When to publish it: a future instant with its offset, `2026-12-01T09:00:00Z`.");
    }
}

public sealed class RestoreReviewRevisionInputType : MutationInputType<RestoreReviewRevisionInput>
{
    public RestoreReviewRevisionInputType()
    {
        Name = "RestoreReviewRevisionInput";
        Description = "A review and the revision whose text to bring back.";
        this.ClientMutationIdField();
        ReviewFieldsGraph.AddTarget(this, "restore");
        Field<NonNullGraphType<IntGraphType>>("revision").Description("The `number` of the revision in the review's `revisions`.");
    }
}
