using HeadlessReviews.Api.Comments.Screening;

namespace HeadlessReviews.Tests.Comments.Screening;

/// <summary>A plausible reader's comment, to vary one field at a time.</summary>
public static class Submissions
{
    public static CommentSubmission Reader(string body = "Loved the bit about the trousers; the score is underrated too.") => new(
        ReviewId: Guid.NewGuid(),
        AuthorName: "Wallace",
        AuthorEmail: "wallace@example.org",
        AuthorUrl: null,
        Body: body,
        ClientAddress: "203.0.113.7",
        UserAgent: "Mozilla/5.0",
        Referrer: "https://reviews.example/films/the-wrong-trousers",
        HoneypotFilled: false,
        TimeSinceFormIssued: TimeSpan.FromSeconds(40),
        Permalink: "https://reviews.example/reviews/the-wrong-trousers");
}
