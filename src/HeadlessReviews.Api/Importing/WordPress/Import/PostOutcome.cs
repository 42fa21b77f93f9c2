namespace HeadlessReviews.Api.Importing.WordPress.Import;

/// <summary>What became of one post: the item's outcome, and what it added to the comment, film and people counts.</summary>
public sealed class PostOutcome
{
    public ImportOutcome Outcome { get; set; }
    public string? Reason { get; set; }
    public Guid? ReviewId { get; set; }
    public CommentCounts Comments { get; } = new();
    public CatalogueCounts Films { get; } = new();
    public CatalogueCounts People { get; } = new();
    public List<string> Warnings { get; } = [];
    /// <summary>The blog's own lines left out of the text (reported once per line for the whole import, with a count).</summary>
    public List<string> RemovedBoilerplate { get; } = [];

    /// <summary>Whether anything of it is to be written (else its transaction is rolled back).</summary>
    public bool Writes { get; set; }
}
