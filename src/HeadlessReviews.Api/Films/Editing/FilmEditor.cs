using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Images;
using HeadlessReviews.Api.Storage;
using HeadlessReviews.Api.Storage.Editing;
using Marten;

namespace HeadlessReviews.Api.Films.Editing;

/// <summary>
/// Checks an editor's film fields and applies them to a film: every mistake is collected as a user
/// error, and the film is only changed in memory (the caller saves it when there are none).
/// </summary>
public sealed class FilmEditor(IDocumentSession session, TimeProvider clock) : IFieldRules<Film, FilmFields>
{
    public EditedKind<Film> Kind { get; } = new("Film", "film", Tables.Films, film => film.Id);

    public Film NewDocument() => new() { Id = Guid.NewGuid() };

    public async Task ApplyAsync(Film film, FilmFields input, InputChecks checks, CancellationToken cancellationToken)
    {
        var creating = film.Version == 0;
        if (creating || input.Has("title")) film.Title = checks.Text("title", input.Title, 200) ?? film.Title;
        if (creating || input.Has("year"))
        {
            if (input.Year is null) checks.Add("year", UserErrorCode.Required, "`year` is required.");
            else film.Year = checks.Range("year", input.Year, 1888, clock.GetUtcNow().Year + 5) ?? film.Year;
        }
        if (input.Has("ukReleaseDate"))
        {
            if (input.UkReleaseDate is { } date && (date.Year < 1888 || date.Year > clock.GetUtcNow().Year + 5))
                checks.Add("ukReleaseDate", UserErrorCode.OutOfRange, "`ukReleaseDate` must be between 1888 and five years from now.");
            film.UkReleaseDate = input.UkReleaseDate;
        }
        if (input.Has("runtimeMinutes")) film.RuntimeMinutes = checks.Range("runtimeMinutes", input.RuntimeMinutes, 1, 1000);
        if (input.Has("certificate")) film.Certificate = input.Certificate;
        if (input.Has("synopsis")) film.Synopsis = checks.Text("synopsis", input.Synopsis, 2000, required: false);
        if (input.Has("genres")) film.Genres = Genres(input.Genres ?? [], checks);
        if (input.Has("poster")) film.Poster = input.Poster is null ? null : ImageChecks.Check(checks, "poster", input.Poster);

        await CreditsAsync(film, input, checks, cancellationToken);
        film.Slug = await SlugLookup.ChooseAsync(session, checks, Tables.Films, "film", input.Slug, film.Slug, creating ? film.Title : null, film.Id, cancellationToken);
    }

    private static List<string> Genres(List<string> genres, InputChecks checks)
    {
        if (genres.Count > 10) checks.Add("genres", UserErrorCode.Length, $"At most 10 genres; {genres.Count} were given.");
        return [.. genres.Select((genre, index) => checks.Text($"genres.{index}", genre, 40) ?? "").Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Credits must name people that exist; all are checked with one round trip. Runs inside the caller's transaction.</summary>
    private async Task CreditsAsync(Film film, FilmFields input, InputChecks checks, CancellationToken cancellationToken)
    {
        var directors = input.Has("directorIds") ? Ids("directorIds", input.DirectorIds, checks) : null;
        var writers = input.Has("writerIds") ? Ids("writerIds", input.WriterIds, checks) : null;
        var cast = input.Has("cast") ? Cast(input.Cast ?? [], checks) : null;

        var named = (directors ?? []).Concat(writers ?? []).Concat(cast?.Select(c => c.Member.PersonId) ?? []).Distinct().ToArray();
        // Locked for share until the film is saved: a person cannot be deleted in between and leave
        // the film crediting someone who no longer exists.
        var existing = named.Length == 0 ? [] : (await session.QueryAsync<Guid>('^',
            $"select id from {Tables.People} where id = any(^) order by id for share", cancellationToken, named)).ToHashSet();
        void Missing(string field, Guid id)
        {
            if (!existing.Contains(id)) checks.Add(field, UserErrorCode.NotFound, $"`{field}` names a person who does not exist.");
        }

        if (directors is not null) { for (var i = 0; i < directors.Count; i++) Missing($"directorIds.{i}", directors[i]); film.DirectorIds = directors; }
        if (writers is not null) { for (var i = 0; i < writers.Count; i++) Missing($"writerIds.{i}", writers[i]); film.WriterIds = writers; }
        if (cast is not null)
        {
            foreach (var (member, field) in cast) Missing(field, member.PersonId);
            film.Cast = [.. cast.Select(c => c.Member)];
        }
    }

    private static List<Guid> Ids(string field, List<string>? ids, InputChecks checks) =>
        [.. (ids ?? []).Select((id, index) => checks.Id($"{field}.{index}", id, "Person")).OfType<Guid>().Distinct()];

    private static List<(CastMember Member, string Field)> Cast(List<CastInput> cast, InputChecks checks)
    {
        var members = new List<(CastMember, string)>();
        for (var i = 0; i < cast.Count; i++)
        {
            var person = checks.Id($"cast.{i}.personId", cast[i].PersonId, "Person");
            var character = checks.Text($"cast.{i}.character", cast[i].Character, 200, required: false);
            var billing = checks.Range($"cast.{i}.billing", cast[i].Billing, 1, 1000) ?? i + 1;
            if (person is { } id) members.Add((new CastMember(id, character, billing), $"cast.{i}.personId"));
        }
        return members;
    }
}
