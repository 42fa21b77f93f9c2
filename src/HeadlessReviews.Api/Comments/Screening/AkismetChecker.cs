using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace HeadlessReviews.Api.Comments.Screening;

/// <summary>Asks an Akismet-compatible service (<c>POST {BaseUrl}/1.1/comment-check</c>) whether a comment is spam.</summary>
public sealed class AkismetChecker(HttpClient http, AkismetPipeline pipeline, IOptions<AkismetSettings> options, ILogger<AkismetChecker> logger) : IRemoteSpamChecker
{
    public bool IsEnabled => options.Value.IsEnabled;

    public async Task<ScreeningResult> CheckAsync(CommentSubmission submission, CancellationToken cancellationToken)
    {
        if (!IsEnabled) return new ScreeningResult(SpamVerdict.Ham, []);
        string answer;
        try
        {
            answer = await pipeline.Pipeline.ExecuteAsync(async token => await PostAsync(submission, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException)
        {
            return Unsure("spam checker unavailable (circuit open)");
        }
        catch (TimeoutRejectedException)
        {
            return Unsure("spam checker too slow");
        }
        catch (HttpRequestException exception)
        {
            logger.LogWarning(exception, "Spam checker call failed");
            return Unsure("spam checker failed");
        }

        return answer.Trim() switch
        {
            "true" => new ScreeningResult(SpamVerdict.Spam, ["spam checker says spam"]),
            "false" => new ScreeningResult(SpamVerdict.Ham, []),
            _ => Unsure("spam checker answered nonsense"),
        };
    }

    private async Task<string> PostAsync(CommentSubmission submission, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var form = new FormUrlEncodedContent(Fields(submission, settings));
        using var response = await http.PostAsync(CommentCheckUrl(settings.BaseUrl), form, cancellationToken).ConfigureAwait(false);
        // A 5xx or 4xx is a failure for the breaker, like a dropped connection.
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Dictionary<string, string> Fields(CommentSubmission submission, AkismetSettings settings) => new()
    {
        ["api_key"] = settings.Key!,
        ["blog"] = settings.Blog ?? Origin(submission.Permalink),
        ["user_ip"] = submission.ClientAddress ?? "",
        ["user_agent"] = submission.UserAgent ?? "",
        ["referrer"] = submission.Referrer ?? "",
        ["permalink"] = submission.Permalink ?? "",
        ["comment_type"] = "comment",
        ["comment_author"] = submission.AuthorName,
        ["comment_author_email"] = submission.AuthorEmail,
        ["comment_author_url"] = submission.AuthorUrl ?? "",
        ["comment_content"] = submission.Body,
    };

    // Appended, not resolved: a base with a path ("…/akismet") keeps it.
    public static Uri CommentCheckUrl(Uri baseUrl) => new($"{baseUrl.AbsoluteUri.TrimEnd('/')}/1.1/comment-check");

    private static string Origin(string? permalink) =>
        Uri.TryCreate(permalink, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "";

    private static ScreeningResult Unsure(string reason) => new(SpamVerdict.Unsure, [reason]);
}
