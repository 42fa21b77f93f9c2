using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Transport;

/// <summary>Limits of GraphQL over HTTP, bound from <c>HeadlessReviews:Http</c>.</summary>
public sealed class GraphQLHttpSettings
{
    public const string Section = "HeadlessReviews:Http";

    /// <summary>Largest POST body accepted, in bytes; a larger one is answered 413.</summary>
    [Range(1_024, 64 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Longest GET query string accepted, in characters; a longer one is answered 414.</summary>
    [Range(256, 1024 * 1024)]
    public int MaxQueryStringLength { get; set; } = 16 * 1024;
}
