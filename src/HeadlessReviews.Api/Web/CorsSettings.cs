namespace HeadlessReviews.Api.Web;

/// <summary>
/// Browser origins allowed to call the API, bound from <c>HeadlessReviews:Cors</c>
/// (<c>HeadlessReviews__Cors__Origins=https://www.example.org,https://app.example.org</c>).
/// Unset in Development: any http://localhost origin, so a frontend's dev server works at once.
/// </summary>
public sealed class CorsSettings
{
    public const string Section = "HeadlessReviews:Cors";

    public string? Origins { get; set; }

    public IReadOnlyList<string> OriginList =>
        Origins?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
