using System.Security.Claims;
using System.Text.Json.Nodes;
using GraphQL;
using JasperFx;
using Marten;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Transport;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Execution.Warmup;

/// <summary>
/// The first request after a start used to take a second: building the schema, compiling the execution
/// path, Marten's and the JSON serialiser's code for each document type. Registered before the database
/// start-up, this runs the pages' queries as an anonymous reader in the background, through the same
/// executer and serialiser as HTTP: while the schema is checked when no query can change the schema
/// (Marten creates nothing on its own, as in Production), otherwise once the start-up has applied it.
/// It only reads; whatever it meets (a database not ready, an empty catalogue) is logged at debug level
/// and ends it, never the service.
/// </summary>
public sealed class ExecutionWarmup(
    IServiceScopeFactory scopes,
    IDocumentExecuter<HeadlessReviewsSchema> executer,
    IGraphQLTextSerializer serializer,
    IDocumentStore store,
    DatabaseStartup startup,
    IHostApplicationLifetime lifetime,
    IOptions<WarmupSettings> settings,
    ILogger<ExecutionWarmup> logger) : IHostedService
{
    /// <summary>How many of the documents ran without errors; completes when the warm-up ends (0 when it is off).</summary>
    public Task<int> Completion { get; private set; } = Task.FromResult(0);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.Value.Enabled) Completion = Task.Run(() => WarmAsync(lifetime.ApplicationStopping), CancellationToken.None);
        return Task.CompletedTask;
    }

    // ApplicationStopping has cancelled it by now; wait for it to let go of its scope.
    public async Task StopAsync(CancellationToken cancellationToken) =>
        await ((Task)Completion).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    private async Task<int> WarmAsync(CancellationToken cancellationToken)
    {
        var succeeded = 0;
        try
        {
            // Until the start-up has applied the schema, a query could make Marten create tables beside it.
            if (store.Options is not StoreOptions { AutoCreateSchemaObjects: AutoCreate.None }) await startup.Ready.WaitAsync(cancellationToken);
            var list = await RunAsync(WarmupDocuments.List, null, cancellationToken);
            if (list is not null) succeeded++;
            var slug = (string?)list?["data"]?["reviews"]?["nodes"]?[0]?["slug"];
            if (slug is not null && await RunAsync(WarmupDocuments.Page, new Inputs(new Dictionary<string, object?> { ["slug"] = slug }), cancellationToken) is not null)
                succeeded++;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogDebug(exception, "Start-up warm-up ended early");
        }
        logger.LogDebug("Start-up warm-up ran {Succeeded} of {Total} documents", succeeded, WarmupDocuments.Count);
        return succeeded;
    }

    // The answer as a client would read it, or null when it had errors.
    private async Task<JsonNode?> RunAsync(string document, Inputs? variables, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var request = new GraphQLRequest(document, null, variables, null);
        var result = await executer.ExecuteAsync(request.ToExecutionOptions(new ClaimsPrincipal(new ClaimsIdentity()), scope.ServiceProvider, OperationRule.ForPost, cancellationToken));
        var json = JsonNode.Parse(serializer.Serialize(result));
        if (result.Errors is { Count: > 0 } errors)
        {
            logger.LogDebug("Start-up warm-up: {Error}", errors[0].Message);
            return null;
        }
        return json;
    }
}
