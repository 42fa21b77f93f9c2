using HeadlessReviews.Api.Execution.Warmup;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Telemetry;
using HeadlessReviews.Api.Web;

// The content root defaults to the current directory; started from another folder (`dotnet run --project`
// from the repo root, `dotnet path/to/HeadlessReviews.Api.dll`) it would miss appsettings.json beside the
// assembly. An explicit --contentRoot or ASPNETCORE_CONTENTROOT still wins.
var contentRoot = File.Exists("appsettings.json") || ContentRootGiven(args) ? null : AppContext.BaseDirectory;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });
if (MigrateCommand.IsRequested(args)) MigrateCommand.Configure(builder);
// First: it runs the pages' queries while the database start-up (next) checks the schema.
else builder.AddHeadlessReviewsWarmup();
builder.AddHeadlessReviewsStorage();
builder.AddHeadlessReviewsRealtime();
builder.AddHeadlessReviewsGraph();
builder.AddHeadlessReviewsWeb();
builder.AddHeadlessReviewsTelemetry();

var app = builder.Build();
if (MigrateCommand.IsRequested(args)) return await MigrateCommand.RunAsync(app);

app.MapHeadlessReviewsEndpoints();
await app.RunAsync();
return 0;

static bool ContentRootGiven(string[] args) =>
    args.Any(arg => arg.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase) || arg.StartsWith("contentRoot=", StringComparison.OrdinalIgnoreCase))
    || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }
    || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 };

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
