using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.RegularExpressions;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Transport.Ide;

/// <summary>
/// The IDE page goes to browsers only: a GET whose Accept names text/html at least as high as any
/// GraphQL type. Every other request to /graphql keeps its API meaning.
/// </summary>
public sealed partial class IdePageTests(ApiFactory api) : ApiTest(api)
{
    /// <summary>What Chromium sends when a person opens the address.</summary>
    public const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";

    [Theory]
    [InlineData(BrowserAccept)]
    [InlineData("text/html")]
    [InlineData("text/html, application/json")]
    [InlineData("application/json;q=0.5, text/html")]
    public async Task A_browser_opening_graphql_gets_the_IDE_page(string accept)
    {
        using var response = await GetAsync("/graphql", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<div id=\"graphiql\">", html, StringComparison.Ordinal);
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_page_loads_only_its_own_files_and_the_policy_says_so()
    {
        using var response = await GetAsync("/graphql", BrowserAccept);
        var html = await response.Content.ReadAsStringAsync();

        // Every script and stylesheet is a relative path under graphql/ide/ (so a proxy prefix works too).
        var links = AssetLinks().Matches(html).Select(match => match.Groups["url"].Value).Where(link => !link.StartsWith("data:", StringComparison.Ordinal)).ToList();
        Assert.Contains(links, link => link.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(links, link => link.EndsWith(".css", StringComparison.Ordinal));
        Assert.All(links, link => Assert.StartsWith("graphql/ide/assets/", link, StringComparison.Ordinal));
        Assert.DoesNotContain("//", string.Join(" ", links), StringComparison.Ordinal);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self' ws://localhost wss://localhost;", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task HEAD_of_the_page_has_its_headers_and_no_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/graphql");
        request.Headers.Accept.ParseAdd(BrowserAccept);
        using var response = await GraphQL.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("*/*")]
    [InlineData("application/graphql-response+json")]
    [InlineData("application/json")]
    [InlineData("application/graphql-response+json, text/html;q=0.5")]
    public async Task API_clients_keep_the_API_on_GET(string? accept)
    {
        using var response = await GetAsync("/graphql?query=%7B__typename%7D", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_POST_never_gets_the_page_even_from_a_browser()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("""{"query":"{__typename}"}""", Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("text/html, application/json;q=0.9");
        using var response = await GraphQL.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_event_stream_request_from_a_browser_stays_an_event_stream()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
        request.Headers.Accept.ParseAdd("text/event-stream, text/html;q=0.5");
        using var response = await GraphQL.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_WebSocket_upgrade_that_accepts_html_is_still_graphql_transport_ws()
    {
        var client = Api.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        client.ConfigureRequest = request => request.Headers.Accept = IdePageTests.BrowserAccept;
        using var socket = await client.ConnectAsync(new Uri(Api.Server.BaseAddress, "graphql"), CancellationToken.None);

        Assert.Equal(WebSocketState.Open, socket.State);
        Assert.Equal("graphql-transport-ws", socket.SubProtocol);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task Turned_off_the_IDE_is_not_served_and_browsers_get_the_API_answer()
    {
        await using var host = Api.WithWebHostBuilder(builder => builder.UseSetting("HeadlessReviews:Ide:Enabled", "false"));
        using var http = host.CreateClient();

        using var page = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        page.Headers.Accept.ParseAdd(BrowserAccept);
        using var pageResponse = await http.SendAsync(page);
        Assert.NotEqual("text/html", pageResponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"errors\"", await pageResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Its assets are gone too, not just the page.
        using var html = await GetAsync("/graphql", BrowserAccept);
        var script = AssetLinks().Matches(await html.Content.ReadAsStringAsync()).Select(match => match.Groups["url"].Value).First(link => link.EndsWith(".js", StringComparison.Ordinal));
        using var asset = await http.GetAsync("/" + script);
        Assert.Equal(HttpStatusCode.NotFound, asset.StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        return await GraphQL.Http.SendAsync(request);
    }

    /// <summary>The src/href of every script, stylesheet and preload the page names.</summary>
    [GeneratedRegex("""<(?:script|link)\b[^>]*\b(?:src|href)="(?<url>[^"]+)"[^>]*>""")]
    public static partial Regex AssetLinks();
}
