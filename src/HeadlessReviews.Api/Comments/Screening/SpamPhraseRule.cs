using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>Known spam phrases in the body, name or URL, and links to known spam domains.</summary>
public sealed partial class SpamPhraseRule(IOptions<ScreeningSettings> settings) : IScreeningRule
{
    public ValueTask<ScreeningFinding?> EvaluateAsync(CommentSubmission submission, CancellationToken cancellationToken)
    {
        string[] texts = [submission.Body, submission.AuthorName, submission.AuthorUrl ?? ""];
        var phrase = settings.Value.SpamPhrases.FirstOrDefault(phrase =>
            !string.IsNullOrWhiteSpace(phrase) && texts.Any(text => text.Contains(phrase, StringComparison.OrdinalIgnoreCase)));
        if (phrase is not null) return ValueTask.FromResult<ScreeningFinding?>(ScreeningFinding.Spam($"spam phrase \"{phrase}\""));

        var domain = Hosts(submission).SelectMany(host => settings.Value.SpamDomains.Where(domain => IsWithin(host, domain))).FirstOrDefault();
        return ValueTask.FromResult(domain is null ? null : ScreeningFinding.Spam($"links to spam domain {domain}"));
    }

    private static IEnumerable<string> Hosts(CommentSubmission submission) =>
        Host().Matches($"{submission.Body} {submission.AuthorUrl} {submission.AuthorName}").Select(match => match.Groups["host"].Value);

    // A subdomain is the same owner; "notspam.example" is not "spam.example".
    private static bool IsWithin(string host, string domain) =>
        !string.IsNullOrWhiteSpace(domain) &&
        (host.Equals(domain, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + domain.TrimStart('.'), StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"(?:https?://|\bwww\.)?(?<host>(?:[a-z0-9-]+\.)+[a-z]{2,})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Host();
}
