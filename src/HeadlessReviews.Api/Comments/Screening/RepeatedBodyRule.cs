using System.Text.RegularExpressions;
using HeadlessReviews.Api.Storage;
using Marten;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>The same text pasted under many reviews is a campaign, not a reader.</summary>
public sealed partial class RepeatedBodyRule(IQuerySession session, IOptions<ScreeningSettings> settings, TimeProvider clock) : IScreeningRule
{
    public async ValueTask<ScreeningFinding?> EvaluateAsync(CommentSubmission submission, CancellationToken cancellationToken)
    {
        var limits = settings.Value;
        var body = Normalise(submission.Body);
        if (body.Length == 0) return null;

        // The SQL normalises stored bodies the same way as Normalise, so "Buy  NOW" repeats "buy now".
        var earlier = await session.QueryAsync<long>('^',
            $"select count(*) from {Tables.Comments} d " +
            @"where d.posted_at > ^ and lower(regexp_replace(btrim(d.data ->> 'Body'), '\s+', ' ', 'g')) = ^",
            cancellationToken, clock.GetUtcNow() - limits.RepeatedBodyWindow, body).ConfigureAwait(false);
        var times = earlier[0] + 1;
        if (times < limits.RepeatedBodyCount) return null;

        var reason = $"same text posted {times} times within {limits.RepeatedBodyWindow.TotalHours:0.#} h";
        return body.Length < limits.RepeatedBodyMinLength ? ScreeningFinding.Unsure(reason) : ScreeningFinding.Spam(reason);
    }

    public static string Normalise(string body) => Whitespace().Replace(body.Trim(), " ").ToLowerInvariant();

    // \s in .NET and PostgreSQL agree on ASCII spacing, which is what pasted copies differ in.
    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
