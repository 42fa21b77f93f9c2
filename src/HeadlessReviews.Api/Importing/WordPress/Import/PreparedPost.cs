using HeadlessReviews.Api.Importing.WordPress.Content;
using HeadlessReviews.Api.Importing.WordPress.Wxr;

namespace HeadlessReviews.Api.Importing.WordPress.Import;

/// <summary>A review post read from the file, converted ahead when it is new here (a new post is always converted).</summary>
public sealed record PreparedPost(WxrItem Item, ItemTriage Triage, ConvertedPost? Converted);
