namespace HeadlessReviews.Api.Images;

/// <summary>A picture with what a screen reader should say about it.</summary>
public sealed record Image(string Url, string AltText, int? Width, int? Height);
