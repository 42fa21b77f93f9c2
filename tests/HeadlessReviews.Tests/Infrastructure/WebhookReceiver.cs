using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>A webhook receiver on loopback: keeps every delivery; answers with the statuses it is told to, then 200.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<HttpStatusCode> _answers = new();
    private readonly CancellationTokenSource _stop = new();

    public WebhookReceiver()
    {
        var port = LoopbackPort.Free();
        Url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = ServeAsync();
    }

    public string Url { get; }

    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    /// <summary>Every attempt, including the ones answered with an error.</summary>
    public ConcurrentQueue<Delivery> Attempts { get; } = new();

    public void AnswerNext(params HttpStatusCode[] statuses)
    {
        foreach (var status in statuses) _answers.Enqueue(status);
    }

    public async Task<Delivery> WaitForAsync(Func<Delivery, bool> match, TimeSpan timeout)
    {
        Delivery? found = null;
        await Eventually.TrueAsync(() => Task.FromResult((found = Deliveries.FirstOrDefault(match)) is not null),
            timeout, () => $"No matching delivery; received: {string.Join(" | ", Deliveries.Select(d => d.Event + " " + d.Body))}");
        return found!;
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening) { return; }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var delivery = new Delivery(
                context.Request.Headers["X-HeadlessReviews-Event"] ?? "",
                context.Request.Headers["X-HeadlessReviews-Delivery"] ?? "",
                context.Request.Headers["X-HeadlessReviews-Signature"] ?? "",
                context.Request.ContentType ?? "",
                await reader.ReadToEndAsync());
            Attempts.Enqueue(delivery);
            var status = _answers.TryDequeue(out var next) ? next : HttpStatusCode.OK;
            if (status == HttpStatusCode.OK) Deliveries.Enqueue(delivery);
            context.Response.StatusCode = (int)status;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }

    public sealed record Delivery(string Event, string Id, string Signature, string ContentType, string Body);
}
