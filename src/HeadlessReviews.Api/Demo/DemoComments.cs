using System.Globalization;
using HeadlessReviews.Api.Comments;

namespace HeadlessReviews.Api.Demo;

/// <summary>
/// Reader comments, mostly on the review of Her. Two there are deliberately not approved
/// ("her-5" pending, "her-6" spam) so the demo shows what the public must never see.
/// </summary>
public static class DemoComments
{
    /// <summary>A fresh list on every call: documents are mutable, and one test's edits must not leak into another's.</summary>
    public static IReadOnlyList<Comment> Build() =>
    [
        Comment("her-1", "her", CommentStatus.Approved, At("2014-02-14T19:22:00Z"),
            "Priya Shah", "priya.shah@example.com", "https://priya.example.net",
            "Went to see this tonight instead of the usual Valentine's dinner and I'm glad we did. Phoenix does so much in the scenes where he is only listening. Also, I want his trousers."),

        Comment("her-2", "her", CommentStatus.Approved, At("2014-02-15T10:03:00Z"),
            "Tom Ellery", "tom.ellery@example.net", null,
            "The trousers deserve their own credit. Agree about the listening scenes, though I found the stand-in girlfriend sequence hard to sit through. Maybe that was the point.",
            parent: "her-1"),

        Comment("her-3", "her", CommentStatus.Approved, At("2014-02-16T21:47:00Z"),
            "Zoë Lefèvre", "zoe.lefevre@example.com", "https://zoe-lefevre.example.net",
            "Seen in Lyon last night, in English with French subtitles. The subtitles struggled with Samantha's jokes; the film didn't. Le dernier plan sur le toit… magnifique 🌆"),

        Comment("her-4", "her", CommentStatus.Approved, At("2014-02-23T03:41:00Z"),
            "Marcus Bell", "marcus.bell@example.com", null,
            "Nice write-up. For me the photography was the star, all that hazy gold light. Falling for a machine is hardly a new idea on screen, but the way Jonze handles it, and what he uses it to say, won me round."),

        // Held for moderation: visible to moderators only.
        Comment("her-5", "her", CommentStatus.Pending, At("2014-02-25T13:15:00Z"),
            "Jo Whitcombe", "jo.whitcombe@example.net", null,
            "Can't go along with the Pop. Theodore was so wrapped up in himself that I was on Samantha's side by the end. Gorgeous to look at, mind."),

        // Caught as spam: must never reach the public, whatever the query.
        Comment("her-6", "her", CommentStatus.Spam, At("2014-02-26T04:02:00Z"),
            "Best Replica Watches", "deals@example.net", "https://cheap-watches.example.net/offer",
            "Great post!!! Luxury watches at 90% off, free shipping worldwide, visit our shop today!!!"),

        Comment("arrival-1", "arrival", CommentStatus.Approved, At("2016-11-12T20:18:00Z"),
            "Aisha Rahman", "aisha.rahman@example.com", "https://aisha.example.net",
            "Sat in the car park for ten minutes afterwards without starting the engine. The structure only makes sense at the very end, and then everything before it hurts in a different way."),

        Comment("arrival-2", "arrival", CommentStatus.Approved, At("2016-11-13T09:27:00Z"),
            "Owen Pryce", "owen.pryce@example.net", null,
            "Same here. Went back a second time knowing how it ends and it is almost a different film. The Max Richter piece over the opening gets me every time.",
            parent: "arrival-1"),

        Comment("joker-1", "joker", CommentStatus.Approved, At("2019-10-05T22:10:00Z"),
            "Dan Kowalski", "dan.kowalski@example.com", null,
            "Harsh verdict. I took it as a film about what happens when a city stops caring, not a celebration of Arthur. Fair point about the Scorsese borrowing, though."),
    ];

    private static Comment Comment(
        string slug, string reviewSlug, CommentStatus status, DateTimeOffset postedAt,
        string authorName, string authorEmail, string? authorUrl, string body, string? parent = null) => new()
        {
            Id = DemoIds.For("comment", slug),
            ReviewId = DemoIds.For("review", reviewSlug),
            ParentId = parent is null ? null : DemoIds.For("comment", parent),
            AuthorName = authorName,
            AuthorEmail = authorEmail,
            AuthorUrl = authorUrl,
            Body = body,
            PostedAt = postedAt,
            Status = status,
        };

    private static DateTimeOffset At(string isoUtc) =>
        DateTimeOffset.Parse(isoUtc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
