using System.Net.Http.Headers;
using System.Text;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.Timeout;

namespace HeadlessReviews.Api.Webhooks;

/// <summary>
/// Delivers the outbox on every instance: due rows are taken with <c>for update skip locked</c>, so two
/// instances never send the same row, POSTed with their signature, and marked delivered — or tried
/// again later (exponential back-off with jitter) until <see cref="WebhookSettings.MaxAttempts"/>, then
/// given up and logged. At least once: a receiver dedupes by <c>X-HeadlessReviews-Delivery</c>.
/// </summary>
public sealed class WebhookDispatcher(
    IDocumentStore store, IHttpClientFactory httpClients, IOptions<WebhookSettings> options, TimeProvider clock, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "webhooks";
    private const int BatchSize = 20;
    private static readonly TimeSpan MaxDelay = TimeSpan.FromHours(1);
    private static readonly TimeSpan CleanUpInterval = TimeSpan.FromHours(1);

    private readonly WebhookSettings _settings = options.Value;
    private readonly ResiliencePipeline _timeout = new ResiliencePipelineBuilder().AddTimeout(options.Value.RequestTimeout).Build();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_settings.Endpoints.Count == 0) return;
        var nextCleanUp = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (clock.GetUtcNow() >= nextCleanUp)
                {
                    await CleanUpAsync(stoppingToken);
                    nextCleanUp = clock.GetUtcNow() + CleanUpInterval;
                }
                // A full batch means more may be waiting: go again at once.
                if (await DeliverDueAsync(stoppingToken) < BatchSize) await Task.Delay(_settings.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // PostgreSQL away, or anything else: the rows wait in the outbox; look again after a pause
                // (an exception escaping a background service would stop the whole service).
                logger.LogWarning(error, "Webhook deliveries paused: the outbox could not be read");
                await Task.Delay(_settings.PollInterval * 5, clock, stoppingToken);
            }
        }
    }

    /// <summary>Sends what is due, one batch; returns how many rows it took.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var due = new List<(long Id, string Endpoint, Guid EventId, string Type, string Payload, int Attempts)>();
        await using (var select = new NpgsqlCommand(
            $"select id, endpoint, event_id, event_type, payload::text, attempts from {WebhookOutboxStorage.Name} " +
            $"where delivered_at is null and given_up_at is null and next_attempt_at <= now() order by id limit {BatchSize} for update skip locked", connection, transaction))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                due.Add((reader.GetInt64(0), reader.GetString(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5)));
        }

        foreach (var row in due)
        {
            var endpoint = _settings.Endpoints.FirstOrDefault(candidate => candidate.Name == row.Endpoint);
            var failure = endpoint is null ? "The endpoint is no longer configured." : await SendAsync(endpoint, row.EventId, row.Type, row.Payload, cancellationToken);
            var attempts = row.Attempts + 1;
            var givenUp = failure is not null && (endpoint is null || attempts >= _settings.MaxAttempts);
            await using var update = new NpgsqlCommand(
                $"update {WebhookOutboxStorage.Name} set attempts = $2, last_error = $3, " +
                "delivered_at = case when $3::text is null then now() end, given_up_at = case when $4 then now() end, next_attempt_at = now() + $5 where id = $1",
                connection, transaction);
            update.Parameters.Add(new() { Value = row.Id });
            update.Parameters.Add(new() { Value = attempts });
            update.Parameters.Add(new() { Value = (object?)failure ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            update.Parameters.Add(new() { Value = givenUp });
            update.Parameters.Add(new() { Value = Delay(attempts) });
            await update.ExecuteNonQueryAsync(cancellationToken);
            WebhookMetrics.Record(row.Endpoint, failure, givenUp);

            if (givenUp) logger.LogError("Webhook {EventType} {EventId} to {Endpoint} given up after {Attempts} attempts: {Failure}", row.Type, row.EventId, row.Endpoint, attempts, failure);
            else if (failure is not null) logger.LogWarning("Webhook {EventType} {EventId} to {Endpoint} failed (attempt {Attempts}), will retry: {Failure}", row.Type, row.EventId, row.Endpoint, attempts, failure);
        }
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    /// <summary>Null when the receiver took it (2xx); otherwise what went wrong.</summary>
    private async Task<string?> SendAsync(WebhookEndpoint endpoint, Guid eventId, string type, string payload, CancellationToken cancellationToken)
    {
        try
        {
            return await _timeout.ExecuteAsync(async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new StringContent(payload, Encoding.UTF8) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                request.Headers.Add("X-HeadlessReviews-Event", type);
                request.Headers.Add("X-HeadlessReviews-Delivery", eventId.ToString());
                request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(endpoint.Secret, clock.GetUtcNow(), payload));
                using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, token);
                return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            }, cancellationToken);
        }
        catch (TimeoutRejectedException)
        {
            return $"No answer within {_settings.RequestTimeout.TotalSeconds:0.#} s.";
        }
        catch (HttpRequestException error)
        {
            return error.Message;
        }
    }

    private TimeSpan Delay(int attempts)
    {
        var exponential = _settings.RetryBaseDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        var capped = exponential > MaxDelay ? MaxDelay : exponential;
        return capped * (0.8 + Random.Shared.NextDouble() * 0.4);
    }

    private async Task CleanUpAsync(CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var delete = new NpgsqlCommand(
            $"delete from {WebhookOutboxStorage.Name} where coalesce(delivered_at, given_up_at) < $1", connection);
        delete.Parameters.Add(new() { Value = clock.GetUtcNow() - _settings.KeepFor });
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }
}
