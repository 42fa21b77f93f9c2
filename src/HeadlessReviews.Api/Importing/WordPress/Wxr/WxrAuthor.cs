namespace HeadlessReviews.Api.Importing.WordPress.Wxr;

/// <summary>A wp:author of the channel. Names are as exported: HTML entities are not decoded (see <see cref="WxrHtmlText"/>).</summary>
public sealed record WxrAuthor(long Id, string Login, string Email, string DisplayName, string FirstName, string LastName);
