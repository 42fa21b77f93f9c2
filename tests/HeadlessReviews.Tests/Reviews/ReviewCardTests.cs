using System.Text;
using System.Text.Json.Nodes;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Tests.Infrastructure;
using Npgsql;

namespace HeadlessReviews.Tests.Reviews;

/// <summary>
/// Lists load reviews as cards (no body) when no field needs the body: what a reader sees must not change,
/// whether the list asks for excerpts, for the body, or for both.
/// </summary>
public sealed class ReviewCardTests(ApiFactory api) : ApiTest(api)
{
    private const string Excerpts = """
        query { reviews(first: 100) { nodes { slug short: excerpt(length: 1) home: excerpt(length: 160) plain: excerpt longest: excerpt(length: 2000) } } }
        """;

    private const string ExcerptsOfOne = """
        query One($slug: String!) { review(slug: $slug) { short: excerpt(length: 1) home: excerpt(length: 160) plain: excerpt longest: excerpt(length: 2000) body { text } } }
        """;

    [Fact]
    public async Task Excerpts_in_a_list_are_those_of_the_whole_review()
    {
        var nodes = (await GraphQL.DataAsync(Excerpts))["reviews"]!["nodes"]!.AsArray();
        Assert.NotEmpty(nodes);
        foreach (var node in nodes)
        {
            var one = (await GraphQL.DataAsync(ExcerptsOfOne, new { slug = (string)node!["slug"]! }))["review"]!;
            foreach (var alias in new[] { "short", "home", "plain", "longest" })
                Assert.Equal((string)one[alias]!, (string)node[alias]!);
            Assert.Equal(Excerpt.Of((string)one["body"]!["text"]!, 160), (string)node["home"]!);
        }
    }

    [Fact]
    public async Task A_list_that_asks_for_the_body_gets_the_whole_body()
    {
        // Directly, through a fragment, and with an excerpt from a variable beside it.
        const string query = """
            query($length: Int) {
              direct: reviews(first: 100) { nodes { slug excerpt(length: $length) body { markdown html text pullQuotes } } }
              spread: reviews(first: 100) { edges { node { ...Full } } }
            }
            fragment Full on Review { slug body { markdown html text pullQuotes } }
            """;
        var data = await GraphQL.DataAsync(query, new { length = 2000 });

        var direct = data["direct"]!["nodes"]!.AsArray();
        var spread = data["spread"]!["edges"]!.AsArray().Select(edge => edge!["node"]!).ToList();
        Assert.Equal(direct.Count, spread.Count);
        for (var i = 0; i < direct.Count; i++)
        {
            var one = (await GraphQL.DataAsync("query($slug: String!) { review(slug: $slug) { body { markdown html text pullQuotes } } }",
                new { slug = (string)direct[i]!["slug"]! }))["review"]!["body"]!;
            Assert.True(JsonNode.DeepEquals(one, direct[i]!["body"]));
            Assert.True(JsonNode.DeepEquals(one, spread[i]["body"]));
            Assert.NotEqual("", (string)one["html"]!);
            Assert.Equal(Excerpt.Of((string)one["text"]!, 2000), (string)direct[i]!["excerpt"]!);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(160)]
    [InlineData(Excerpt.MaxLength)]
    public void The_start_of_the_text_a_card_keeps_gives_the_same_excerpt(int length)
    {
        // Texts made to be cut badly: paragraph breaks (even runs of them), no spaces, emoji, at every offset.
        var random = new Random(length);
        string[] pieces = ["word", " ", "\n\n", "\n\n\n", "😀", "–", ".", ",", "x", "\n"];
        for (var sample = 0; sample < 400; sample++)
        {
            var text = new StringBuilder();
            var target = random.Next(0, 3 * ReviewCards.TextChars(length));
            while (text.Length < target) text.Append(pieces[random.Next(pieces.Length)]);
            var whole = text.ToString();
            Assert.Equal(Excerpt.Of(whole, length), Excerpt.Of(LeftCodePoints(whole, ReviewCards.TextChars(length)), length));
        }
    }

    [Fact]
    public async Task The_start_of_the_text_PostgreSQL_keeps_gives_the_same_excerpt()
    {
        // PostgreSQL's left() counts code points; the card's SQL is what the lists run.
        var text = string.Concat(Enumerable.Repeat("😀 a\n\nb😀\n\n\nc ", 400));
        await using var connection = new NpgsqlConnection(Api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select ({ReviewCards.Card("d.data", 160)}) -> 'Body' ->> 'Text' from (select jsonb_build_object('Body', jsonb_build_object('Text', @text)) as data) d", connection);
        command.Parameters.AddWithValue("text", text);
        var start = (string)(await command.ExecuteScalarAsync())!;

        Assert.True(start.Length < text.Length);
        Assert.Equal(Excerpt.Of(text, 160), Excerpt.Of(start, 160));
    }

    private static string LeftCodePoints(string text, int count)
    {
        var end = 0;
        for (var taken = 0; taken < count && end < text.Length; taken++)
            end += char.IsHighSurrogate(text[end]) && end + 1 < text.Length ? 2 : 1;
        return text[..end];
    }
}
