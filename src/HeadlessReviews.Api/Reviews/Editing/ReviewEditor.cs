using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Films;
using Marten;

namespace HeadlessReviews.Api.Reviews.Editing;

/// <summary>
/// Checks an editor's review fields and applies them to a review in memory: every mistake is
/// collected as a user error, and the names of the fields that really changed are returned for the
/// review's history. The caller saves only when there are no errors.
/// </summary>
public sealed class ReviewEditor(IDocumentSession session)
{
    public const int MaxBodyLength = 100_000;

    public async Task<IReadOnlyList<string>> ApplyAsync(Review review, ReviewFields input, InputChecks checks, CancellationToken cancellationToken)
    {
        var creating = review.Version == 0;
        var changed = new List<string>();
        void Set<T>(string field, T current, T value, Action<T> apply)
        {
            if (EqualityComparer<T>.Default.Equals(current, value)) return;
            apply(value);
            changed.Add(field);
        }

        var film = creating || input.Has("filmId") ? await FilmAsync(input.FilmId, checks, cancellationToken) : null;
        if (film is not null) Set("filmId", review.FilmId, film.Id, id => review.FilmId = id);

        // A new review's headline defaults to the film's; an update may not blank it.
        var headline = creating && input.Headline is null ? (film is null ? null : $"Review – {film.Title}") : input.Headline;
        if ((creating || input.Has("headline")) && (headline is not null || !creating) && checks.Text("headline", headline, 200) is { } text)
            Set("headline", review.Headline, text, value => review.Headline = value);
        if ((creating || input.Has("byline")) && checks.Text("byline", input.Byline, 100) is { } byline)
            Set("byline", review.Byline, byline, value => review.Byline = value);
        if ((creating || input.Has("body")) && Body(input.Body, checks) is { } markdown && markdown != review.Body.Markdown)
        {
            review.Body = ReviewBody.FromMarkdown(markdown);
            review.ExcerptChars = review.Body.ExcerptChars;
            changed.Add("body");
        }
        if ((creating || input.Has("verdict")) && Verdict(input.Verdict, checks) is { } verdict)
            Set("verdict", review.Verdict, verdict, value => review.Verdict = value);

        var slug = await SlugAsync(review, input, film, checks, creating, cancellationToken);
        if (slug is not null && slug != review.Slug)
        {
            ReviewSlugs.Rename(review, slug);
            changed.Add("slug");
        }
        return changed;
    }

    /// <summary>The film under review: it must exist and be a film.</summary>
    private async Task<Film?> FilmAsync(string? filmId, InputChecks checks, CancellationToken cancellationToken)
    {
        if (checks.Id("filmId", filmId, "Film") is not { } id) return null;
        var film = await session.LoadAsync<Film>(id, cancellationToken);
        if (film is null) checks.Add("filmId", UserErrorCode.NotFound, "There is no film with this id.");
        return film;
    }

    /// <summary>Markdown as written: leading spaces mean something there (an indented code block), so it is not trimmed.</summary>
    private static string? Body(string? markdown, InputChecks checks)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            checks.Add("body", UserErrorCode.Required, "`body` is required.");
            return null;
        }
        if (markdown.Length > MaxBodyLength)
            checks.Add("body", UserErrorCode.Length, $"`body` must be at most {MaxBodyLength:N0} characters long; it is {markdown.Length:N0}.");
        return markdown;
    }

    private static Verdict? Verdict(VerdictInput? verdict, InputChecks checks)
    {
        if (verdict is null)
        {
            checks.Add("verdict", UserErrorCode.Required, "`verdict` is required.");
            return null;
        }
        if (verdict.Rating is null) checks.Add("verdict.rating", UserErrorCode.Required, "`verdict.rating` is required.");
        var summary = checks.Text("verdict.summary", verdict.Summary, 300);
        return verdict.Rating is { } rating && summary is not null ? new Verdict(rating, summary) : null;
    }

    /// <summary>The slug to give the review: the one sent (checked), or on creation one made from the film's.</summary>
    private async Task<string?> SlugAsync(Review review, ReviewFields input, Film? film, InputChecks checks, bool creating, CancellationToken cancellationToken)
    {
        if (input.Slug is null)
        {
            if (!creating && input.Has("slug")) checks.Add("slug", UserErrorCode.Required, "`slug` cannot be cleared; send the new slug instead.");
            return creating && film is not null ? await ReviewSlugs.UniqueAsync(session, film.Slug, review.Id, cancellationToken) : null;
        }
        var slug = checks.Slug("slug", input.Slug);
        if (slug is null || !Slugs.IsValid(slug) || slug == review.Slug) return null;
        if (await ReviewSlugs.IsTakenAsync(session, slug, review.Id, cancellationToken))
        {
            checks.Add("slug", UserErrorCode.SlugTaken, $"Another review has the slug `{slug}`, or had it and is still found by it.");
            return null;
        }
        return slug;
    }
}
