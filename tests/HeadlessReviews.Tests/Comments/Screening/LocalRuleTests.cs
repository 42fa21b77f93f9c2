using HeadlessReviews.Api.Comments.Screening;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Tests.Comments.Screening;

public sealed class LocalRuleTests
{
    private static readonly IOptions<ScreeningSettings> Defaults = Options.Create(new ScreeningSettings());

    private static ScreeningFinding? Evaluate(IScreeningRule rule, CommentSubmission submission) =>
        rule.EvaluateAsync(submission, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    [Fact]
    public void A_plain_comment_passes_every_rule()
    {
        IScreeningRule[] rules = [new HoneypotRule(), new FormTimingRule(Defaults), new UrlOnlyBodyRule(), new LinkCountRule(Defaults), new SpamPhraseRule(Defaults)];
        Assert.All(rules, rule => Assert.Null(Evaluate(rule, Submissions.Reader())));
    }

    [Theory]
    [InlineData(2, null)]
    [InlineData(3, SpamVerdict.Unsure)]
    [InlineData(4, SpamVerdict.Unsure)]
    [InlineData(5, SpamVerdict.Spam)]
    public void Links_above_the_limit_hold_and_many_are_spam(int links, SpamVerdict? expected)
    {
        var body = "See " + string.Join(" and ", Enumerable.Range(1, links).Select(n => n % 2 == 0 ? $"www.site{n}.example" : $"https://site{n}.example/page"));
        Assert.Equal(expected, Evaluate(new LinkCountRule(Defaults), Submissions.Reader(body))?.Verdict);
    }

    [Theory]
    [InlineData("body", "Cheap VIAGRA here, friends")]
    [InlineData("name", "Online Casino Bonus")]
    [InlineData("url", "https://payday-loans.example/PAYDAY LOAN")]
    [InlineData("body", "Great film, more at https://promo.1XBET.com/win")]
    [InlineData("url", "https://1xbet.com")]
    public void Spam_phrases_and_domains_match_anywhere_in_any_case(string field, string text)
    {
        var reader = Submissions.Reader();
        var submission = field switch
        {
            "body" => reader with { Body = text },
            "name" => reader with { AuthorName = text },
            _ => reader with { AuthorUrl = text },
        };
        var finding = Evaluate(new SpamPhraseRule(Defaults), submission);
        Assert.Equal(SpamVerdict.Spam, finding?.Verdict);
    }

    [Fact]
    public void A_domain_that_merely_ends_like_a_spam_domain_is_fine()
    {
        var settings = Options.Create(new ScreeningSettings { SpamDomains = ["spam.example"] });
        Assert.Null(Evaluate(new SpamPhraseRule(settings), Submissions.Reader("I wrote about it at https://notspam.example/post")));
        Assert.NotNull(Evaluate(new SpamPhraseRule(settings), Submissions.Reader("I wrote about it at https://www.spam.example/post")));
    }

    [Theory]
    [InlineData("https://spam.example/buy", true)]
    [InlineData("  www.spam.example  \n https://other.example ", true)]
    [InlineData("Read https://spam.example/buy", false)]
    public void A_body_that_is_only_links_is_spam(string body, bool spam) =>
        Assert.Equal(spam, Evaluate(new UrlOnlyBodyRule(), Submissions.Reader(body))?.Verdict == SpamVerdict.Spam);

    [Fact]
    public void A_filled_honeypot_is_spam() =>
        Assert.Equal(SpamVerdict.Spam, Evaluate(new HoneypotRule(), Submissions.Reader() with { HoneypotFilled = true })?.Verdict);

    [Fact]
    public void Posting_faster_than_a_person_is_spam()
    {
        var finding = Evaluate(new FormTimingRule(Defaults), Submissions.Reader() with { TimeSinceFormIssued = TimeSpan.FromSeconds(1.2) });
        Assert.Equal(SpamVerdict.Spam, finding?.Verdict);
        Assert.Contains("1.2 s", finding!.Reason, StringComparison.Ordinal);
        Assert.Null(Evaluate(new FormTimingRule(Defaults), Submissions.Reader() with { TimeSinceFormIssued = TimeSpan.FromSeconds(3) }));
    }

    [Fact]
    public void A_missing_token_is_noted_but_not_held_on_its_own()
    {
        var finding = Evaluate(new FormTimingRule(Defaults), Submissions.Reader() with { TimeSinceFormIssued = null });
        Assert.Equal(new ScreeningFinding(SpamVerdict.Ham, "no comment token"), finding);
        Assert.Equal(SpamVerdict.Ham, ScreeningVerdicts.Combine([finding!]).Verdict);
    }

    [Fact]
    public void The_worst_finding_wins_and_every_reason_is_kept()
    {
        Assert.Equal(new ScreeningResult(SpamVerdict.Ham, []).Verdict, ScreeningVerdicts.Combine([]).Verdict);
        var unsure = ScreeningVerdicts.Combine([ScreeningFinding.Unsure("a"), new ScreeningFinding(SpamVerdict.Ham, "b")]);
        Assert.Equal(SpamVerdict.Unsure, unsure.Verdict);
        var spam = ScreeningVerdicts.Combine([ScreeningFinding.Unsure("a"), ScreeningFinding.Spam("c"), ScreeningFinding.Unsure("d")]);
        Assert.Equal(SpamVerdict.Spam, spam.Verdict);
        Assert.Equal(["a", "c", "d"], spam.Reasons);
    }

    [Fact]
    public void Bodies_are_compared_without_case_or_spacing() =>
        Assert.Equal("buy now, cheap", RepeatedBodyRule.Normalise("  Buy\tNOW,\r\n  cheap "));
}
