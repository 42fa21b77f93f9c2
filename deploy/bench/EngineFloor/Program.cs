// The floor under any GraphQL.NET service's review page: the bench's review-page document executed by
// GraphQL.NET alone over objects already in memory, shaped as the service answered it, then written as
// JSON. No HTTP, no database, no loaders, no validation rules (as for a cached document), serial execution,
// synchronous field resolvers: every cost a real service adds comes on top of this.
//
// dotnet run -c Release --project deploy/bench/EngineFloor -- REQUEST.json RESPONSE.json [SECONDS]
//   REQUEST.json   one request body of the bench ({"query": …, "variables": …})
//   RESPONSE.json  the service's answer to it (its "data" is the page the engine builds)
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using Microsoft.Extensions.DependencyInjection;
using GraphQLParser.AST;
using HeadlessReviews.Bench.EngineFloor;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: EngineFloor REQUEST.json RESPONSE.json [SECONDS]");
    return 2;
}

var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
using var request = JsonDocument.Parse(File.ReadAllBytes(args[0]));
var query = request.RootElement.GetProperty("query").GetString()!;
var variables = new GraphQLSerializer().Deserialize<Inputs>(request.RootElement.GetProperty("variables").GetRawText());
var page = JsonSerializer.Deserialize<PageData>(File.ReadAllBytes(args[1]), web)!.Data.Review
    ?? throw new InvalidOperationException("The response has no review.");
var seconds = args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10;

var services = new ServiceCollection();
services.AddSingleton(page);
services.AddSingleton<FloorQuery>();
// As the service registers its engine: System.Text.Json, serial execution of queries.
services.AddGraphQL(graph => graph
    .AddSchema<FloorSchema>()
    .AddGraphTypes(typeof(FloorQuery).Assembly)
    .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
    .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query));
using var provider = services.BuildServiceProvider();
var executer = provider.GetRequiredService<IDocumentExecuter<FloorSchema>>();
var serializer = provider.GetRequiredService<IGraphQLTextSerializer>();
// Parsed once, as the service's document cache does.
var document = GraphQLParser.Parser.Parse(query);
var output = new MemoryStream();

async Task<long> ExecuteAsync()
{
    var result = await executer.ExecuteAsync(new ExecutionOptions
    {
        RequestServices = provider,
        Query = query,
        Document = document,
        Variables = variables,
        ValidationRules = [],
        CachedDocumentValidationRules = [],
    });
    if (result.Errors is { Count: > 0 } errors) throw new InvalidOperationException(errors[0].Message);
    output.SetLength(0);
    await serializer.WriteAsync(output, result);
    return output.Length;
}

// The engine must build the very page the service answered, or the figure would be of another page.
await ExecuteAsync();
if (!JsonNode.DeepEquals(JsonNode.Parse(output.ToArray()), JsonNode.Parse(File.ReadAllBytes(args[1]))))
{
    Console.Error.WriteLine("The engine's page differs from the response: " + System.Text.Encoding.UTF8.GetString(output.ToArray()));
    return 1;
}

// Warm-up: until tiered compilation has settled (the service is measured after 30 s of load).
var warm = Stopwatch.StartNew();
while (warm.Elapsed.TotalSeconds < Math.Min(seconds, 15)) await ExecuteAsync();

var bytes = await ExecuteAsync();
var process = Process.GetCurrentProcess();
process.Refresh();
var cpu0 = process.TotalProcessorTime;
var clock = Stopwatch.StartNew();
long pages = 0;
while (clock.Elapsed.TotalSeconds < seconds)
{
    await ExecuteAsync();
    pages++;
}
clock.Stop();
process.Refresh();
var cpu = (process.TotalProcessorTime - cpu0).TotalMilliseconds;
Console.WriteLine($"GraphQL.NET {typeof(DocumentExecuter).Assembly.GetName().Version} alone, review page ({bytes:N0} bytes of JSON, {FloorQuery.CountFields(page)} fields resolved): " +
    $"{clock.Elapsed.TotalMilliseconds * 1000 / pages:F0} µs a page on one thread, {cpu * 1000 / pages:F0} µs of CPU a page (GC threads included), {pages:N0} pages in {clock.Elapsed.TotalSeconds:F0} s");
return 0;
