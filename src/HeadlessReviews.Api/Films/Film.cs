using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Images;
using JasperFx;

namespace HeadlessReviews.Api.Films;

/// <summary>A film as the publication catalogues it; credits point at <see cref="People.Person"/> documents.</summary>
public sealed class Film : IRevisioned, ICacheTagged
{
    public Guid Id { get; set; }

    string ICacheTagged.CacheTagKind => "film";

    /// <summary>Numeric revision kept by Marten: 1 when created, one more on every change.</summary>
    public int Version { get; set; }

    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public int Year { get; set; }
    public DateOnly? UkReleaseDate { get; set; }
    public int? RuntimeMinutes { get; set; }
    public Certificate? Certificate { get; set; }
    public List<string> Genres { get; set; } = [];
    public string? Synopsis { get; set; }
    public Image? Poster { get; set; }
    public List<Guid> DirectorIds { get; set; } = [];
    public List<Guid> WriterIds { get; set; } = [];
    public List<CastMember> Cast { get; set; } = [];

    /// <summary>The genres as one line of text, kept in the document for the full-text index.</summary>
    public string GenreText => string.Join(", ", Genres);

    /// <summary>Everyone credited on the film, kept in the document so "films of a person" is one indexed lookup.</summary>
    public List<Guid> CreditedPersonIds =>
        [.. DirectorIds.Concat(WriterIds).Concat(Cast.Select(c => c.PersonId)).Distinct()];
}

/// <summary>One actor's part in a film; billing 1 is top of the bill.</summary>
public sealed record CastMember(Guid PersonId, string? Character, int Billing);
