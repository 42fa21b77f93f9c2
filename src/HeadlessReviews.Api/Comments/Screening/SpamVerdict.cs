namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>What screening concluded about a comment.</summary>
public enum SpamVerdict
{
    Ham,
    Spam,
    Unsure,
}
