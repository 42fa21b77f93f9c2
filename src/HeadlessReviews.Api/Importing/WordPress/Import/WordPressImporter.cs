using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Importing.WordPress.Content;
using HeadlessReviews.Api.Importing.WordPress.Http;
using HeadlessReviews.Api.Importing.WordPress.Wxr;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Storage.Sessions;
using HeadlessReviews.Api.Webhooks;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HeadlessReviews.Api.Importing.WordPress.Import;

/// <summary>
/// Imports a WordPress export (WXR) file: a first pass reads the whole file (a broken file is refused before anything
/// is written, with its line and position) and collects attachments; the second pass takes each item in turn, writes
/// every review post with its film, people and comments in one transaction (an interrupted import leaves whole posts,
/// and the next run completes it), and reports every item. Quiet: no subscriber or webhook hears of single items; one
/// <c>import.completed</c> webhook event, with the cache tags of what was touched, is sent at the end.
/// A dry run does all of it in one transaction that is rolled back.
/// </summary>
public sealed class WordPressImporter(IDocumentStore store, IServiceScopeFactory scopes, WebhookOutbox outbox, TimeProvider clock,
    IOptions<ImportSettings> settings, ILogger<WordPressImporter> logger)
{
    public const string ActorName = "WordPress import";
    public const string CompletedEvent = "import.completed";

    /// <exception cref="WxrFormatException">The file is not a readable WXR file; nothing was written.</exception>
    /// <exception cref="ImportAlreadyRunningException">Another import is running; nothing was written.</exception>
    public async Task<ImportReport> RunAsync(string path, WordPressImportOptions options, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var report = new ImportReport { DryRun = options.DryRun, StartedAt = started };
        var attachments = new Attachments();
        progress?.Report(new ImportProgress("reading", 0, 0, 0, 0, TimeSpan.Zero));
        WxrScanSummary scan;
        await using (var file = OpenRead(path)) scan = WxrScan.Validate(file, attachments.Collect, cancellationToken);
        report.Site = SourceSite.KeyOf(scan.Channel);

        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        if (!await ImportLock.TryTakeAsync(connection, cancellationToken)) throw new ImportAlreadyRunningException();
        try
        {
            await ImportItemsAsync(path, options, scan, attachments, connection, report, progress, cancellationToken);
        }
        finally
        {
            await ImportLock.ReleaseAsync(connection);
        }
        report.FinishedAt = clock.GetUtcNow();
        return report;
    }

    private async Task ImportItemsAsync(string path, WordPressImportOptions options, WxrScanSummary scan, Attachments attachments,
        NpgsqlConnection connection, ImportReport report, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        CatalogueIndex catalogue;
        HashSet<string> recorded;
        await using (var query = store.QuerySession())
        {
            catalogue = await CatalogueIndex.LoadAsync(query, cancellationToken);
            recorded = [.. await query.Query<ImportRecord>().Where(r => r.Site == report.Site).Select(r => r.Id).ToListAsync(cancellationToken)];
        }
        var context = new ImportContext(report.Site, scan.Channel, options, catalogue, attachments);
        report.Warnings.AddRange(scan.Warnings);

        // A dry run writes everything into one transaction, each post behind a savepoint, and rolls it all back: one lane.
        await using var dryRun = options.DryRun ? await connection.BeginTransactionAsync(cancellationToken) : null;
        var laneCount = dryRun is null ? Math.Max(1, settings.Value.Connections) : 1;
        var connections = new NpgsqlConnection[laneCount];
        try
        {
            for (var i = 0; i < laneCount; i++)
            {
                if (dryRun is not null) { connections[i] = connection; continue; }
                connections[i] = store.Storage.Database.CreateConnection();
                await connections[i].OpenAsync(cancellationToken);
            }
            await using var lanes = new ImportLanes(laneCount,
                (lane, post, token) => ImportPostAsync(post, context, recorded, connections[lane], dryRun, token), cancellationToken);
            try
            {
                await ReadAndWriteAsync(path, scan, context, recorded, lanes, report, progress, cancellationToken);
            }
            catch
            {
                lanes.Stop();
                throw;
            }
        }
        finally
        {
            if (dryRun is null)
                foreach (var lane in connections)
                    if (lane is not null) await lane.DisposeAsync();
        }
        await SendSummaryAsync(report, connection, dryRun, cancellationToken);
        if (dryRun is not null) await dryRun.RollbackAsync(CancellationToken.None);
    }

    /// <summary>
    /// Reads the items in turn and hands each review post to the lanes (converted ahead here, while the lanes write);
    /// the report lists the outcomes in file order.
    /// </summary>
    private async Task ReadAndWriteAsync(string path, WxrScanSummary scan, ImportContext context, HashSet<string> recorded, ImportLanes lanes,
        ImportReport report, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        // How many items may wait for an earlier post to be reported: bounds what is held in memory.
        const int MaxAhead = 32;
        var clockStart = clock.GetTimestamp();
        var lastProgress = clockStart;
        int itemsDone = 0, commentsDone = 0;
        var boilerplate = new Dictionary<string, int>(StringComparer.Ordinal);
        var inOrder = new Queue<(WxrItem Item, ItemTriage Triage, string Title, Task<PostOutcome>? Outcome)>();
        async Task ReportAsync(bool all)
        {
            while (inOrder.Count > 0 && (all || inOrder.Count > MaxAhead || inOrder.Peek().Outcome is null or { IsCompleted: true }))
            {
                var (item, triage, title, outcome) = inOrder.Dequeue();
                if (outcome is null) report.Items.Add(new ImportedItem(item.PostId, item.PostType, title, ImportOutcome.Skipped, triage.Reason, null));
                else Add(report, item, title, await outcome, boilerplate);
                itemsDone++;
                commentsDone += item.Comments.Count;
            }
        }

        await using var file = OpenRead(path);
        using var reader = WxrReader.Open(file);
        foreach (var item in reader.ReadItems(cancellationToken))
        {
            var triage = ItemTriage.Of(item, context.Options);
            var title = WxrHtmlText.Decode(item.Title).Trim();
            Task<PostOutcome>? outcome = null;
            if (triage.IsReview)
            {
                var known = Recorded(recorded, ImportRecord.KeyOf(context.Site, item.PostId));
                var post = new PreparedPost(item, triage, known ? null : WordPressPost.Convert(item.Content, context.Conversion));
                outcome = await lanes.EnqueueAsync(post, LaneKeys(post, context.Catalogue), cancellationToken);
            }
            inOrder.Enqueue((item, triage, title, outcome));
            await ReportAsync(all: false);
            if (clock.GetElapsedTime(lastProgress) >= TimeSpan.FromMilliseconds(250))
            {
                lastProgress = clock.GetTimestamp();
                progress?.Report(new ImportProgress("importing", itemsDone, scan.Items, commentsDone, scan.Comments, clock.GetElapsedTime(clockStart)));
            }
        }
        await ReportAsync(all: true);
        foreach (var (line, posts) in boilerplate)
            report.Warnings.Add($"Left out the blog's own line \"{line}\" (not the review's) from {posts} post(s).");
        progress?.Report(new ImportProgress("done", itemsDone, scan.Items, commentsDone, scan.Comments, clock.GetElapsedTime(clockStart)));
    }

    /// <summary>
    /// What a post must not share with a post in flight on another lane: its WordPress id, its review's slugs, its film's
    /// title, and the people it names who are not here yet (those who are can only be matched).
    /// </summary>
    private static IEnumerable<string> LaneKeys(PreparedPost post, CatalogueIndex catalogue)
    {
        yield return $"post:{post.Item.PostId}";
        foreach (var slug in PostImport.ReviewSlugKeys(post.Item)) yield return $"slug:{slug}";
        if (post.Converted is null) yield break;
        var (film, people) = PostImport.CatalogueKeys(post.Triage, post.Converted);
        yield return $"film:{film}";
        foreach (var person in people)
            if (!catalogue.HasPerson(person)) yield return $"person:{person}";
    }

    private static bool Recorded(HashSet<string> recorded, string key)
    {
        lock (recorded) return recorded.Contains(key);
    }

    private async Task<PostOutcome> ImportPostAsync(PreparedPost post, ImportContext context, HashSet<string> recorded,
        NpgsqlConnection connection, NpgsqlTransaction? dryRun, CancellationToken cancellationToken)
    {
        const string Savepoint = "import_post";
        var item = post.Item;
        var catalogue = context.Catalogue.ForPost();
        var transaction = dryRun ?? await connection.BeginTransactionAsync(cancellationToken);
        if (dryRun is not null) await dryRun.SaveAsync(Savepoint, cancellationToken);
        var committed = false;
        try
        {
            PostOutcome outcome;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var services = scope.ServiceProvider;
                services.GetRequiredService<AmbientTransaction>().Join(transaction);
                services.GetRequiredService<BackgroundActor>().ActAs(ActorName, Roles.Admin);
                var announcer = services.GetRequiredService<ChangeAnnouncer>();
                announcer.Quiet = true;
                announcer.DeferPurges();
                var session = services.GetRequiredService<IDocumentSession>();
                var key = ImportRecord.KeyOf(context.Site, item.PostId);
                var record = Recorded(recorded, key) ? await session.LoadAsync<ImportRecord>(key, cancellationToken) : null;
                outcome = await services.GetRequiredService<PostImport>().ImportAsync(post, context, catalogue, record, cancellationToken);
            }
            if (outcome.Writes)
            {
                if (dryRun is null) await transaction.CommitAsync(cancellationToken);
                else await dryRun.ReleaseAsync(Savepoint, cancellationToken);
                committed = true;
                catalogue.Commit();
                lock (recorded) recorded.Add(ImportRecord.KeyOf(context.Site, item.PostId));
            }
            return outcome;
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested && error is not NpgsqlException { IsTransient: true })
        {
            logger.LogWarning(error, "WordPress import: post {PostId} could not be written", item.PostId);
            return new PostOutcome { Outcome = ImportOutcome.Skipped, Reason = $"Could not be written, so nothing of it was: {error.Message}" };
        }
        finally
        {
            if (!committed)
            {
                catalogue.Discard();
                if (dryRun is null) await transaction.RollbackAsync(CancellationToken.None);
                else await dryRun.RollbackAsync(Savepoint, CancellationToken.None);
            }
            if (dryRun is null) await transaction.DisposeAsync();
        }
    }

    private static void Add(ImportReport report, WxrItem item, string title, PostOutcome outcome, Dictionary<string, int> boilerplate)
    {
        var id = outcome.ReviewId is { } review && outcome.Outcome is not ImportOutcome.Skipped ? GlobalId.Encode("Review", review) : null;
        report.Items.Add(new ImportedItem(item.PostId, item.PostType, title, outcome.Outcome, outcome.Reason, id));
        var counts = report.Comments;
        if (outcome.Outcome is ImportOutcome.Skipped)
        {
            counts.Total += item.Comments.Count;
            counts.Skipped += item.Comments.Count;
        }
        else
        {
            counts.Total += outcome.Comments.Total;
            counts.Imported += outcome.Comments.Imported;
            counts.Updated += outcome.Comments.Updated;
            counts.Unchanged += outcome.Comments.Unchanged;
            counts.Skipped += outcome.Comments.Skipped;
            counts.Conflicts += outcome.Comments.Conflicts;
            report.Films.Created += outcome.Films.Created;
            report.Films.Matched += outcome.Films.Matched;
            report.People.Created += outcome.People.Created;
            report.People.Matched += outcome.People.Matched;
        }
        foreach (var warning in outcome.Warnings) report.Warnings.Add($"Post {item.PostId} ({title}): {warning}");
        if (outcome.Outcome is not ImportOutcome.Skipped)
            foreach (var line in outcome.RemovedBoilerplate) boilerplate[line] = boilerplate.GetValueOrDefault(line) + 1;
    }

    /// <summary>One webhook event for the whole import, with the cache tags of every kind it wrote (receivers purge those).</summary>
    private async Task SendSummaryAsync(ImportReport report, NpgsqlConnection connection, NpgsqlTransaction? dryRun, CancellationToken cancellationToken)
    {
        var wrote = report.Count(ImportOutcome.Imported) + report.Count(ImportOutcome.Updated) + report.Comments.Imported + report.Comments.Updated;
        if (wrote == 0) return;
        List<string> tags = ["review", "comment", .. report.Films.Created > 0 ? new[] { "film" } : [], .. report.People.Created > 0 ? new[] { "person" } : []];
        var summary = new WebhookEvent(Guid.NewGuid(), CompletedEvent, clock.GetStoredNow(), new Dictionary<string, object?>
        {
            ["__typename"] = "WordPressImport",
            ["site"] = report.Site,
            ["imported"] = report.Count(ImportOutcome.Imported),
            ["updated"] = report.Count(ImportOutcome.Updated),
            ["comments"] = report.Comments.Imported + report.Comments.Updated,
            ["films"] = report.Films.Created,
            ["people"] = report.People.Created,
        }, tags);
        var transaction = dryRun ?? await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using var session = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction));
            outbox.Queue(session, summary);
            await session.SaveChangesAsync(cancellationToken);
            if (dryRun is null) await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            if (dryRun is null) await transaction.DisposeAsync();
        }
    }

    private static FileStream OpenRead(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
}
