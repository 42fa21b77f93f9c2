using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Importing.WordPress.Content;

namespace HeadlessReviews.Tests.Importing.WordPress.Content;

public class TitleSlugTests
{
    [Theory]
    [InlineData("Левиафан", "leviafan")]
    [InlineData("Брат 2", "brat-2")]
    [InlineData("Щедрик: Ёлка", "shchedrik-yolka")]
    [InlineData("Ζορμπάς", "zormpas")]
    [InlineData("ハウルの動く城", "hauruno-ku")]
    [InlineData("となりのトトロ", "tonarinototoro")]
    [InlineData("きっと、うまくいく", "kitto-umakuiku")]
    [InlineData("Amélie &amp; Straße", "amelie-strasse")]
    public void Non_Latin_titles_are_transliterated(string title, string slug)
    {
        Assert.Equal(slug, TitleSlug.FromTitle(title));
    }

    [Fact]
    public void Ideographs_without_a_table_still_never_make_untitled()
    {
        var slug = TitleSlug.FromTitle("千と千尋");

        Assert.NotEqual("untitled", slug);
        Assert.True(Slugs.IsValid(slug));
    }

    [Fact]
    public void Long_titles_keep_the_slug_rules()
    {
        var slug = TitleSlug.FromTitle(string.Concat(Enumerable.Repeat("Война и мир ", 20)));

        Assert.True(Slugs.IsValid(slug));
        Assert.StartsWith("voyna-i-mir-voyna", slug, StringComparison.Ordinal);
    }
}
