namespace HeadlessReviews.Api.Importing.WordPress.Wxr;

/// <summary>A wp:category of the channel; <paramref name="Parent"/> is the parent's nicename (slug), empty at the top.</summary>
public sealed record WxrCategory(long TermId, string Nicename, string Parent, string Name, string Description);

/// <summary>A wp:tag of the channel.</summary>
public sealed record WxrTag(long TermId, string Slug, string Name, string Description);

/// <summary>A wp:term of the channel (custom taxonomies, navigation menus…); <paramref name="Parent"/> is the parent's slug.</summary>
public sealed record WxrTerm(long TermId, string Taxonomy, string Slug, string Parent, string Name, string Description);

/// <summary>
/// An item's &lt;category&gt;: <paramref name="Domain"/> is the taxonomy ("category", "post_tag", "nav_menu"…),
/// <paramref name="Nicename"/> the term's slug and <paramref name="Label"/> its name as written.
/// Very old exports also carry a bare &lt;category&gt; without domain or nicename; those are kept with empty fields.
/// </summary>
public sealed record WxrItemCategory(string Domain, string Nicename, string Label);
