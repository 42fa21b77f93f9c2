using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>
/// The resilience around calls to the spam checker. A singleton, because the circuit's memory of
/// failures must outlive the transient typed clients that use it.
/// </summary>
public sealed class AkismetPipeline
{
    public AkismetPipeline(IOptions<AkismetSettings> options, TimeProvider clock)
    {
        var settings = options.Value;
        // A failed call is a transport error or a timeout; the checker's answer itself is judged later.
        var failures = new PredicateBuilder().Handle<HttpRequestException>().Handle<TimeoutRejectedException>();

        // Outermost to innermost: the whole budget, retries, the breaker (each attempt counts), one attempt's timeout.
        var builder = new ResiliencePipelineBuilder { TimeProvider = clock }.AddTimeout(settings.TotalBudget);
        if (settings.MaxRetries > 0)
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetries,
                Delay = settings.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                // An open circuit (BrokenCircuitException) is not retried: that would only spend the budget.
                ShouldHandle = failures,
            });
        Pipeline = builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = settings.BreakerFailureRatio,
                MinimumThroughput = settings.BreakerMinimumCalls,
                SamplingDuration = settings.BreakerSampling,
                BreakDuration = settings.BreakDuration,
                ShouldHandle = failures,
            })
            .AddTimeout(settings.AttemptTimeout)
            .Build();
    }

    public ResiliencePipeline Pipeline { get; }
}
