using System.Net;
using System.Text.Json.Nodes;
using HeadlessReviews.Api.Accounts;
using HeadlessReviews.Api.Realtime;
using HeadlessReviews.Api.Security;
using HeadlessReviews.Api.Security.Authentication;
using HeadlessReviews.Api.Security.LiveConnections;
using HeadlessReviews.Tests.Comments.Posting;
using HeadlessReviews.Tests.Infrastructure;
using Marten.Patching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessReviews.Tests.Security.LiveConnections;

/// <summary>
/// A token revoked or narrowed stops working on the sockets and event streams already open with it: a
/// moderator's <c>moderationQueueChanged</c> delivers no commenter's e-mail after the change, on the
/// instance that made it and on any other. Each "nothing arrived" is bounded by a witness (a moderator
/// without a token, on the same instance) that did receive the comment posted after the change.
/// </summary>
public sealed class LiveRevocationTests(ApiFactory api) : ApiTest(api), IAsyncLifetime
{
    private const string Queue = "subscription { moderationQueueChanged { id status authorEmail } }";
    private const string QueueQuery = "{ moderationQueue(first: 5) { nodes { authorEmail } } }";
    private const string Revoke = "mutation($id: ID!) { revokeApiToken(input: { id: $id }) { errors { code } } }";
    private const string Update = "mutation($id: ID!, $roles: [Role!]!) { updateApiToken(input: { id: $id, roles: $roles }) { apiToken { roles } errors { code } } }";

    private readonly TestTokens _tokens = new(api, new GraphQLClient(api.CreateClient()));

    public Task InitializeAsync() => Api.Services.GetRequiredService<PostgresListener>().Listening;

    public async Task DisposeAsync()
    {
        await CommentPosting.CleanUpAsync(Api.Store);
        await _tokens.DeleteAllAsync();
    }

    [Fact]
    public async Task Revoking_closes_a_moderators_socket_with_4403_and_nothing_more_arrives_on_it()
    {
        var token = await _tokens.CreateAsync("Moderator on a socket", Roles.Moderator);
        await using var witness = await WitnessAsync(Api.Services);
        using var socket = await SocketAsync(Api.Server, token);
        await socket.SubscribeAsync("queue", Queue);
        await LiveAsync(SocketEmail(socket));

        await ChangeAsync(Revoke, new { id = token.Id });
        var after = await PostPendingAsync();
        await SeenAsync(witness, after.Id);

        var (messages, code) = await socket.MessagesUntilClosedAsync();
        Assert.Equal(4403, code);
        Assert.Contains("revoked", socket.Socket.CloseStatusDescription, StringComparison.Ordinal);
        Assert.DoesNotContain(messages, message => message.ToJsonString().Contains(after.Email, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Revoking_ends_a_moderators_event_stream_with_the_reason_and_nothing_more_arrives_on_it()
    {
        var token = await _tokens.CreateAsync("Moderator on a stream", Roles.Moderator);
        await using var witness = await WitnessAsync(Api.Services);
        using var stream = await SseStream.OpenAsync(Api.CreateClient(), Queue, token: token.Secret);
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        await LiveAsync(StreamEmail(stream));

        await ChangeAsync(Revoke, new { id = token.Id });
        var after = await PostPendingAsync();
        await SeenAsync(witness, after.Id);

        var events = await EventsToEndAsync(stream);
        Assert.DoesNotContain(events, e => e.Data.Contains(after.Email, StringComparison.Ordinal));
        Assert.Equal("complete", events[^1].Event);
        var refusal = JsonNode.Parse(events[^2].Data)!["errors"]![0]!;
        Assert.Equal(AccessErrors.NotAuthenticated, (string?)refusal["extensions"]!["code"]);
        Assert.Contains("revoked", (string)refusal["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_through_one_instance_ends_the_socket_and_the_stream_on_another()
    {
        await using var other = new SecondInstance(Api);
        await other.Services.GetRequiredService<PostgresListener>().Listening;
        var token = await _tokens.CreateAsync("Moderator on the other instance", Roles.Moderator);
        await using var witness = await WitnessAsync(other.Services);
        using var socket = await SocketAsync(other.Server, token);
        await socket.SubscribeAsync("queue", Queue);
        using var stream = await SseStream.OpenAsync(other.CreateClient(), Queue, token: token.Secret);
        await LiveAsync(SocketEmail(socket), StreamEmail(stream));

        await ChangeAsync(Revoke, new { id = token.Id });
        var after = await PostPendingAsync();
        await SeenAsync(witness, after.Id);

        var (messages, code) = await socket.MessagesUntilClosedAsync();
        Assert.Equal(4403, code);
        Assert.DoesNotContain(messages, message => message.ToJsonString().Contains(after.Email, StringComparison.Ordinal));
        var events = await EventsToEndAsync(stream);
        Assert.Equal("complete", events[^1].Event);
        Assert.DoesNotContain(events, e => e.Data.Contains(after.Email, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Taking_the_moderator_role_away_closes_the_socket_before_another_address_arrives()
    {
        var token = await _tokens.CreateAsync("Moderator, soon editor", Roles.Moderator);
        await using var witness = await WitnessAsync(Api.Services);
        using var socket = await SocketAsync(Api.Server, token);
        await socket.SubscribeAsync("queue", Queue);
        await LiveAsync(SocketEmail(socket));

        var updated = await ChangeAsync(Update, new { id = token.Id, roles = new[] { Roles.Editor } });
        Assert.Equal([Roles.Editor], updated["updateApiToken"]!["apiToken"]!["roles"]!.AsArray().Select(role => (string)role!));
        var after = await PostPendingAsync();
        await SeenAsync(witness, after.Id);

        var (messages, code) = await socket.MessagesUntilClosedAsync();
        Assert.Equal(4403, code);
        Assert.Contains("roles changed", socket.Socket.CloseStatusDescription, StringComparison.Ordinal);
        Assert.DoesNotContain(messages, message => message.ToJsonString().Contains(after.Email, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_role_added_holds_for_the_next_operation_on_an_open_socket()
    {
        var token = await _tokens.CreateAsync("Editor, soon moderator too", Roles.Editor);
        using var socket = await SocketAsync(Api.Server, token);
        await socket.SubscribeAsync("refused", Queue);
        Assert.Contains(AccessErrors.NotAuthorized, (await socket.ReceiveAsync()).ToJsonString(), StringComparison.Ordinal);

        await ChangeAsync(Update, new { id = token.Id, roles = new[] { Roles.Editor, Roles.Moderator } });
        await socket.SubscribeAsync("queue", Queue);

        await LiveAsync(SocketEmail(socket, skipUntilId: "queue"));
    }

    [Fact]
    public async Task A_new_operation_on_the_socket_of_a_token_revoked_unannounced_is_refused_with_4403()
    {
        var token = await _tokens.CreateAsync("Moderator, revoked quietly", Roles.Moderator);
        var pending = await PostPendingAsync();
        using var socket = await SocketAsync(Api.Server, token);
        await socket.SubscribeAsync("before", QueueQuery);
        Assert.Contains(pending.Email, (await socket.ReceiveAsync()).ToJsonString(), StringComparison.Ordinal);

        // As if the announcement were lost: the database says revoked, and no instance was told.
        await RevokeUnannouncedAsync(token);
        await socket.SubscribeAsync("after", QueueQuery);

        var (messages, code) = await socket.MessagesUntilClosedAsync();
        Assert.Equal(4403, code);
        Assert.DoesNotContain(messages, message => (string?)message["id"] == "after");
    }

    [Fact]
    public async Task A_missed_announcement_holds_a_revoked_tokens_connections_open_no_longer_than_the_recheck_interval()
    {
        await using var second = new SecondInstance(Api);
        await using var host = second.WithWebHostBuilder(builder => builder.UseSetting("HeadlessReviews:TokenRecheckInterval", "00:00:01"));
        await host.Services.GetRequiredService<PostgresListener>().Listening;
        var token = await _tokens.CreateAsync("Moderator, revoked quietly while subscribed", Roles.Moderator);
        using var socket = await SocketAsync(host.Server, token);
        await socket.SubscribeAsync("queue", Queue);
        using var stream = await SseStream.OpenAsync(host.CreateClient(), Queue, token: token.Secret);
        await LiveAsync(SocketEmail(socket), StreamEmail(stream));

        await RevokeUnannouncedAsync(token);

        Assert.Equal(4403, (await socket.MessagesUntilClosedAsync()).Code);
        Assert.Equal("complete", (await EventsToEndAsync(stream))[^1].Event);
    }

    [Fact]
    public async Task An_event_is_not_resolved_for_a_subscriber_whose_token_was_revoked_since_it_subscribed()
    {
        // A subscription that no socket or stream holds (nothing here could close it): the check made
        // on each event, with this instance's knowledge of the token brought up to date by the announcement.
        var token = await _tokens.CreateAsync("Moderator subscribed in process", Roles.Moderator);
        var authentication = await Api.Services.GetRequiredService<TokenAuthenticator>().AuthenticateAsync(token.Secret, CancellationToken.None);
        await using var witness = await WitnessAsync(Api.Services);
        await using var subscriber = await SubscriptionProbe.StartAsync(Api.Services, Queue, user: authentication.Principal);
        var before = await PostPendingAsync();
        Assert.Equal(before.Email, (string?)(await subscriber.NextAsync())["moderationQueueChanged"]!["authorEmail"]);

        await ChangeAsync(Revoke, new { id = token.Id });
        var after = await PostPendingAsync();
        await SeenAsync(witness, after.Id);

        var ended = (await subscriber.NextResultAsync())!.ToJsonString();
        Assert.DoesNotContain(after.Email, ended, StringComparison.Ordinal);
        Assert.Contains("revoked", ended, StringComparison.Ordinal);
        subscriber.AssertNone();
    }

    [Fact]
    public async Task Checking_each_event_reads_the_token_from_memory_not_the_database()
    {
        var token = await _tokens.CreateAsync("Moderator with a busy queue", Roles.Moderator);
        var authentication = await Api.Services.GetRequiredService<TokenAuthenticator>().AuthenticateAsync(token.Secret, CancellationToken.None);
        await using var subscriber = await SubscriptionProbe.StartAsync(Api.Services, Queue, user: authentication.Principal);
        var states = Api.Services.GetRequiredService<ApiTokenStates>();
        var before = states.Reads;

        for (var i = 0; i < 6; i++)
        {
            var posted = await PostPendingAsync();
            Assert.Equal(posted.Id, (string?)(await subscriber.NextAsync())["moderationQueueChanged"]!["id"]);
        }

        // The first event reads the token; the others find it in memory (a periodic re-check may add one).
        Assert.InRange(states.Reads - before, 1, 2);
    }

    private static Task<SubscriptionProbe> WitnessAsync(IServiceProvider services) =>
        SubscriptionProbe.StartAsync(services, Queue, user: SubscriptionProbe.UserWithRoles(Roles.Moderator));

    private static Task<GraphQLSocket> SocketAsync(TestServer server, TestToken token) =>
        GraphQLSocket.InitialisedAsync(server, new { authorization = $"Bearer {token.Secret}" });

    /// <summary>The first e-mail address a socket's subscription delivers.</summary>
    private static async Task<string> SocketEmail(GraphQLSocket socket, string? skipUntilId = null)
    {
        while (true)
        {
            var message = await socket.ReceiveAsync();
            if (skipUntilId is not null && (string?)message["id"] != skipUntilId) continue;
            Assert.Equal("next", (string)message["type"]!);
            return (string)message["payload"]!["data"]!["moderationQueueChanged"]!["authorEmail"]!;
        }
    }

    /// <summary>The first e-mail address a stream's subscription delivers.</summary>
    private static async Task<string> StreamEmail(SseStream stream)
    {
        var next = await stream.ReadEventAsync();
        Assert.Equal("next", next.Event);
        return (string)JsonNode.Parse(next.Data)!["data"]!["moderationQueueChanged"]!["authorEmail"]!;
    }

    /// <summary>
    /// A subscription over a socket or stream starts listening a moment after it is accepted: posts
    /// pending comments until each subscriber has delivered one (with its e-mail address: moderators see them).
    /// </summary>
    private async Task LiveAsync(params Task<string>[] firstEmails)
    {
        for (var attempt = 0; attempt < 5 && !firstEmails.All(email => email.IsCompleted); attempt++)
        {
            await PostPendingAsync();
            await Task.WhenAny(Task.WhenAll(firstEmails), Task.Delay(TimeSpan.FromSeconds(2)));
        }
        foreach (var email in firstEmails) Assert.EndsWith(CommentPosting.EmailDomain, await email, StringComparison.Ordinal);
    }

    /// <summary>Waits until the witness has delivered the comment <paramref name="id"/>: the event went through this instance's pipeline.</summary>
    private static async Task SeenAsync(SubscriptionProbe witness, string id)
    {
        while ((string?)(await witness.NextAsync())["moderationQueueChanged"]!["id"] != id) { }
    }

    private async Task<(string Id, string Email)> PostPendingAsync()
    {
        var input = CommentPosting.ValidInput();
        var response = await CommentPosting.PostAsync(GraphQL.Http, input);
        var payload = response.Data!["postComment"]!;
        Assert.Equal("PENDING", (string?)payload["status"]);
        return ((string)payload["comment"]!["id"]!, (string)input["authorEmail"]!);
    }

    private async Task<JsonNode> ChangeAsync(string mutation, object variables)
    {
        var data = await GraphQL.DataAsync(mutation, variables, ApiFactory.AdminToken);
        Assert.Empty(data.AsObject().Single().Value!["errors"]!.AsArray());
        return data;
    }

    private async Task RevokeUnannouncedAsync(TestToken token)
    {
        await using var session = Api.Store.LightweightSession();
        session.Patch<ApiToken>(token.DocumentId).Set(t => t.RevokedAt, DateTimeOffset.UtcNow);
        await session.SaveChangesAsync();
    }

    /// <summary>Every event until the server ends the stream.</summary>
    private static async Task<List<(string Event, string Data)>> EventsToEndAsync(SseStream stream)
    {
        var events = new List<(string Event, string Data)>();
        while (true)
        {
            try { events.Add(await stream.ReadEventAsync()); }
            catch (InvalidOperationException) { return events; }
        }
    }
}
