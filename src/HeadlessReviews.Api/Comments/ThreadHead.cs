using HeadlessReviews.Api.Storage.Paging;

namespace HeadlessReviews.Api.Comments;

/// <summary>
/// The first top-level comments readers see on a review, oldest first, read with the review page
/// (<see cref="CommentThreadReadAlong"/>): enough for the first page of the sizes the document asks for.
/// <paramref name="Complete"/> when they are all the review has.
/// </summary>
public sealed record ThreadHead(IReadOnlyList<Comment> TopLevel, bool Complete)
{
    /// <summary>Whether <paramref name="page"/> is a first page this head holds whole, one past its end included.</summary>
    public bool Answers(PageRequest page) => !page.Backward && page.Cursor is null && (Complete || TopLevel.Count > page.Size);
}
