using System.Buffers.Text;
using System.Text;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Storage.Paging;

public sealed class CursorTests(ApiFactory api) : ApiTest(api)
{
    private const string HerPublishedAt = "2014-02-14T09:00:00+00:00";
    private const string AnyUuid = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    public static TheoryData<string, string> Forgeries()
    {
        string[] forgeries =
        [
            "random base64", "not base64", "empty", "truncated by one", "truncated by half", "no separator",
            "numbers for values", "too few values", "too many values", "an object for values", "not json",
            "not a date", "not a uuid", "sql in a value", "a time without a date", "a uuid in parentheses",
            "another order", "another direction", "another list",
        ];
        var data = new TheoryData<string, string>();
        foreach (var argument in new[] { "after", "before" })
            foreach (var forgery in forgeries)
                data.Add(argument, forgery);
        return data;
    }

    [Fact]
    public async Task Cursors_the_api_returned_page_both_ways()
    {
        var edges = await CursorsAsync("reviews(first: 3)");

        var after = await PageAsync("after", edges[1], "first: 1");
        var before = await PageAsync("before", edges[1], "last: 1");

        Assert.Null(after.Errors);
        Assert.Equal(edges[2], Assert.Single(after.Data!["reviews"]!["edges"]!.AsArray())!["cursor"]!.GetValue<string>());
        Assert.Null(before.Errors);
        Assert.Equal(edges[0], Assert.Single(before.Data!["reviews"]!["edges"]!.AsArray())!["cursor"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_bad_cursor_is_a_user_error_naming_the_argument(string argument, string forgery)
    {
        var cursor = await ForgeAsync(forgery);

        var response = await PageAsync(argument, cursor, argument == "after" ? "first: 2" : "last: 2");

        AssertUserError(response, argument);
    }

    [Theory]
    [InlineData("after")]
    [InlineData("before")]
    public async Task A_headline_cursor_with_a_nul_character_is_a_user_error(string argument)
    {
        // Text keys accept any string, but PostgreSQL's jsonb cannot hold \u0000.
        var tag = Tag((await CursorsAsync("reviews(first: 1, orderBy: [{ field: HEADLINE, direction: ASC }])"))[0]);
        var cursor = Forge(tag, $$"""["review \u0000 her", "{{AnyUuid}}"]""");

        var response = await PageAsync(argument, cursor, (argument == "after" ? "first: 2" : "last: 2") + ", orderBy: [{ field: HEADLINE, direction: ASC }]");

        AssertUserError(response, argument);
    }

    public static TheoryData<string, string, string> ForgedValues() => new()
    {
        // Each list's own order, with values that pass JSON but not PostgreSQL's casts or .NET's readers.
        { "films(orderBy: [{ field: YEAR }]", "a year past integer", $"[3000000000, \"{AnyUuid}\"]" },
        { "films(orderBy: [{ field: YEAR }]", "a year with a fraction", $"[2013.5, \"{AnyUuid}\"]" },
        { "films(orderBy: [{ field: YEAR }]", "a year in exponent form", $"[1e400, \"{AnyUuid}\"]" },
        { "films(orderBy: [{ field: TITLE }]", "a title with a lone surrogate", $"[\"her \\ud800\", \"{AnyUuid}\"]" },
        { "films(orderBy: [{ field: UK_RELEASE_DATE }]", "the 30th of February", $"[\"2014-02-30\", \"{AnyUuid}\"]" },
        { "films(orderBy: [{ field: UK_RELEASE_DATE }]", "a five-digit year", $"[\"20140-02-14\", \"{AnyUuid}\"]" },
        { "people(", "a name with a lone surrogate", $"[\"\\udc00\", \"{AnyUuid}\"]" },
        { "people(", "a name with a NUL", $"[\"jo\\u0000\", \"{AnyUuid}\"]" },
        { "search(query: \"her\"", "a kind past integer", $"[0.5, 99999999999, \"{AnyUuid}\"]" },
        { "search(query: \"her\"", "a rank past numeric", $"[1e400, 1, \"{AnyUuid}\"]" },
        { "reviews(", "a date past year 9999", $"[\"10000-01-01T00:00:00+00:00\", \"{AnyUuid}\"]" },
        { "reviews(", "a huge uuid", $"[\"{HerPublishedAt}\", 340282366920938463463374607431768211456]" },
        { "review(slug: \"her\") { list: comments(", "an endless comment time", $"[\"infinity\", \"{AnyUuid}\"]" },
    };

    [Theory]
    [MemberData(nameof(ForgedValues))]
    public async Task A_cursor_with_values_out_of_range_is_a_user_error_on_every_connection(string list, string forgery, string values)
    {
        _ = forgery;
        var open = list.EndsWith('(') ? list : list + ", ";
        var close = list.Contains("{ list:", StringComparison.Ordinal) ? " } }" : " }";
        var real = await ListCursorAsync($"{{ list: {open}first: 1) {{ edges {{ cursor }} }}{close}");
        var cursor = Forge(Tag(real), values);

        var response = await GraphQL.PostAsync($"query($cursor: String) {{ list: {open}first: 2, after: $cursor) {{ edges {{ cursor }} }}{close}", new { cursor });

        Assert.Equal(200, response.Status);
        var error = Assert.Single(response.Errors!)!;
        Assert.True(error["extensions"]?["code"]?.GetValue<string>() == "BAD_USER_INPUT", response.Body);
        Assert.Contains("`after`", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<string> ListCursorAsync(string document)
    {
        var data = await GraphQL.DataAsync(document);
        var list = data["list"]!;
        // The comments of a review sit one level down.
        var edges = (list["edges"] ?? list["list"]!["edges"])!.AsArray();
        Assert.NotEmpty(edges);
        return edges[0]!["cursor"]!.GetValue<string>();
    }

    private async Task<string> ForgeAsync(string forgery)
    {
        var real = (await CursorsAsync("reviews(first: 1)"))[0];
        var tag = Tag(real);
        return forgery switch
        {
            "random base64" => Base64Url.EncodeToString(RandomBytes(48)),
            "not base64" => "%%% not a cursor! %%%",
            "empty" => "",
            "truncated by one" => real[..^1],
            "truncated by half" => real[..(real.Length / 2)],
            "no separator" => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{tag}[\"{HerPublishedAt}\",\"{AnyUuid}\"]")),
            "numbers for values" => Forge(tag, "[1, 2]"),
            "too few values" => Forge(tag, $"[\"{HerPublishedAt}\"]"),
            "too many values" => Forge(tag, $"[\"{HerPublishedAt}\", \"{AnyUuid}\", \"{AnyUuid}\"]"),
            "an object for values" => Forge(tag, """{"publishedAt": "2014-02-14T09:00:00+00:00"}"""),
            "not json" => Forge(tag, "[2014-02-14, "),
            "not a date" => Forge(tag, $"[\"yesterday\", \"{AnyUuid}\"]"),
            "not a uuid" => Forge(tag, $"[\"{HerPublishedAt}\", \"not-a-uuid\"]"),
            "sql in a value" => Forge(tag, $"[\"{HerPublishedAt}'); drop table mt_doc_review; --\", \"{AnyUuid}\"]"),
            // Both of these pass .NET's parsers but not PostgreSQL's casts.
            "a time without a date" => Forge(tag, $"[\"10:00\", \"{AnyUuid}\"]"),
            "a uuid in parentheses" => Forge(tag, $"[\"{HerPublishedAt}\", \"({AnyUuid})\"]"),
            "another order" => (await CursorsAsync("reviews(first: 1, orderBy: [{ field: HEADLINE, direction: ASC }])"))[0],
            "another direction" => (await CursorsAsync("reviews(first: 1, orderBy: [{ field: PUBLISHED_AT, direction: ASC }])"))[0],
            "another list" => (await CursorsAsync("films(first: 1)"))[0],
            _ => throw new ArgumentOutOfRangeException(nameof(forgery), forgery, null),
        };
    }

    private static void AssertUserError(GraphQLResponse response, string argument)
    {
        Assert.Equal(200, response.Status);
        var error = Assert.Single(response.Errors!)!;
        var code = error["extensions"]?["code"]?.GetValue<string>();
        Assert.True(code == "BAD_USER_INPUT", $"Expected BAD_USER_INPUT, got {code}: {response.Body}");
        Assert.Contains($"`{argument}`", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(response.Data?["reviews"]);
    }

    private async Task<GraphQLResponse> PageAsync(string argument, string cursor, string arguments) =>
        await GraphQL.PostAsync($"query($cursor: String) {{ reviews({arguments}, {argument}: $cursor) {{ edges {{ cursor }} }} }}", new { cursor });

    private async Task<string[]> CursorsAsync(string field)
    {
        var data = await GraphQL.DataAsync($"{{ list: {field} {{ edges {{ cursor }} }} }}");
        return [.. data["list"]!["edges"]!.AsArray().Select(edge => edge!["cursor"]!.GetValue<string>())];
    }

    // The cursor's fingerprint of its order, so a forgery gets past the "another order" check.
    private static string Tag(string cursor)
    {
        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        return text[..text.IndexOf('|', StringComparison.Ordinal)];
    }

    private static string Forge(string tag, string values) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{tag}|{values}"));

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
#pragma warning disable CA5394 // Not security: a fixed seed keeps the "random" cursor the same on every run.
        new Random(20140214).NextBytes(bytes);
#pragma warning restore CA5394
        return bytes;
    }
}
