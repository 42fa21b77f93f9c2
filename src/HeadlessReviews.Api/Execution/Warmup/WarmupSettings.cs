namespace HeadlessReviews.Api.Execution.Warmup;

/// <summary>Start-up warm-up (<see cref="ExecutionWarmup"/>), bound from <c>HeadlessReviews:Warmup</c>.</summary>
public sealed class WarmupSettings
{
    public const string Section = "HeadlessReviews:Warmup";

    /// <summary>Run the pages' queries once while the database schema is checked, so the first reader does not pay for it.</summary>
    public bool Enabled { get; set; } = true;
}
