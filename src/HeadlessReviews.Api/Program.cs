using HeadlessReviews.Api.Execution.Warmup;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Storage.Replicas;
using HeadlessReviews.Api.Telemetry;
using HeadlessReviews.Api.Web;

var builder = WebApplication.CreateBuilder(args);
if (MigrateCommand.IsRequested(args)) MigrateCommand.Configure(builder);
// First: it runs the pages' queries while the database start-up (next) checks the schema.
else builder.AddHeadlessReviewsWarmup();
builder.AddHeadlessReviewsStorage();
builder.AddHeadlessReviewsReadReplicas();
builder.AddHeadlessReviewsRealtime();
builder.AddHeadlessReviewsGraph();
builder.AddHeadlessReviewsWeb();
builder.AddHeadlessReviewsTelemetry();

var app = builder.Build();
if (MigrateCommand.IsRequested(args)) return await MigrateCommand.RunAsync(app);

app.MapHeadlessReviewsEndpoints();
app.MapHeadlessReviewsMetrics();
await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
