namespace HeadlessReviews.Api.Transport.Ide;

/// <summary>The browser IDE at the GraphQL path, bound from <c>HeadlessReviews:Ide</c>.</summary>
public sealed class IdeSettings
{
    public const string Section = "HeadlessReviews:Ide";

    /// <summary>
    /// Serve GraphiQL to browsers that open the GraphQL path. Off: browsers get the API's own answer
    /// and the IDE's assets are not served at all (a production deployment may want that).
    /// </summary>
    public bool Enabled { get; set; } = true;
}
