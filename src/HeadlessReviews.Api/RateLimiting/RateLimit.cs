namespace HeadlessReviews.Api.RateLimiting;

/// <summary>At most <paramref name="Posts"/> requests in a fixed window of <paramref name="Length"/>, counted under <paramref name="Kind"/>.</summary>
public sealed record RateLimit(string Kind, int Posts, TimeSpan Length);
