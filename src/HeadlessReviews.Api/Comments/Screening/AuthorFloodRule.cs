using HeadlessReviews.Api.RateLimiting;
using HeadlessReviews.Api.Storage;
using Marten;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>Many comments in minutes from one address or one e-mail: a script, or someone to slow down. Answered from the indexes on <c>(client_address_hash, posted_at)</c> and <c>(author_email_key, posted_at)</c>.</summary>
public sealed class AuthorFloodRule(IQuerySession session, ClientAddressHasher hasher, IOptions<ScreeningSettings> settings, TimeProvider clock) : IScreeningRule
{
    public async ValueTask<ScreeningFinding?> EvaluateAsync(CommentSubmission submission, CancellationToken cancellationToken)
    {
        var limits = settings.Value;
        var addressHash = hasher.Hash(submission.ClientAddress) ?? "";
        var email = submission.AuthorEmail.Trim().ToLowerInvariant();

        // Both counts in one round trip, each from its (key, posted_at) index and bounded where the verdict
        // stops changing (more than twice the limit is Spam); an empty hash or e-mail matches nothing.
        var since = clock.GetUtcNow() - limits.FloodWindow;
        var bound = 2 * limits.FloodCount;
        var counts = await session.AdvancedSql.QueryAsync<long, long>('^',
            $"select row((select count(*) from (select 1 from {Tables.Comments} d where d.client_address_hash = ^ and d.posted_at > ^ limit ^) a)), " +
            $"row((select count(*) from (select 1 from {Tables.Comments} d where d.author_email_key = ^ and d.posted_at > ^ limit ^) e))",
            cancellationToken, addressHash, since, bound, email, since, bound).ConfigureAwait(false);
        var (byAddress, byEmail) = counts[0];
        // This comment makes one more.
        var most = Math.Max(addressHash.Length == 0 ? 0 : byAddress, email.Length == 0 ? 0 : byEmail) + 1;
        if (most <= limits.FloodCount) return null;

        var reason = $"{most} comments from one {(byAddress >= byEmail ? "address" : "e-mail")} within {limits.FloodWindow.TotalMinutes:0.#} min";
        return most > 2 * limits.FloodCount ? ScreeningFinding.Spam(reason) : ScreeningFinding.Unsure(reason);
    }
}
