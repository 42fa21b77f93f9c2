using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Reviews;

namespace HeadlessReviews.Api.Importing.WordPress.Content;

/// <summary>One WordPress post's content as our review parts; nothing here is invented, missing parts stay empty.</summary>
public sealed record ConvertedPost(
    string Markdown,
    string? ExcerptMarkdown,
    FilmFacts Facts,
    Verdict? Verdict,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> RemovedBoilerplate,
    IReadOnlyList<Uri> ImageUrls);

/// <summary>The facts block at the top of a house-format review; people are names, matched to people by the importer.</summary>
public sealed record FilmFacts(
    IReadOnlyList<string> Genres,
    Certificate? Certificate,
    DateOnly? UkReleaseDate,
    int? RuntimeMinutes,
    IReadOnlyList<string> Directors,
    IReadOnlyList<string> Writers,
    IReadOnlyList<string> Starring,
    string? Synopsis)
{
    public static readonly FilmFacts None = new([], null, null, null, [], [], [], null);

    public bool IsEmpty => this == None ||
        (Genres.Count == 0 && Certificate is null && UkReleaseDate is null && RuntimeMinutes is null &&
         Directors.Count == 0 && Writers.Count == 0 && Starring.Count == 0 && Synopsis is null);
}
