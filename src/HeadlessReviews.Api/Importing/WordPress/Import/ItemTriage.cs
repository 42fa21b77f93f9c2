using HeadlessReviews.Api.Importing.WordPress.Content;
using HeadlessReviews.Api.Importing.WordPress.Wxr;
using HeadlessReviews.Api.Reviews;

namespace HeadlessReviews.Api.Importing.WordPress.Import;

/// <summary>What an item of the file is to the import: a review of a film (with the status it gets), or a skip with its reason.</summary>
public sealed record ItemTriage(string? FilmTitle, ReviewStatus Status, DateTimeOffset? Date, string? Reason)
{
    public bool IsReview => FilmTitle is not null;

    /// <summary>
    /// Posts whose title matches the pattern (or that are in the review category) are reviews. <c>publish</c> is
    /// published at its GMT date (the local one when the GMT date is zero), <c>future</c> scheduled, <c>draft</c>,
    /// <c>pending</c>, <c>private</c> and password-protected posts drafts (the reason says so); trash, auto-drafts,
    /// revisions and every other kind of item are skipped, each with its reason.
    /// </summary>
    public static ItemTriage Of(WxrItem item, WordPressImportOptions options)
    {
        if (item.PostType != "post") return Skip(NotAPost(item));
        switch (item.Status)
        {
            case "trash": return Skip("In WordPress's trash.");
            case "auto-draft": return Skip("An auto-draft (WordPress's unsaved placeholder).");
            case "inherit": return Skip("A revision of another post.");
        }

        var title = WxrHtmlText.Decode(item.Title).Trim();
        var film = ReviewTitle.FilmTitle(item.Title, options.ReviewTitlePattern);
        if (film is null && options.ReviewCategory is { Length: > 0 } category
            && item.Categories.Any(c => c.Domain == "category" && string.Equals(c.Nicename, category, StringComparison.OrdinalIgnoreCase)))
            film = title.Length > 0 ? title : null;
        if (film is null)
            return Skip(title.Length == 0
                ? "A post without a title: not a review."
                : options.ReviewCategory is { Length: > 0 } slug
                    ? $"Not a review: the title does not name a film (\"Review – Title\") and the post is not in the category \"{slug}\"."
                    : "Not a review: the title does not name a film (\"Review – Title\").");

        var date = item.PostDateGmt ?? item.PostDate;
        DateTimeOffset? at = date is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null;
        if (item.PostPassword.Length > 0) return new(film, ReviewStatus.Draft, at, "Password-protected in WordPress: imported as a draft.");
        return item.Status switch
        {
            "publish" when at is null => new(film, ReviewStatus.Draft, null, "Published in WordPress without a date: imported as a draft."),
            "publish" => new(film, ReviewStatus.Published, at, item.PostDateGmt is null ? "Its GMT date is missing: published at its local date." : null),
            "future" when at is null => new(film, ReviewStatus.Draft, null, "Scheduled in WordPress without a date: imported as a draft."),
            "future" => new(film, ReviewStatus.Scheduled, at, null),
            "draft" => new(film, ReviewStatus.Draft, at, "A draft in WordPress: imported as a draft."),
            "pending" => new(film, ReviewStatus.Draft, at, "Pending review in WordPress: imported as a draft."),
            "private" => new(film, ReviewStatus.Draft, at, "Private in WordPress: imported as a draft."),
            _ => new(film, ReviewStatus.Draft, at, $"Status \"{item.Status}\" in WordPress: imported as a draft."),
        };
    }

    private static ItemTriage Skip(string reason) => new(null, ReviewStatus.Draft, null, reason);

    private static string NotAPost(WxrItem item) => item.PostType switch
    {
        "page" => "A page, not a review.",
        "attachment" => "An attachment: its address is used where a review shows it (a featured image becomes the film's poster); nothing is downloaded.",
        "revision" => "A revision of another post.",
        "nav_menu_item" => "A menu item: menus belong to the frontend.",
        "wp_block" => "A reusable block.",
        "wp_template" or "wp_template_part" => "A theme template.",
        "wp_global_styles" => "Theme styles.",
        "wp_navigation" => "A navigation menu: menus belong to the frontend.",
        "custom_css" => "Theme CSS.",
        "customize_changeset" => "A Customizer changeset.",
        "oembed_cache" => "A cached embed.",
        "wp_font_family" or "wp_font_face" => "A font.",
        "" => "An item without a post type.",
        var type => $"A \"{type}\" item, not a post.",
    };
}
