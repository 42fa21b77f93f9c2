using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Comments.Screening;
using HeadlessReviews.Api.RateLimiting;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Tests.Comments.Screening;

public sealed class CommentPolicyTests
{
    private static CommentPolicy Policy(CommentStatus firstTimeHam = CommentStatus.Pending) =>
        new(Options.Create(new CommentPolicySettings { FirstTimeHam = firstTimeHam }));

    private static ScreeningResult Verdict(SpamVerdict verdict) => new(verdict, []);

    [Theory]
    [InlineData(SpamVerdict.Spam, true, CommentStatus.Spam)]
    [InlineData(SpamVerdict.Spam, false, CommentStatus.Spam)]
    [InlineData(SpamVerdict.Ham, true, CommentStatus.Approved)]
    [InlineData(SpamVerdict.Ham, false, CommentStatus.Pending)]
    [InlineData(SpamVerdict.Unsure, true, CommentStatus.Pending)]
    [InlineData(SpamVerdict.Unsure, false, CommentStatus.Pending)]
    public void Verdicts_map_to_statuses(SpamVerdict verdict, bool hasApprovedBefore, CommentStatus expected) =>
        Assert.Equal(expected, Policy().Decide(Verdict(verdict), hasApprovedBefore));

    [Fact]
    public void First_time_ham_follows_the_setting()
    {
        Assert.Equal(CommentStatus.Approved, Policy(CommentStatus.Approved).Decide(Verdict(SpamVerdict.Ham), hasApprovedBefore: false));
        Assert.Equal(CommentStatus.Pending, Policy(CommentStatus.Approved).Decide(Verdict(SpamVerdict.Unsure), hasApprovedBefore: false));
    }

    [Fact]
    public void Address_hashes_are_keyed_stable_and_not_the_address()
    {
        var one = new ClientAddressHasher(Options.Create(new ClientAddressSettings { AddressHashKey = "k1" }));
        var again = new ClientAddressHasher(Options.Create(new ClientAddressSettings { AddressHashKey = "k1" }));
        var other = new ClientAddressHasher(Options.Create(new ClientAddressSettings { AddressHashKey = "k2" }));
        var random = new ClientAddressHasher(Options.Create(new ClientAddressSettings()));

        Assert.Equal(one.Hash("203.0.113.7"), again.Hash(" 203.0.113.7 "));
        Assert.NotEqual(one.Hash("203.0.113.7"), other.Hash("203.0.113.7"));
        Assert.NotEqual(one.Hash("203.0.113.7"), random.Hash("203.0.113.7"));
        Assert.DoesNotContain("203", one.Hash("203.0.113.7")!, StringComparison.Ordinal);
        Assert.Equal(64, one.Hash("2001:db8::1")!.Length);
        Assert.Null(one.Hash(null));
    }
}
