using System.Text.RegularExpressions;
using HeadlessReviews.Api.Storage;

namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>
/// Whether a commenter is known: the <c>hasApprovedBefore</c> of <see cref="CommentPolicy"/>. As
/// WordPress's <c>check_comment</c>, both the name and the e-mail must match one approved comment: an
/// e-mail alone is no secret (it is not verified, and others may know it). Names match ignoring case
/// and runs of white space; e-mails ignoring case. Narrowed by the index on <c>author_email_key</c>.
/// Asked through <see cref="CommentHistory"/>, in the same round trip as the screening counts.
/// </summary>
public static partial class ApprovedCommenters
{
    /// <summary>An approved comment of the commenter; its two <c>^</c> take the lower-cased e-mail and <see cref="NormalisedName"/>.</summary>
    internal static readonly string Sql =
        $"select 1 from {Tables.Comments} d where d.author_email_key = ^ and d.status = '{nameof(CommentStatus.Approved)}' " +
        @"and lower(regexp_replace(trim(d.data ->> 'AuthorName'), '\s+', ' ', 'g')) = ^";

    internal static string NormalisedName(string name) => WhiteSpace().Replace(name.Trim(), " ").ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
