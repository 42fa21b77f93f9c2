using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HeadlessReviews.Api.Comments.Posting;
using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Films.Editing;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Importing.LegacyAddresses;
using HeadlessReviews.Api.Importing.WordPress.Content;
using HeadlessReviews.Api.Importing.WordPress.Wxr;
using HeadlessReviews.Api.People.Editing;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Api.Reviews.Editing;
using Marten;

namespace HeadlessReviews.Api.Importing.WordPress.Import;

/// <summary>
/// One review post of an export, written through the editing operations the mutations use (checks, slugs, versions,
/// revisions): its people and film (matched to those here first), the review, its comments, its old addresses and its
/// <see cref="ImportRecord"/>. Runs in a scope whose sessions share the post's transaction (the caller commits or rolls
/// back the whole); any user error of an operation ends the post as skipped, with that error as the reason.
/// </summary>
public sealed partial class PostImport(
    IDocumentSession session,
    CreatePerson createPerson,
    CreateFilm createFilm,
    ImportReview importReview,
    ImportComments importComments,
    ChangeAnnouncer announcer)
{
    public async Task<PostOutcome> ImportAsync(PreparedPost post, ImportContext context, PostCatalogue catalogue, ImportRecord? record, CancellationToken cancellationToken)
    {
        var (item, triage) = (post.Item, post.Triage);
        var outcome = new PostOutcome { Reason = triage.Reason };
        var hash = SourceHash(item, context);
        // Converted only when it is written: an unchanged post of a rerun costs its hash and its comments' hashes.
        ConvertedPost Convert()
        {
            var converted = post.Converted ?? WordPressPost.Convert(item.Content, context.Conversion);
            outcome.Warnings.AddRange(converted.Warnings);
            outcome.RemovedBoilerplate.AddRange(converted.RemovedBoilerplate);
            return converted;
        }

        Review? review;
        if (record is null)
        {
            var converted = Convert();
            if (Refusal(converted) is { } refusal) return Skipped(outcome, refusal);
            review = await CreateAsync(item, triage, context, catalogue, converted, outcome, cancellationToken);
            if (review is null) return outcome;
            record = new ImportRecord { Id = ImportRecord.KeyOf(context.Site, item.PostId), Site = context.Site, WordPressId = item.PostId, ReviewId = review.Id, FilmId = review.FilmId };
            outcome.Outcome = ImportOutcome.Imported;
        }
        else
        {
            review = await session.LoadAsync<Review>(record.ReviewId, cancellationToken);
            if (review is null) return Skipped(outcome, "Deleted here since it was imported: left as it is.", ImportOutcome.Conflict);
            if (record.SourceHash == hash)
                outcome.Outcome = ImportOutcome.Unchanged;
            else if (review.Version != record.ReviewVersion)
            {
                outcome.Outcome = ImportOutcome.Conflict;
                outcome.Reason = $"Changed here since it was imported (now version {review.Version}, imported as version {record.ReviewVersion}): the edit is kept, WordPress's newer text is not applied.";
            }
            else
            {
                var converted = Convert();
                if (Refusal(converted) is { } refusal) return Skipped(outcome, refusal);
                review = await UpdateAsync(item, triage, context, catalogue, converted, review, outcome, cancellationToken);
                if (review is null) return outcome;
                outcome.Outcome = ImportOutcome.Updated;
            }
        }
        outcome.ReviewId = review.Id;
        if (outcome.Outcome is ImportOutcome.Imported or ImportOutcome.Updated)
        {
            catalogue.AddReview(review);
            record.SourceHash = hash;
            record.ReviewVersion = review.Version;
            foreach (var address in LegacyAddress.Of("Review", review.Id, OldAddresses(item, context))) session.Store(address);
        }

        await ImportCommentsAsync(item, review, record, outcome, cancellationToken);
        record.ImportedAt = DateTimeOffset.UtcNow;
        session.Store(record);
        // Caches hear of the whole post once, in the same write as its record.
        announcer.FlushPurges(session);
        await session.SaveChangesAsync(cancellationToken);
        outcome.Writes = true;
        return outcome;
    }

    /// <summary>What a review needs that the post does not have, so that it cannot become one (nothing is invented).</summary>
    private static string? Refusal(ConvertedPost converted) =>
        converted.Verdict is null ? "No verdict: the post has no \"Pop or Poop?\" section with a \"Rating: Pop!\" or \"Rating: Poop!\" line, and a review needs one."
        : string.IsNullOrWhiteSpace(converted.Markdown) ? "No review text: the post holds only its facts and verdict."
        : null;

    private async Task<Review?> CreateAsync(WxrItem item, ItemTriage triage, ImportContext context, PostCatalogue catalogue, ConvertedPost converted, PostOutcome outcome, CancellationToken cancellationToken)
    {
        var filmId = await FilmAsync(item, triage, context, catalogue, converted, outcome, cancellationToken);
        if (filmId is null) return null;
        var input = ReviewInput(item, triage, context, converted);
        input.FilmId = GlobalId.Encode("Film", filmId.Value);
        input.Slug = UniqueSlug(item, reviewId: null, catalogue, outcome);
        input.CreatedAt = triage.Date;
        var result = await importReview.HandleAsync(input, cancellationToken);
        return Saved(result, outcome, "The review");
    }

    private async Task<Review?> UpdateAsync(WxrItem item, ItemTriage triage, ImportContext context, PostCatalogue catalogue, ConvertedPost converted, Review review, PostOutcome outcome, CancellationToken cancellationToken)
    {
        var input = ReviewInput(item, triage, context, converted);
        input.Id = GlobalId.Encode("Review", review.Id);
        input.ExpectedVersion = review.Version;
        var slug = WantedSlug(item);
        if (slug != review.Slug && !review.PreviousSlugs.Contains(slug)) input.Slug = UniqueSlug(item, review.Id, catalogue, outcome);
        input.Given = new HashSet<string>(["headline", "byline", "body", "verdict", .. input.Slug is null ? Array.Empty<string>() : ["slug"]]);
        return Saved(await importReview.HandleAsync(input, cancellationToken), outcome, "The review");
    }

    private static ImportReviewInput ReviewInput(WxrItem item, ItemTriage triage, ImportContext context, ConvertedPost converted)
    {
        var headline = WxrHtmlText.Decode(item.Title).Trim();
        var byline = context.Channel.DisplayNameOf(item.Creator).Trim();
        return new ImportReviewInput
        {
            Headline = Cut(headline, 200),
            Byline = Cut(byline.Length > 0 ? byline : context.Channel.Title.Trim() is { Length: > 0 } site ? site : "Unknown", 100),
            Body = converted.Markdown.Length > ReviewEditor.MaxBodyLength ? converted.Markdown[..ReviewEditor.MaxBodyLength] : converted.Markdown,
            Verdict = new VerdictInput { Rating = converted.Verdict!.Rating, Summary = Cut(converted.Verdict.Summary, 300) },
            Status = triage.Status,
            PublishedAt = triage.Status == ReviewStatus.Published ? triage.Date : null,
            PublishAt = triage.Status == ReviewStatus.Scheduled ? triage.Date : null,
            PreviousSlugs = [.. item.Meta.Values("_wp_old_slug").Select(DecodedSlug).Where(Slugs.IsValid)],
        };
    }

    /// <summary>The film reviewed: the one here of that title (and year, when known), else a new one with the post's facts, people and poster.</summary>
    private async Task<Guid?> FilmAsync(WxrItem item, ItemTriage triage, ImportContext context, PostCatalogue catalogue, ConvertedPost converted, PostOutcome outcome, CancellationToken cancellationToken)
    {
        var (title, titleYear) = TitleAndYear(triage.FilmTitle!);
        var facts = converted.Facts;
        int? knownYear = facts.UkReleaseDate?.Year ?? titleYear;
        if (catalogue.Film(title, knownYear) is { } existing)
        {
            outcome.Films.Matched++;
            return existing;
        }

        var year = knownYear ?? triage.Date?.Year ?? DateTime.UtcNow.Year;
        if (knownYear is null)
            outcome.Warnings.Add($"The film's year is not in the post (no UK release date or \"(year)\" in the title): {year}, the post's year, was used.");
        var directors = await PeopleAsync(facts.Directors, catalogue, outcome, cancellationToken);
        var writers = await PeopleAsync(facts.Writers, catalogue, outcome, cancellationToken);
        var cast = await PeopleAsync(facts.Starring, catalogue, outcome, cancellationToken);
        if (directors is null || writers is null || cast is null) return null;

        var poster = context.Attachments.FeaturedImageOf(item, $"Poster of {title}", context.Conversion.RewriteMediaUrl, outcome.Warnings);
        var input = new CreateFilmInput
        {
            Title = Cut(title, 200),
            Slug = catalogue.UniqueFilmSlug(TitleSlug.FromTitle(title)),
            Year = year,
            UkReleaseDate = facts.UkReleaseDate,
            RuntimeMinutes = facts.RuntimeMinutes is > 0 and <= 1000 ? facts.RuntimeMinutes : null,
            Certificate = facts.Certificate,
            Genres = [.. facts.Genres.Select(genre => Cut(genre, 40)).Take(10)],
            Synopsis = facts.Synopsis is { } synopsis ? Cut(synopsis, 2000) : null,
            Poster = poster,
            DirectorIds = [.. directors.Select(p => GlobalId.Encode("Person", p))],
            WriterIds = [.. writers.Select(p => GlobalId.Encode("Person", p))],
            Cast = [.. cast.Select((p, i) => new CastInput { PersonId = GlobalId.Encode("Person", p), Billing = i + 1 })],
        };
        input.Given = new HashSet<string>(["title", "slug", "year", "ukReleaseDate", "runtimeMinutes", "certificate", "genres", "synopsis",
            "directorIds", "writerIds", "cast", .. poster is null ? Array.Empty<string>() : ["poster"]]);
        if (Saved(await createFilm.HandleAsync(input, cancellationToken), outcome, "The film") is not { } film) return null;
        catalogue.AddFilm(film.Title, film.Year, film.Id);
        outcome.Films.Created++;
        return film.Id;
    }

    /// <summary>Each named person: the one here of that name, else a new one. Null when one could not be made.</summary>
    private async Task<List<Guid>?> PeopleAsync(IReadOnlyList<string> names, PostCatalogue catalogue, PostOutcome outcome, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        foreach (var raw in names)
        {
            var name = PersonName(raw);
            if (name.Length == 0) continue;
            if (catalogue.Person(name) is { } known)
            {
                if (!ids.Contains(known)) { ids.Add(known); outcome.People.Matched++; }
                continue;
            }
            var input = new CreatePersonInput
            {
                Name = name,
                Slug = catalogue.UniquePersonSlug(TitleSlug.FromTitle(name)),
                Given = new HashSet<string>(["name", "slug"]),
            };
            if (Saved(await createPerson.HandleAsync(input, cancellationToken), outcome, $"The person \"{name}\"") is not { } person) return null;
            catalogue.AddPerson(name, person.Id);
            outcome.People.Created++;
            ids.Add(person.Id);
        }
        return ids;
    }

    private async Task ImportCommentsAsync(WxrItem item, Review review, ImportRecord record, PostOutcome outcome, CancellationToken cancellationToken)
    {
        var plan = PostComments.For(review.Id, item.Comments, record);
        var counts = outcome.Comments;
        counts.Total += item.Comments.Count;
        counts.Skipped += plan.Skipped;
        counts.Unchanged += plan.Unchanged;
        outcome.Warnings.AddRange(plan.Warnings);
        if (plan.Input.Comments.Count == 0) return;

        var (results, problem) = await importComments.HandleAsync(plan.Input, cancellationToken);
        if (problem is not null) throw new InvalidOperationException($"The review's comments could not be imported: {problem}");
        foreach (var result in results)
        {
            var (wpId, hash) = plan.Sources[result.Input];
            foreach (var warning in result.Warnings) outcome.Warnings.Add($"Comment {wpId}: {warning}");
            switch (result.Outcome)
            {
                case ImportedCommentOutcome.Imported: counts.Imported++; break;
                case ImportedCommentOutcome.Updated: counts.Updated++; break;
                case ImportedCommentOutcome.Unchanged: counts.Unchanged++; break;
                case ImportedCommentOutcome.Conflict: counts.Skipped++; counts.Conflicts++; outcome.Warnings.Add($"Comment {wpId}: {result.Problem} Left as it is."); break;
                default: counts.Skipped++; outcome.Warnings.Add($"Comment {wpId} was not imported: {result.Problem}"); break;
            }
            // A conflict keeps its old hash: the next run compares against what was imported, and leaves it alone again.
            if (result.Comment is { } comment && result.Outcome is not ImportedCommentOutcome.Conflict and not ImportedCommentOutcome.Failed)
                record.Comments[PostComments.Key(wpId)] = new ImportedCommentRecord(comment.Id, comment.Version, hash);
        }
    }

    /// <summary>The post's slug, made unique among reviews (reported when it had to change).</summary>
    private static string UniqueSlug(WxrItem item, Guid? reviewId, PostCatalogue catalogue, PostOutcome outcome)
    {
        var wanted = WantedSlug(item);
        var slug = catalogue.UniqueReviewSlug(wanted, reviewId);
        if (slug != wanted) outcome.Warnings.Add($"Its slug \"{wanted}\" is taken by another review: stored as \"{slug}\".");
        return slug;
    }

    /// <summary>The post's slug as ours (WordPress keeps non-Latin slugs percent-encoded), else one made from its title.</summary>
    private static string WantedSlug(WxrItem item)
    {
        var slug = DecodedSlug(item.Slug);
        if (slug.Length > 0 && Slugs.IsValid(slug)) return slug;
        var fromSlug = slug.Length > 0 ? TitleSlug.FromTitle(slug) : "";
        return fromSlug.Length > 0 ? fromSlug : TitleSlug.FromTitle(WxrHtmlText.Decode(item.Title));
    }

    private static string DecodedSlug(string slug)
    {
        var trimmed = slug.Trim();
        try
        {
            trimmed = Uri.UnescapeDataString(trimmed);
        }
        catch (UriFormatException)
        {
        }
        return trimmed.ToLowerInvariant();
    }

    /// <summary>Where readers found the post: its permalink, its <c>?p=</c> short link, and the permalinks of its earlier slugs.</summary>
    private static IEnumerable<string> OldAddresses(WxrItem item, ImportContext context)
    {
        if (item.Link.Length > 0) yield return item.Link;
        if (item.WordPressGuid.Length > 0) yield return item.WordPressGuid;
        var site = context.Channel.BaseBlogUrl.Length > 0 ? context.Channel.BaseBlogUrl : context.Channel.Link;
        if (site.Length > 0) yield return $"{site.TrimEnd('/')}/?p={item.PostId}";
        var current = item.Slug.Trim();
        if (current.Length == 0 || item.Link.Length == 0) yield break;
        foreach (var old in item.Meta.Values("_wp_old_slug"))
        {
            var at = item.Link.LastIndexOf(current, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && old.Trim().Length > 0) yield return item.Link[..at] + old.Trim() + item.Link[(at + current.Length)..];
        }
    }

    /// <summary>
    /// The names a new post may add to the catalogue, as <see cref="NameKey"/>s: its film's title and every person of its
    /// facts. Posts in flight at once must not share one (<see cref="ImportLanes"/>).
    /// </summary>
    public static (string Film, IEnumerable<string> People) CatalogueKeys(ItemTriage triage, ConvertedPost converted) =>
        (NameKey.Of(TitleAndYear(triage.FilmTitle!).Title),
         converted.Facts.Directors.Concat(converted.Facts.Writers).Concat(converted.Facts.Starring)
            .Select(PersonName).Where(name => name.Length > 0).Select(NameKey.Of));

    /// <summary>The slugs a post's review will hold (wanted and earlier): posts in flight at once must not share one either.</summary>
    public static IEnumerable<string> ReviewSlugKeys(WxrItem item) =>
        [WantedSlug(item), .. item.Meta.Values("_wp_old_slug").Select(DecodedSlug).Where(Slugs.IsValid)];

    private static string PersonName(string raw) => Cut(raw.Trim(), 200);

    private static (string Title, int? Year) TitleAndYear(string filmTitle)
    {
        var match = TrailingYear().Match(filmTitle);
        return match.Success && int.TryParse(match.Groups["year"].Value, out var year) && year >= 1888
            ? (filmTitle[..match.Index].Trim(), year)
            : (filmTitle, null);
    }

    [GeneratedRegex(@"\s*\((?<year>\d{4})\)\s*$")]
    private static partial Regex TrailingYear();

    /// <summary>The hash of everything of the post that the import reads (comments aside: each has its own), and the options that change the result.</summary>
    private static string SourceHash(WxrItem item, ImportContext context)
    {
        var text = string.Join('\u001f', item.Title, item.Content, item.Excerpt, item.Status, item.PostDate?.ToString("O"), item.PostDateGmt?.ToString("O"),
            item.Slug, item.PostPassword.Length > 0, item.Creator, context.Channel.DisplayNameOf(item.Creator), item.Link, item.WordPressGuid,
            string.Join('\u001e', item.Meta.Values("_wp_old_slug")), item.Meta.First("_thumbnail_id"),
            string.Join('\u001e', item.Categories.Select(c => $"{c.Domain}:{c.Nicename}")), context.Options.Fingerprint);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    private static T? Saved<T>(EditResult<T> result, PostOutcome outcome, string what) where T : class
    {
        if (result.Succeeded) return result.Document;
        Skipped(outcome, $"{what} could not be stored: {string.Join(" ", result.Errors.Select(e => e.Message))}");
        return null;
    }

    private static PostOutcome Skipped(PostOutcome outcome, string reason, ImportOutcome kind = ImportOutcome.Skipped)
    {
        outcome.Outcome = kind;
        outcome.Reason = reason;
        outcome.Writes = false;
        return outcome;
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length].TrimEnd();
}
