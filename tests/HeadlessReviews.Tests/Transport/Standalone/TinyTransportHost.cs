using GraphQL;
using HeadlessReviews.Api.Transport;
using HeadlessReviews.Api.Transport.ServerSentEvents;
using HeadlessReviews.Api.Transport.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessReviews.Tests.Transport.Standalone;

/// <summary>
/// The three transports in a minimal web application of their own, serving <see cref="TinySchema"/>:
/// no database, no film schema, none of the application's registrations. The one thing configured
/// from outside is an error code's HTTP status (<see cref="GraphQLErrorStatuses"/>).
/// </summary>
public sealed class TinyTransportHost : IAsyncLifetime
{
    /// <summary>A status the application names for GraphQL.NET's syntax-error code (the spec's would be 400).</summary>
    public const int SyntaxErrorStatus = 422;
    public const int SyntaxErrorRetryAfterSeconds = 7;

    private WebApplication? _app;

    public TestServer Server => _app!.GetTestServer();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Services.AddGraphQL(graph => graph.AddSchema<TinySchema>().AddSystemTextJson());
        builder.Services.AddGraphQLHttp<TinySchema>();
        builder.Services.AddGraphQLWebSockets<TinySchema>();
        builder.Services.AddGraphQLServerSentEvents<TinySchema>();
        builder.Services.Configure<GraphQLErrorStatuses>(statuses =>
            statuses.Map("SYNTAX_ERROR", SyntaxErrorStatus, retryAfterSeconds: SyntaxErrorRetryAfterSeconds));

        _app = builder.Build();
        _app.UseGraphQLWebSockets<TinySchema>("/graphql");
        _app.MapGraphQLHttp<TinySchema>("/graphql");
        await _app.StartAsync();
    }

    public HttpClient CreateClient() => Server.CreateClient();

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
