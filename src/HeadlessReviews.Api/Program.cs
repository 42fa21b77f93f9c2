using HeadlessReviews.Api.Commands;
using HeadlessReviews.Api.Execution.Warmup;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Importing.WordPress.Cli;
using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Storage.Replicas;
using HeadlessReviews.Api.Telemetry;
using HeadlessReviews.Api.Web;

var command = ServiceCommandLine.Parse(args);
switch (command.Command)
{
    case ServiceCommand.Help:
        Console.Out.WriteLine(command.Error);
        return 0;
    case ServiceCommand.Invalid:
        Console.Error.WriteLine(command.Error);
        return 2;
}

var hostArgs = command.Command == ServiceCommand.Migrate ? args : command.HostArgs;
// The content root defaults to the current directory; started from another folder (`dotnet run --project`
// from the repo root, `dotnet path/to/HeadlessReviews.Api.dll`) it would miss appsettings.json beside the
// assembly. An explicit --contentRoot or ASPNETCORE_CONTENTROOT still wins.
var contentRoot = File.Exists("appsettings.json") || ContentRootGiven(hostArgs) ? null : AppContext.BaseDirectory;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs, ContentRootPath = contentRoot });
if (command.Command == ServiceCommand.Migrate) MigrateCommand.Configure(builder);
// First: it runs the pages' queries while the database start-up (next) checks the schema.
else if (command.Command == ServiceCommand.Serve) builder.AddHeadlessReviewsWarmup();
builder.AddHeadlessReviewsStorage();
builder.AddHeadlessReviewsReadReplicas();
builder.AddHeadlessReviewsRealtime();
builder.AddHeadlessReviewsGraph();
builder.AddHeadlessReviewsWeb();
builder.AddHeadlessReviewsTelemetry();

var app = builder.Build();
switch (command.Command)
{
    case ServiceCommand.Migrate:
        return await MigrateCommand.RunAsync(app);
    case ServiceCommand.ImportWordPress:
        return await ImportWordPressCommand.RunAsync(app, command.Import!, Console.Out, Console.Error);
}

app.MapHeadlessReviewsEndpoints();
app.MapHeadlessReviewsMetrics();
await app.RunAsync();
return 0;

static bool ContentRootGiven(string[] args) =>
    args.Any(arg => arg.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase) || arg.StartsWith("contentRoot=", StringComparison.OrdinalIgnoreCase))
    || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }
    || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 };

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
