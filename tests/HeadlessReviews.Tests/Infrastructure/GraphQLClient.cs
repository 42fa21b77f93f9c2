using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>Sends GraphQL over HTTP to the in-process service and reads the answer.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public const string GraphQLResponse = "application/graphql-response+json";

    public HttpClient Http { get; } = http;

    /// <summary>
    /// Every exchange sent without a token in this test run, request and response, so the e-mail
    /// privacy tests can search what the public was answered (<c>EmailPrivacyTests</c>).
    /// </summary>
    public static ConcurrentBag<(string Request, string Response)> AnonymousExchanges { get; } = [];

    /// <summary>POSTs a query and returns the parsed response, whatever its status; <paramref name="token"/> goes as <c>Authorization: Bearer</c>.</summary>
    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null, string accept = GraphQLResponse, string? token = null)
    {
        var body = JsonSerializer.Serialize(new { query, variables });
        return await SendAsync(HttpMethod.Post, "/graphql", body, "application/json", accept, token);
    }

    /// <summary>POSTs a query that must succeed and returns its <c>data</c>.</summary>
    public async Task<JsonNode> DataAsync(string query, object? variables = null, string? token = null)
    {
        var response = await PostAsync(query, variables, token: token);
        Assert.True(response.Errors is null, $"Unexpected errors: {response.Errors?.ToJsonString()}");
        Assert.Equal(200, response.Status);
        return response.Data!;
    }

    public async Task<GraphQLResponse> GetAsync(string query, object? variables = null, string accept = GraphQLResponse, string? token = null)
    {
        var url = "/graphql?query=" + Uri.EscapeDataString(query)
            + (variables is null ? "" : "&variables=" + Uri.EscapeDataString(JsonSerializer.Serialize(variables)));
        return await SendAsync(HttpMethod.Get, url, null, null, accept, token);
    }

    public async Task<GraphQLResponse> SendAsync(HttpMethod method, string url, string? body, string? contentType, string? accept, string? token = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (token is null && request.Headers.Authorization is null) AnonymousExchanges.Add((Uri.UnescapeDataString(url) + "\n" + body, text));
        return new GraphQLResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text, response.Headers, response.Content.Headers);
    }
}

public sealed record GraphQLResponse(int Status, string? MediaType, string Body, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders)
{
    public JsonNode? Json { get; } = TryParse(Body);
    public JsonNode? Data => Json?["data"];
    public JsonArray? Errors => Json?["errors"] as JsonArray;
    public string? FirstErrorCode => Errors?[0]?["extensions"]?["code"]?.GetValue<string>();

    private static JsonNode? TryParse(string body)
    {
        try { return JsonNode.Parse(body); }
        catch (JsonException) { return null; }
    }
}
