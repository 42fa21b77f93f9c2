using System.Diagnostics;
using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.People;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Bench.Loader;
using JasperFx;
using Marten;
using Npgsql;
using Weasel.Core;

// Loader --scale S|M|L --connection "<Npgsql connection string>" [--seed 16] [--targets file.tsv]
// Writes the catalogue into the service's Marten tables (which `HeadlessReviews.Api.dll migrate` made)
// with Marten's bulk insert, and the same rows into the relational schema "rel" for PostGraphile.
var arguments = args.Select((value, i) => (value, i)).Where(a => a.value.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(a => a.value[2..], a => a.i + 1 < args.Length ? args[a.i + 1] : "");
var scale = Scale.Parse(arguments.GetValueOrDefault("scale", "S"));
var connectionString = arguments.GetValueOrDefault("connection") ?? throw new ArgumentException("--connection is required");
var seed = int.Parse(arguments.GetValueOrDefault("seed", "16"), System.Globalization.CultureInfo.InvariantCulture);
var generator = new Generator(scale, seed);

var options = new StoreOptions();
options.Connection(connectionString);
options.UseSystemTextJsonForSerialization(EnumStorage.AsString);
options.AutoCreateSchemaObjects = AutoCreate.None;
FilmStorage.Configure(options);
PersonStorage.Configure(options);
ReviewStorage.Configure(options);
CommentStorage.Configure(options);
using var store = new DocumentStore(options);
await using var dataSource = NpgsqlDataSource.Create(connectionString);

var clock = Stopwatch.StartNew();
Console.Error.WriteLine($"loading scale {scale.Name}: {scale.Films:N0} films, {scale.People:N0} people, {scale.Reviews:N0} reviews, {scale.Comments:N0} comments (seed {seed})");
await Relational.CreateTablesAsync(dataSource);

await LoadAsync("people", scale.People, 5_000, i => generator.Person(i), async batch =>
{
    await store.BulkInsertAsync(batch, BulkInsertMode.InsertsOnly, batch.Count);
    await Relational.CopyPeopleAsync(dataSource, batch);
});
await LoadAsync("films", scale.Films, 2_000, i => generator.Film(i), async batch =>
{
    await store.BulkInsertAsync(batch, BulkInsertMode.InsertsOnly, batch.Count);
    await Relational.CopyFilmsAsync(dataSource, batch);
});
await LoadAsync("reviews", scale.Reviews, 500, i => generator.Review(i), async batch =>
{
    await store.BulkInsertAsync(batch, BulkInsertMode.InsertsOnly, batch.Count);
    await Relational.CopyReviewsAsync(dataSource, batch);
});
await LoadAsync("comments", scale.Reviews, 1_000, i => generator.Comments(i).ToList(), async batch =>
{
    var comments = batch.SelectMany(c => c).ToList();
    await store.BulkInsertAsync(comments, BulkInsertMode.InsertsOnly, comments.Count);
    await Relational.CopyCommentsAsync(dataSource, comments);
}, unit: "reviews' comments");

Console.Error.WriteLine($"relational copy: keys, indexes and functions ({clock.Elapsed.TotalSeconds:F0} s)");
await Relational.FinishAsync(dataSource);
await using (var analyze = dataSource.CreateCommand("analyze"))
{
    analyze.CommandTimeout = 0;
    await analyze.ExecuteNonQueryAsync();
}

if (arguments.TryGetValue("targets", out var targets))
{
    // What the load generator asks for: published reviews (slug, global id), spread over the catalogue.
    var published = Enumerable.Range(0, scale.Reviews).Where(i => i % Math.Max(1, scale.Reviews / 2000) == 0)
        .Select(generator.Review).Where(r => r.IsPublished).Take(1000)
        .Select(r => $"{r.Slug}\t{HeadlessReviews.Api.Graph.GlobalId.Encode("Review", r.Id)}\t{r.Id}");
    await File.WriteAllLinesAsync(targets, published);
}
Console.Error.WriteLine($"loaded scale {scale.Name} in {clock.Elapsed.TotalSeconds:F0} s");
return 0;

// Makes items in parallel (the review bodies are rendered like an editor's save renders them) and writes them in order, batch by batch.
async Task LoadAsync<T>(string name, int count, int batchSize, Func<int, T> make, Func<IReadOnlyList<T>, Task> write, string? unit = null)
{
    var started = clock.Elapsed;
    for (var start = 0; start < count; start += batchSize)
    {
        var size = Math.Min(batchSize, count - start);
        var batch = new T[size];
        Parallel.For(0, size, i => batch[i] = make(start + i));
        await write(batch);
        var done = start + size;
        var seconds = (clock.Elapsed - started).TotalSeconds;
        Console.Error.Write($"\r  {name}: {done:N0}/{count:N0} {unit ?? ""} ({100.0 * done / count:F0} %, {seconds:F0} s, {done / Math.Max(seconds, 0.001):N0}/s)   ");
    }
    Console.Error.WriteLine();
}
