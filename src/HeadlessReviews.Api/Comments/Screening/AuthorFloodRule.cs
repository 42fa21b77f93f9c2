using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>
/// Many comments in minutes from one address or one e-mail: a script, or someone to slow down. Counted by
/// <see cref="CommentHistory"/> from the indexes on <c>(client_address_hash, posted_at)</c> and
/// <c>(author_email_key, posted_at)</c>, each bounded where the verdict stops changing (more than twice the limit is Spam).
/// </summary>
public sealed class AuthorFloodRule(CommentHistory history, IOptions<ScreeningSettings> settings) : IScreeningRule
{
    public async ValueTask<ScreeningFinding?> EvaluateAsync(CommentSubmission submission, CancellationToken cancellationToken)
    {
        var limits = settings.Value;
        var counts = await history.OfAsync(submission, cancellationToken).ConfigureAwait(false);
        // This comment makes one more.
        var most = Math.Max(counts.FromAddress, counts.FromEmail) + 1;
        if (most <= limits.FloodCount) return null;

        var reason = $"{most} comments from one {(counts.FromAddress >= counts.FromEmail ? "address" : "e-mail")} within {limits.FloodWindow.TotalMinutes:0.#} min";
        return most > 2 * limits.FloodCount ? ScreeningFinding.Spam(reason) : ScreeningFinding.Unsure(reason);
    }
}
