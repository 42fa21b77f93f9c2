using GraphQL.Types;
using HeadlessReviews.Api.Comments.Screening;

namespace HeadlessReviews.Api.Comments.Moderation;

public sealed class SpamVerdictEnum : EnumerationGraphType<SpamVerdict>
{
    public SpamVerdictEnum()
    {
        Name = "SpamVerdict";
        Description = "What spam screening concluded when the comment was posted.";
        foreach (var value in Values)
            value.Description = (SpamVerdict)value.Value! switch
            {
                SpamVerdict.Ham => "Looks like a real comment.",
                SpamVerdict.Spam => "Looks like spam.",
                _ => "Could not tell (or a checker was unavailable); held for a moderator.",
            };
    }
}
