using HeadlessReviews.Api.Importing.LegacyAddresses;

namespace HeadlessReviews.Tests.Importing;

/// <summary>However a frontend spells an old address, it finds the same key.</summary>
public sealed class LegacyUrlTests
{
    [Theory]
    [InlineData("https://films.example.org/2014/02/review-her/")]
    [InlineData("http://films.example.org/2014/02/review-her")]
    [InlineData("films.example.org/2014/02/review-her/")]
    [InlineData("/2014/02/review-her/")]
    [InlineData("2014/02/review-her")]
    [InlineData("  https://FILMS.example.org/2014/02/Review-Her/?utm_source=feed#comments ")]
    [InlineData("https://www.example.com/2014/02/review%2Dher/")]
    public void A_permalink_is_keyed_by_its_path(string url) => Assert.Equal("/2014/02/review-her", LegacyUrl.Key(url));

    [Theory]
    [InlineData("https://films.example.org/?p=2102", "?p=2102")]
    [InlineData("?p=2102", "?p=2102")]
    [InlineData("/?utm_source=x&p=2102", "?p=2102")]
    [InlineData("https://films.example.org/index.php?page_id=7", "?page_id=7")]
    public void A_short_link_is_keyed_by_its_id(string url, string key) => Assert.Equal(key, LegacyUrl.Key(url));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("https://films.example.org/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://films.example.org/2014/02/review-her/")]
    [InlineData("?p=abc")]
    public void What_names_no_item_has_no_key(string url) => Assert.Null(LegacyUrl.Key(url));

    [Fact]
    public void Addresses_of_one_item_are_kept_once_each()
    {
        var id = Guid.NewGuid();
        var addresses = LegacyAddress.Of("Review", id, ["https://films.example.org/2014/02/review-her/", "/2014/02/review-her", "?p=2102", "https://films.example.org/"]).ToList();

        Assert.Equal(["/2014/02/review-her", "?p=2102"], addresses.Select(a => a.Id));
        Assert.All(addresses, a => Assert.Equal(("Review", id), (a.TypeName, a.NodeId)));
    }
}
