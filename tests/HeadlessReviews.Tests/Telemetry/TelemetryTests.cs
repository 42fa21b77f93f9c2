using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Telemetry;

/// <summary>
/// Every GraphQL operation is a span named as OpenTelemetry's GraphQL conventions say, and with
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set the service sends its spans to that collector.
/// </summary>
public sealed class TelemetryTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task An_operation_is_a_span_with_its_type_name_and_outcome()
    {
        var operation = $"TelemetryProbe_{Guid.NewGuid():N}";
        var seen = new ConcurrentBag<Activity>();
        using var listener = Listen(seen);

        await GraphQL.DataAsync($"query {operation} {{ film(slug: \"her\") {{ title }} }}");
        var failing = JsonSerializer.Serialize(new { query = $"query {operation}Bad {{ noSuchField }}", operationName = $"{operation}Bad" });
        await GraphQL.SendAsync(HttpMethod.Post, "/graphql", failing, "application/json", GraphQLClient.GraphQLResponse);

        var ok = Assert.Single(seen, activity => (string?)activity.GetTagItem("graphql.operation.name") == operation);
        Assert.Equal($"query {operation}", ok.DisplayName);
        Assert.Equal("query", ok.GetTagItem("graphql.operation.type"));
        Assert.NotEqual(ActivityStatusCode.Error, ok.Status);

        var bad = Assert.Single(seen, activity => (string?)activity.GetTagItem("graphql.operation.name") == $"{operation}Bad");
        Assert.Equal(ActivityStatusCode.Error, bad.Status);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", bad.GetTagItem("error.type"));
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_spans_reach_the_collector()
    {
        using var collector = new FakeCollector();
        await using var host = Api.WithWebHostBuilder(builder => builder
            .UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", collector.Url)
            .UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
            .UseSetting("OTEL_BSP_SCHEDULE_DELAY", "100")
            .UseSetting("OTEL_SERVICE_NAME", "headlessreviews-test"));
        var operation = $"Exported_{Guid.NewGuid():N}";
        await new GraphQLClient(host.CreateClient()).DataAsync($"query {operation} {{ __typename }}");

        var traces = await collector.WaitForAsync("/v1/traces", operation, TimeSpan.FromSeconds(20));
        Assert.Contains("HeadlessReviews.GraphQL", traces, StringComparison.Ordinal);
        Assert.Contains("headlessreviews-test", traces, StringComparison.Ordinal);
    }

    private static ActivityListener Listen(ConcurrentBag<Activity> seen)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "HeadlessReviews.GraphQL",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = seen.Add,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    /// <summary>An OTLP/HTTP receiver on loopback that keeps every body it is sent (protobuf keeps strings as UTF-8).</summary>
    private sealed class FakeCollector : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<(string Path, string Body)> _received = new();
        private readonly CancellationTokenSource _stop = new();

        public FakeCollector()
        {
            var port = LoopbackPort.Free();
            Url = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Url + "/");
            _listener.Start();
            _ = ServeAsync();
        }

        public string Url { get; }

        public async Task<string> WaitForAsync(string path, string text, TimeSpan timeout)
        {
            string? found = null;
            await Eventually.TrueAsync(
                () => Task.FromResult((found = _received.FirstOrDefault(request => request.Path == path && request.Body.Contains(text, StringComparison.Ordinal)).Body) is not null),
                timeout, () => $"No {path} export mentioned {text}; received: {string.Join(", ", _received.Select(r => r.Path))}");
            return found!;
        }

        private async Task ServeAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening) { return; }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                _received.Enqueue((context.Request.Url!.AbsolutePath, Encoding.UTF8.GetString(body.ToArray())));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Close();
            _stop.Dispose();
        }
    }
}
