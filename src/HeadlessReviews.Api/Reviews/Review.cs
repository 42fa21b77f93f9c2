using System.Text.Json.Serialization;
using HeadlessReviews.Api.Execution;
using JasperFx;
using Marten.Schema;

namespace HeadlessReviews.Api.Reviews;

/// <summary>An editor's review of one film.</summary>
public sealed class Review : IRevisioned, ICacheTagged
{
    public Guid Id { get; set; }

    string ICacheTagged.CacheTagKind => "review";

    /// <summary>Numeric revision kept by Marten: 1 when created, one more on every change.</summary>
    public int Version { get; set; }

    public string Slug { get; set; } = "";

    /// <summary>Slugs the review had while public before a rename: they still find it (<c>review(slug:)</c>).</summary>
    public List<string> PreviousSlugs { get; set; } = [];

    public string Headline { get; set; } = "";
    public Guid FilmId { get; set; }
    public string Byline { get; set; } = "";
    public ReviewBody Body { get; set; } = ReviewBody.Empty;

    /// <summary>
    /// <see cref="ReviewBody.ExcerptChars"/> of the body, kept beside it so that a card (read without the body) cuts
    /// its excerpt at the same place. Set with the body.
    /// </summary>
    public int? ExcerptChars { get; set; }
    public Verdict Verdict { get; set; } = new(VerdictRating.Pop, "");
    public ReviewStatus Status { get; set; } = ReviewStatus.Draft;
    public DateTimeOffset? PublishAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>
    /// The publication time for ordering, never null: unpublished reviews (editors only) sort as the
    /// newest. Kept as an indexed column so the home page's newest-first list is an index scan.
    /// </summary>
    public DateTimeOffset PublishedOrder => PublishedAt ?? DateTimeOffset.MaxValue;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsPublished => Status == ReviewStatus.Published;

    /// <summary>
    /// Set on a card a list loaded without the body (<see cref="ReviewCards"/>): its body holds only the start
    /// of the text, enough for excerpts up to this length. Null: the whole review. Never stored.
    /// </summary>
    [JsonIgnore]
    public int? ExcerptsUpTo { get; set; }

    /// <summary>
    /// Set on a review the lookup by slug read for a page that shows only its body's HTML and pull-quotes
    /// (<see cref="ReviewIdsBySlugLoader"/>): the body's Markdown and plain text, two thirds of a review, were
    /// left in the database and are empty here. Never stored.
    /// </summary>
    [JsonIgnore]
    public bool BodyHtmlOnly { get; set; }

    /// <summary>Marten calls this when it maps the document: indexes its fluent configuration cannot express.</summary>
    public static void ConfigureMarten(DocumentMapping mapping) => ReviewStorage.AddPublishedListIndex(mapping);
}

public enum ReviewStatus
{
    Draft,
    Scheduled,
    Published,
    Archived,
}

public enum VerdictRating
{
    Pop,
    Poop,
}

/// <summary>The publication's one-word judgement and the sentence that backs it.</summary>
public sealed record Verdict(VerdictRating Rating, string Summary);
