using GraphQL.Types;

namespace HeadlessReviews.Api.Reviews;

public sealed class VerdictRatingEnum : EnumerationGraphType<VerdictRating>
{
    public VerdictRatingEnum()
    {
        Name = "VerdictRating";
        Description = "The publication's one-word judgement.";
        foreach (var value in Values)
            value.Description = (VerdictRating)value.Value! == VerdictRating.Pop ? "Pop: go and see it." : "Poop: give it a miss.";
    }
}

public sealed class VerdictType : ObjectGraphType<Verdict>
{
    public VerdictType()
    {
        Name = "Verdict";
        Description = "The verdict of a review: Pop or Poop, and the sentence that backs it.";
        Field<NonNullGraphType<VerdictRatingEnum>>("rating").Description("Pop or Poop.").Resolve(context => context.Source.Rating);
        Field(x => x.Summary).Description("One sentence that sums the review up.");
    }
}
