using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>Many links in one comment is the commonest mark of link spam.</summary>
public sealed partial class LinkCountRule(IOptions<ScreeningSettings> settings) : IScreeningRule
{
    public ValueTask<ScreeningFinding?> EvaluateAsync(CommentSubmission submission, CancellationToken cancellationToken)
    {
        var links = CountLinks(submission.Body);
        var limits = settings.Value;
        ScreeningFinding? finding =
            links >= limits.SpamLinks ? ScreeningFinding.Spam($"{links} links") :
            links > limits.MaxLinks ? ScreeningFinding.Unsure($"{links} links") :
            null;
        return ValueTask.FromResult(finding);
    }

    public static int CountLinks(string text) => Link().Count(text);

    // Bare "www." links count too: readers' clients make them clickable.
    [GeneratedRegex(@"\b(?:https?://|www\.)\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
