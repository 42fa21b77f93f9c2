using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Films.Editing;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.People.Editing;

/// <summary>
/// Checks an editor's person fields and applies them to a person: every mistake is collected as a user
/// error, and the person is only changed in memory (the caller saves it when there are none).
/// </summary>
public sealed class PersonEditor(IDocumentSession session)
{
    public async Task ApplyAsync(Person person, PersonFields input, InputChecks checks, CancellationToken cancellationToken)
    {
        var creating = person.Version == 0;
        if (creating || input.Has("name")) person.Name = checks.Text("name", input.Name, 200) ?? person.Name;
        if (input.Has("bio")) person.Bio = checks.Text("bio", input.Bio, 4000, required: false);
        if (input.Has("image")) person.Image = input.Image is null ? null : Portrait(input.Image, checks);

        await SlugAsync(person, input, checks, creating, cancellationToken);
    }

    private static Image? Portrait(ImageInput image, InputChecks checks)
    {
        var url = checks.Text("image.url", image.Url, 2000);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            checks.Add("image.url", UserErrorCode.Format, "`image.url` must be an absolute http or https URL.");
        var alt = checks.Text("image.altText", image.AltText, 300);
        checks.Range("image.width", image.Width, 1, 20_000);
        checks.Range("image.height", image.Height, 1, 20_000);
        return url is null || alt is null ? null : new Image(url, alt, image.Width, image.Height);
    }

    private async Task SlugAsync(Person person, PersonFields input, InputChecks checks, bool creating, CancellationToken cancellationToken)
    {
        if (input.Slug is not null)
        {
            var slug = checks.Slug("slug", input.Slug);
            if (slug is not null && Slugs.IsValid(slug) && await Slugs.IsTakenAsync(session, Tables.People, slug, person.Id, cancellationToken))
                checks.Add("slug", UserErrorCode.SlugTaken, $"Another person has the slug `{slug}`.");
            person.Slug = slug ?? person.Slug;
        }
        else if (creating && !string.IsNullOrEmpty(person.Name))
        {
            person.Slug = await Slugs.UniqueAsync(session, Tables.People, Slugs.FromText(person.Name), person.Id, cancellationToken);
        }
    }
}
