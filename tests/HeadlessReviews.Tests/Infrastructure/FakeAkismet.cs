using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HeadlessReviews.Tests.Infrastructure;

/// <summary>
/// An Akismet-compatible <c>comment-check</c> on a loopback port, told what to do: answer
/// (true/false/anything), be slow, fail with 500, or flap between failing and answering.
/// </summary>
public sealed class FakeAkismet : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private FakeAkismet(WebApplication app) => _app = app;

    public string Answer { get; set; } = "false";
    public TimeSpan Delay { get; set; }
    public bool Failing { get; set; }
    /// <summary>Fail every other request, starting with the first.</summary>
    public bool Flapping { get; set; }

    public int Requests => Volatile.Read(ref _requests);
    public ConcurrentQueue<IFormCollection> Forms { get; } = new();
    public Uri BaseUrl => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<FakeAkismet> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeAkismet(app);
        app.MapPost("/1.1/comment-check", fake.HandleAsync);
        await app.StartAsync();
        // One request before the tests' own: a cold server (JIT, first connection) can take longer than
        // the checker's per-attempt timeout, which would make the first measured attempt a timeout.
        using (var warmUp = new HttpClient())
            await warmUp.PostAsync(new Uri(fake.BaseUrl, "1.1/comment-check"), new FormUrlEncodedContent([]));
        fake._requests = 0;
        fake.Forms.Clear();
        return fake;
    }

    private async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _requests);
        Forms.Enqueue(await request.ReadFormAsync(cancellationToken));
        if (Delay > TimeSpan.Zero)
        {
            try { await Task.Delay(Delay, cancellationToken); } // a slow checker on purpose
            catch (OperationCanceledException) { return Results.Empty; }
        }
        if (Failing || (Flapping && number % 2 == 1)) return Results.StatusCode(500);
        return Results.Text(Answer, "text/plain");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
