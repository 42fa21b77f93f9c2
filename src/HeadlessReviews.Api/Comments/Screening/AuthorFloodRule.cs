using HeadlessReviews.Api.RateLimiting;
using HeadlessReviews.Api.Storage;
using Marten;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>Many comments in minutes from one address or one e-mail: a script, or someone to slow down.</summary>
public sealed class AuthorFloodRule(IQuerySession session, ClientAddressHasher hasher, IOptions<ScreeningSettings> settings, TimeProvider clock) : IScreeningRule
{
    public async ValueTask<ScreeningFinding?> EvaluateAsync(CommentSubmission submission, CancellationToken cancellationToken)
    {
        var limits = settings.Value;
        var addressHash = hasher.Hash(submission.ClientAddress) ?? "";
        var email = submission.AuthorEmail.Trim().ToLowerInvariant();

        // Both counts in one round trip; an empty hash or e-mail matches nothing.
        var counts = await session.AdvancedSql.QueryAsync<long, long>('^',
            $"select row(count(*) filter (where d.data ->> 'ClientAddressHash' = ^)), " +
            $"row(count(*) filter (where lower(d.data ->> 'AuthorEmail') = ^)) from {Tables.Comments} d " +
            $"where d.posted_at > ^ and (d.data ->> 'ClientAddressHash' = ^ or lower(d.data ->> 'AuthorEmail') = ^)",
            cancellationToken, addressHash, email, clock.GetUtcNow() - limits.FloodWindow, addressHash, email).ConfigureAwait(false);
        var (byAddress, byEmail) = counts[0];
        // This comment makes one more.
        var most = Math.Max(addressHash.Length == 0 ? 0 : byAddress, email.Length == 0 ? 0 : byEmail) + 1;
        if (most <= limits.FloodCount) return null;

        var reason = $"{most} comments from one {(byAddress >= byEmail ? "address" : "e-mail")} within {limits.FloodWindow.TotalMinutes:0.#} min";
        return most > 2 * limits.FloodCount ? ScreeningFinding.Spam(reason) : ScreeningFinding.Unsure(reason);
    }
}
