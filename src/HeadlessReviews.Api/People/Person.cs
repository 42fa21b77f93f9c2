using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Images;
using JasperFx;

namespace HeadlessReviews.Api.People;

/// <summary>Someone credited on films; their credits are derived from the films, never stored here.</summary>
public sealed class Person : IRevisioned, ICacheTagged
{
    public Guid Id { get; set; }

    string ICacheTagged.CacheTagKind => "person";

    /// <summary>Numeric revision kept by Marten: 1 when created, one more on every change.</summary>
    public int Version { get; set; }

    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Bio { get; set; }
    public Image? Image { get; set; }
}
