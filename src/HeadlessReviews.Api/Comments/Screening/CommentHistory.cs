using HeadlessReviews.Api.RateLimiting;
using HeadlessReviews.Api.Storage;
using Marten;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>What earlier comments say about one being posted, as the rules and the policy ask it.</summary>
/// <param name="SameBody">Earlier copies of the body within the repeated-body window, counted up to the threshold.</param>
/// <param name="FromAddress">Earlier comments from the address within the flood window, counted up to twice the limit.</param>
/// <param name="FromEmail">The same, by e-mail.</param>
/// <param name="ApprovedBefore">The same name and e-mail have an approved comment (<see cref="ApprovedCommenters"/>).</param>
public sealed record CommentHistoryCounts(long SameBody, long FromAddress, long FromEmail, bool ApprovedBefore);

/// <summary>
/// Reads <see cref="CommentHistoryCounts"/> for a submission in one round trip, once per request however
/// many rules ask: each count comes from its <c>(key, posted_at)</c> index and stops where the verdict stops
/// changing, so it costs the same however busy the window is.
/// </summary>
public sealed class CommentHistory(IQuerySession session, ClientAddressHasher hasher, IOptions<ScreeningSettings> settings, TimeProvider clock)
{
    private CommentSubmission? _submission;
    private Task<CommentHistoryCounts>? _counts;

    public Task<CommentHistoryCounts> OfAsync(CommentSubmission submission, CancellationToken cancellationToken)
    {
        if (_counts is null || !ReferenceEquals(_submission, submission))
        {
            _submission = submission;
            _counts = ReadAsync(submission, cancellationToken);
        }
        return _counts;
    }

    private async Task<CommentHistoryCounts> ReadAsync(CommentSubmission submission, CancellationToken cancellationToken)
    {
        var limits = settings.Value;
        var now = clock.GetUtcNow();
        var body = RepeatedBodyRule.Normalise(submission.Body);
        // An empty body, hash or e-mail matches nothing.
        var fingerprint = body.Length == 0 ? "" : RepeatedBodyRule.FingerprintOfNormalised(body);
        var addressHash = hasher.Hash(submission.ClientAddress) ?? "";
        var email = submission.AuthorEmail.Trim().ToLowerInvariant();
        var floodSince = now - limits.FloodWindow;
        var floodBound = 2 * limits.FloodCount;
        var rows = await session.QueryAsync<CommentHistoryCounts>('^', Sql, cancellationToken,
            fingerprint, now - limits.RepeatedBodyWindow, limits.RepeatedBodyCount,
            addressHash, floodSince, floodBound,
            email, floodSince, floodBound,
            email, ApprovedCommenters.NormalisedName(submission.AuthorName)).ConfigureAwait(false);
        var counts = rows[0];
        // The empty key of a client without an address, or of a blank e-mail, is nobody's.
        return counts with { FromAddress = addressHash.Length == 0 ? 0 : counts.FromAddress, FromEmail = email.Length == 0 ? 0 : counts.FromEmail };
    }

    private static string Bounded(string key) =>
        $"(select count(*) from (select 1 from {Tables.Comments} d where d.{key} = ^ and d.posted_at > ^ limit ^) c)";

    private static readonly string Sql =
        $"select jsonb_build_object('SameBody', {Bounded("body_fingerprint")}, 'FromAddress', {Bounded("client_address_hash")}, " +
        $"'FromEmail', {Bounded("author_email_key")}, 'ApprovedBefore', exists ({ApprovedCommenters.Sql}))";
}
