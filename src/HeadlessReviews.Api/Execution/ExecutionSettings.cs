using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Execution;

/// <summary>Limits of GraphQL execution, bound from <c>HeadlessReviews:Execution</c>.</summary>
public sealed class ExecutionSettings
{
    public const string Section = "HeadlessReviews:Execution";

    /// <summary>How many distinct query texts to keep parsed and validated.</summary>
    [Range(0, 1_000_000)]
    public int DocumentCacheSize { get; set; } = 1_000;

    /// <summary>Show exception messages and stack traces in errors (never in Production).</summary>
    public bool ExposeExceptionDetails { get; set; }
}
