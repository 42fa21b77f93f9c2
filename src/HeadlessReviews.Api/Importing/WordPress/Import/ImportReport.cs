using System.Text.Json;
using System.Text.Json.Serialization;

namespace HeadlessReviews.Api.Importing.WordPress.Import;

/// <summary>
/// What an import did, one entry for every &lt;item&gt; of the file (each skip with its reason), with counts of comments,
/// films and people and the warnings: what stayed behind, and why. Written as JSON (<see cref="ToJson"/>) and printed
/// as a summary table.
/// </summary>
public sealed class ImportReport
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Site { get; set; } = "";
    public bool DryRun { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public double Seconds => Math.Round((FinishedAt - StartedAt).TotalSeconds, 2);
    public List<ImportedItem> Items { get; set; } = [];
    public CommentCounts Comments { get; set; } = new();
    public CatalogueCounts Films { get; set; } = new();
    public CatalogueCounts People { get; set; } = new();
    public List<string> Warnings { get; set; } = [];

    /// <summary>How many items ended with <paramref name="outcome"/>.</summary>
    public int Count(ImportOutcome outcome) => Items.Count(item => item.Outcome == outcome);

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <param name="Type">The WordPress post type (<c>post</c>, <c>page</c>, <c>attachment</c>, <c>nav_menu_item</c>…).</param>
/// <param name="Id">The global id of the review it became, when it became one.</param>
public sealed record ImportedItem(long WpId, string Type, string Title, ImportOutcome Outcome, string? Reason, string? Id);

public sealed class CommentCounts
{
    public int Total { get; set; }
    public int Imported { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Skipped { get; set; }
    /// <summary>Moderated or deleted here since an earlier import: left as they are (also counted as skipped).</summary>
    public int Conflicts { get; set; }
}

public sealed class CatalogueCounts
{
    /// <summary>Made by this import.</summary>
    public int Created { get; set; }
    /// <summary>Found already here (by name, or title and year) and used as they are.</summary>
    public int Matched { get; set; }
}
