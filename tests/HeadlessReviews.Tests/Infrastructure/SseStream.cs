using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>One <c>graphql-sse</c> event-stream response from the in-process server, read line by line as it arrives.</summary>
public sealed class SseStream : IDisposable
{
    private readonly HttpClient _client;
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private StreamReader? _reader;

    private SseStream(HttpClient client, HttpResponseMessage response)
    {
        _client = client;
        Response = response;
    }

    public HttpResponseMessage Response { get; }

    public static async Task<SseStream> OpenAsync(HttpClient client, string? query, bool get = false, string? body = null, string? token = null)
    {
        var request = get
            ? new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query!))
            : new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent(body ?? JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
            };
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new SseStream(client, response);
    }

    public async Task<string?> ReadLineAsync()
    {
        _reader ??= new StreamReader(await Response.Content.ReadAsStreamAsync(_timeout.Token), Encoding.UTF8);
        return await _reader.ReadLineAsync(_timeout.Token);
    }

    /// <summary>The next event (comments skipped): its name and its data lines joined.</summary>
    public async Task<(string Event, string Data)> ReadEventAsync()
    {
        string? name = null;
        var data = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync() ?? throw new InvalidOperationException("The stream ended before an event.");
            if (line.Length == 0)
            {
                if (name is null && data.Count == 0) continue;
                return (name ?? "message", string.Join("\n", data));
            }
            if (line.StartsWith(':')) continue;
            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            if (field == "event") name = value;
            else if (field == "data") data.Add(value);
        }
    }

    public void Dispose()
    {
        _reader?.Dispose();
        Response.Dispose();
        _client.Dispose();
        _timeout.Dispose();
    }
}
