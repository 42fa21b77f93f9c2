using HeadlessReviews.Api.Editing;

namespace HeadlessReviews.Api.Images;

/// <summary>A picture as an editor gives it (a film's poster, a person's portrait).</summary>
public sealed class ImageInput
{
    public string? Url { get; set; }
    public string? AltText { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
}

/// <summary>The checks of an <see cref="ImageInput"/> (posters, portraits): an absolute http(s) URL, alt text, sane sizes.</summary>
public static class ImageChecks
{
    public static Image? Check(InputChecks checks, string field, ImageInput image)
    {
        var url = checks.Text($"{field}.url", image.Url, 2000);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            checks.Add($"{field}.url", UserErrorCode.Format, $"`{field}.url` must be an absolute http or https URL.");
        var alt = checks.Text($"{field}.altText", image.AltText, 300);
        checks.Range($"{field}.width", image.Width, 1, 20_000);
        checks.Range($"{field}.height", image.Height, 1, 20_000);
        return url is null || alt is null ? null : new Image(url, alt, image.Width, image.Height);
    }
}
