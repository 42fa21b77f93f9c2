using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using GraphQL;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>
/// One GraphQL subscription executed in-process through the schema's executer (as a transport does),
/// with every event it yields kept as JSON for the test to read.
/// </summary>
public sealed class SubscriptionProbe : IObserver<ExecutionResult>, IAsyncDisposable
{
    private readonly Channel<JsonNode> _events = Channel.CreateUnbounded<JsonNode>();
    private readonly IGraphQLTextSerializer _serializer;
    private readonly AsyncServiceScope _scope;
    private IDisposable? _subscription;

    private SubscriptionProbe(IServiceProvider services)
    {
        _serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        _scope = services.CreateAsyncScope();
    }

    /// <summary>Starts the subscription as <paramref name="user"/> (anonymous when null); fails the test if it does not start.</summary>
    public static async Task<SubscriptionProbe> StartAsync(IServiceProvider services, string query, object? variables = null, ClaimsPrincipal? user = null)
    {
        var probe = new SubscriptionProbe(services);
        var result = await probe.ExecuteAsync(query, variables, user);
        Assert.True(result.Streams is { Count: 1 }, $"The subscription did not start: {probe._serializer.Serialize(result)}");
        probe._subscription = result.Streams!.Values.Single().Subscribe(probe);
        return probe;
    }

    /// <summary>Executes the operation and answers its result (errors and all) without subscribing.</summary>
    public static async Task<JsonNode> RefusedAsync(IServiceProvider services, string query, ClaimsPrincipal? user = null)
    {
        await using var probe = new SubscriptionProbe(services);
        var result = await probe.ExecuteAsync(query, null, user);
        Assert.Null(result.Streams);
        return JsonNode.Parse(probe._serializer.Serialize(result))!;
    }

    public static ClaimsPrincipal UserWithRoles(params string[] roles) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "probe"), .. roles.Select(role => new Claim(ClaimTypes.Role, role))], "test", ClaimTypes.Name, ClaimTypes.Role));

    private async Task<ExecutionResult> ExecuteAsync(string query, object? variables, ClaimsPrincipal? user)
    {
        var provider = _scope.ServiceProvider;
        // The Viewer of a request is made from its HttpContext; give this scope one with the user, as a transport would.
        var accessor = provider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { User = user ?? new ClaimsPrincipal(new ClaimsIdentity()), RequestServices = provider };
        _ = provider.GetRequiredService<Viewer>();
        accessor.HttpContext = null;

        var executer = provider.GetRequiredService<IDocumentExecuter<HeadlessReviewsSchema>>();
        return await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            Variables = variables is null ? null : _serializer.Deserialize<Inputs>(JsonSerializer.Serialize(variables)),
            RequestServices = provider,
            User = user,
        });
    }

    /// <summary>The next event's <c>data</c>; fails when none comes in time or it carries errors.</summary>
    public async Task<JsonNode> NextAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        JsonNode next;
        try
        {
            next = await _events.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException("No event arrived in time.");
        }
        Assert.True(next["errors"] is null, $"The event carries errors: {next.ToJsonString()}");
        return next["data"]!;
    }

    /// <summary>The next result as it came (data, errors or both; a stream error as <c>{ "errors": "…" }</c>); null when the stream ended first.</summary>
    public async Task<JsonNode?> NextResultAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            return await _events.Reader.WaitToReadAsync(cancel.Token) && _events.Reader.TryRead(out var next) ? next : null;
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException("No event arrived in time.");
        }
    }

    /// <summary>
    /// Fails if any event has arrived. Call it once the pipeline provably ran past what must not arrive:
    /// a witness subscription got a later event, or use <see cref="AssertNothingBeforeAsync"/>.
    /// </summary>
    public void AssertNone() => Assert.False(_events.Reader.TryRead(out var unexpected), $"An event arrived: {unexpected?.ToJsonString()}");

    /// <summary>
    /// Announces a marker this subscription matches (<paramref name="announce"/>) and fails unless it is the
    /// next event: one subscription's events arrive in order, so nothing came before it.
    /// </summary>
    public async Task AssertNothingBeforeAsync(Func<Task> announce, string markerId)
    {
        await announce();
        var data = await NextAsync();
        var (field, node) = data.AsObject().Single();
        Assert.True((string?)node?["id"] == markerId, $"`{field}` sent {node?.ToJsonString()} before the marker {markerId}.");
    }

    public void OnNext(ExecutionResult value) => _events.Writer.TryWrite(JsonNode.Parse(_serializer.Serialize(value))!);

    public void OnError(Exception error) => _events.Writer.TryWrite(new JsonObject { ["errors"] = error.ToString() });

    public void OnCompleted() => _events.Writer.TryComplete();

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        await _scope.DisposeAsync();
    }
}
