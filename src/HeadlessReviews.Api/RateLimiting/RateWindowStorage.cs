using Marten;
using Weasel.Postgresql.Tables;

namespace HeadlessReviews.Api.RateLimiting;

/// <summary>
/// The table behind <see cref="SharedRateWindows"/>: requests per client (a keyed address hash, never the
/// address) in its current window of each kind, and when that window ends. A plain table rather than a document, for an atomic upsert of a counter.
/// (Named for the comment posts it first counted; the name stays so existing databases keep their counts.)
/// Part of Marten's schema, so migrations and Production's schema check include it.
/// </summary>
public static class RateWindowStorage
{
    public const string Name = "public.hr_comment_post_counts";

    public static void Configure(StoreOptions options)
    {
        var table = new Table(Name);
        table.AddColumn<string>("client").AsPrimaryKey();
        table.AddColumn<string>("window_kind").AsPrimaryKey();
        table.AddColumn<DateTimeOffset>("window_end").NotNull();
        table.AddColumn<int>("posts").NotNull();
        // Expired windows are swept by end time.
        table.Indexes.Add(new IndexDefinition("ix_hr_comment_post_counts_window_end") { Columns = ["window_end"] });
        options.Storage.ExtendedSchemaObjects.Add(table);
    }
}
