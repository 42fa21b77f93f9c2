using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>
/// The same text pasted under many reviews is a campaign, not a reader. Earlier copies are counted by
/// <see cref="CommentHistory"/> (the index on <c>(body_fingerprint, posted_at)</c>) no further than the
/// threshold, so the rule costs the same however many comments the window holds.
/// </summary>
public sealed partial class RepeatedBodyRule(CommentHistory history, IOptions<ScreeningSettings> settings) : IScreeningRule
{
    public async ValueTask<ScreeningFinding?> EvaluateAsync(CommentSubmission submission, CancellationToken cancellationToken)
    {
        var limits = settings.Value;
        var body = Normalise(submission.Body);
        if (body.Length == 0) return null;

        var times = (await history.OfAsync(submission, cancellationToken).ConfigureAwait(false)).SameBody + 1;
        if (times < limits.RepeatedBodyCount) return null;

        var reason = $"same text posted {times} times within {limits.RepeatedBodyWindow.TotalHours:0.#} h";
        return body.Length < limits.RepeatedBodyMinLength ? ScreeningFinding.Unsure(reason) : ScreeningFinding.Spam(reason);
    }

    public static string Normalise(string body) => Whitespace().Replace(body.Trim(), " ").ToLowerInvariant();

    /// <summary>What <see cref="Comment.BodyFingerprint"/> stores: the SHA-256 (hex) of the normalised body.</summary>
    public static string Fingerprint(string body) => FingerprintOfNormalised(Normalise(body));

    internal static string FingerprintOfNormalised(string normalised) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));

    /// <summary>The same fingerprint in SQL, for back-filling rows stored before the column existed.</summary>
    public static string FingerprintSql(string body) => $@"encode(sha256(convert_to(lower(btrim(regexp_replace({body}, '\s+', ' ', 'g'))), 'UTF8')), 'hex')";

    // \s in .NET and PostgreSQL agree on ASCII spacing, which is what pasted copies differ in.
    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
