namespace HeadlessReviews.Api.Importing.WordPress.Wxr;

/// <summary>
/// One &lt;item&gt; of a WXR file: a post, page, attachment, menu item, block, template… (see <see cref="PostType"/>).
/// Text is as exported: HTML entities in titles and content are not decoded. Missing elements read as empty.
/// Local dates (unspecified kind) and GMT dates (UTC) are null when absent or "0000-00-00 00:00:00".
/// </summary>
public sealed record WxrItem
{
    public long PostId { get; init; }
    public string Title { get; init; } = "";
    public string Link { get; init; } = "";
    /// <summary>The &lt;guid&gt;, usually the "?p=" short link the post had when first saved.</summary>
    public string WordPressGuid { get; init; } = "";
    /// <summary>The author's login; <see cref="WxrChannel.DisplayNameOf"/> maps it to a byline.</summary>
    public string Creator { get; init; } = "";
    public string Content { get; init; } = "";
    public string Excerpt { get; init; } = "";
    public DateTime? PostDate { get; init; }
    public DateTime? PostDateGmt { get; init; }
    public DateTime? PostModified { get; init; }
    public DateTime? PostModifiedGmt { get; init; }
    public string CommentStatus { get; init; } = "";
    public string PingStatus { get; init; } = "";
    /// <summary>wp:post_name; empty for drafts that never had one.</summary>
    public string Slug { get; init; } = "";
    public string Status { get; init; } = "";
    public long PostParent { get; init; }
    public int MenuOrder { get; init; }
    public string PostType { get; init; } = "";
    public string PostPassword { get; init; } = "";
    public bool IsSticky { get; init; }
    /// <summary>For attachments: the file's URL on the old site.</summary>
    public string? AttachmentUrl { get; init; }
    public IReadOnlyList<WxrItemCategory> Categories { get; init; } = [];
    public WxrPostMeta Meta { get; init; } = WxrPostMeta.Empty;
    public IReadOnlyList<WxrComment> Comments { get; init; } = [];
    /// <summary>Where the item starts in the file, for reports.</summary>
    public int LineNumber { get; init; }
}
