using System.ComponentModel;

namespace HeadlessReviews.Api.Films;

public enum CreditRole
{
    [Description("Directed the film.")]
    Director,
    [Description("Wrote the screenplay or the story.")]
    Writer,
    [Description("Acted in the film, on screen or by voice.")]
    Actor,
}

/// <summary>One part a person had in one film, derived from the film's credits.</summary>
public sealed record Credit(Film Film, CreditRole Role, string? Character, int? Billing)
{
    public static IEnumerable<Credit> Of(Guid personId, Film film)
    {
        if (film.DirectorIds.Contains(personId)) yield return new Credit(film, CreditRole.Director, null, null);
        if (film.WriterIds.Contains(personId)) yield return new Credit(film, CreditRole.Writer, null, null);
        foreach (var part in film.Cast.Where(member => member.PersonId == personId))
            yield return new Credit(film, CreditRole.Actor, part.Character, part.Billing);
    }
}
