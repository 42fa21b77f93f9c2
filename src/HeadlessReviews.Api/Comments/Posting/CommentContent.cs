using System.Net.Mail;
using HeadlessReviews.Api.Editing;

namespace HeadlessReviews.Api.Comments.Posting;

/// <summary>
/// What a commenter wrote, as stored: name, e-mail, website and body checked and normalised
/// (<see cref="CommentText"/>, <see cref="AuthorUrl"/>) the same way for a reader's post and an import.
/// </summary>
public sealed record CommentContent(string AuthorName, string AuthorEmail, string? AuthorUrl, string Body)
{
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 254;
    public const int MaxBodyLength = 5000;

    /// <summary>The normalised content; null when any field has a mistake (each one in <paramref name="checks"/>).</summary>
    /// <param name="emailRequired">False for an import: a source may not have kept one (stored as empty, never shown).</param>
    public static CommentContent? Check(InputChecks checks, CommentFields fields, bool emailRequired = true)
    {
        var name = CommentText.Checked(checks, "authorName", CommentText.Name(fields.AuthorName), MaxNameLength);
        var email = !emailRequired && string.IsNullOrWhiteSpace(fields.AuthorEmail) ? "" : Email(checks, fields.AuthorEmail);
        var url = Posting.AuthorUrl.Normalise(checks, "authorUrl", fields.AuthorUrl);
        var text = CommentText.Checked(checks, "body", CommentText.Body(fields.Body), MaxBodyLength);
        return checks.Failed ? null : new CommentContent(name!, email!, url, text!);
    }

    private static string? Email(InputChecks checks, string? value)
    {
        var email = checks.Text("authorEmail", CommentText.Clean(value, multiline: false), MaxEmailLength);
        if (email is null) return null;
        var valid = MailAddress.TryCreate(email, out var address) && address.Address == email
            && email.IndexOf('@', StringComparison.Ordinal) is var at and > 0 && email[(at + 1)..].Contains('.', StringComparison.Ordinal)
            && !email.Any(char.IsWhiteSpace);
        if (!valid) checks.Add("authorEmail", UserErrorCode.Format, "`authorEmail` is not an e-mail address.");
        return email;
    }
}
