namespace HeadlessReviews.Api.Importing.WordPress.Wxr;

/// <summary>
/// What a WXR file says about the site, read from the channel before its first item
/// (WordPress writes authors and terms there; anything after the items is not part of the header).
/// </summary>
/// <param name="Link">The site's address (the RSS channel link).</param>
/// <param name="BaseBlogUrl">Falls back to <paramref name="BaseSiteUrl"/> when absent, as WordPress's own importer does.</param>
public sealed record WxrChannel(
    string Title,
    string Link,
    string BaseSiteUrl,
    string BaseBlogUrl,
    string WxrVersion,
    IReadOnlyList<WxrAuthor> Authors,
    IReadOnlyList<WxrCategory> Categories,
    IReadOnlyList<WxrTag> Tags,
    IReadOnlyList<WxrTerm> Terms)
{
    private readonly Dictionary<string, WxrAuthor> _byLogin = IndexByLogin(Authors);

    /// <summary>Authors by login (what an item's dc:creator holds); a later duplicate login wins.</summary>
    public IReadOnlyDictionary<string, WxrAuthor> AuthorsByLogin => _byLogin;

    /// <summary>The display name for an item's dc:creator, entities decoded; the login itself when the author list lacks it.</summary>
    public string DisplayNameOf(string login) =>
        _byLogin.TryGetValue(login, out var author) && author.DisplayName.Length > 0
            ? WxrHtmlText.Decode(author.DisplayName)
            : login;

    private static Dictionary<string, WxrAuthor> IndexByLogin(IReadOnlyList<WxrAuthor> authors)
    {
        var byLogin = new Dictionary<string, WxrAuthor>(StringComparer.Ordinal);
        foreach (var author in authors) byLogin[author.Login] = author;
        return byLogin;
    }
}
