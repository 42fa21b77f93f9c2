using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Comments.Mutations;
using HeadlessReviews.Api.Comments.Posting;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Tests.Comments.Posting;

/// <summary>
/// <c>postComment</c> through HTTP on the shared host: what is stored and answered, each validation
/// error, Unicode and injection, idempotent retries and comment tokens. Screening is not what is tested
/// here: a new commenter's comment may come back APPROVED or PENDING as the policy decides.
/// </summary>
public sealed class PostCommentTests(ApiFactory api) : ApiTest(api), IAsyncLifetime
{
    private static readonly Guid Her = DemoIds.For("review", "her");
    private static readonly string[] Visible = ["APPROVED", "PENDING"];
    private static readonly string[] SafeElements = ["p", "br", "a"];
    private static readonly string[] SafeAttributes = ["href", "rel"];
    private readonly TestTokens _tokens = new(api, new GraphQLClient(api.CreateClient()));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await CommentPosting.CleanUpAsync(Api.Store);
        await _tokens.DeleteAllAsync();
    }

    private static Dictionary<string, object?> With(Dictionary<string, object?> input, string field, object? value)
    {
        input[field] = value;
        return input;
    }

    private Task<GraphQLResponse> PostAsync(Dictionary<string, object?> input, string? token = null, IDictionary<string, string>? headers = null) =>
        CommentPosting.PostAsync(GraphQL.Http, input, token, headers);

    /// <summary>Posts input that must be accepted and returns the payload.</summary>
    private async Task<JsonNode> PostedAsync(Dictionary<string, object?> input, IDictionary<string, string>? headers = null)
    {
        var response = await PostAsync(input, headers: headers);
        Assert.True(response.Errors is null, $"Unexpected errors: {response.Errors?.ToJsonString()}");
        var payload = response.Data!["postComment"]!;
        Assert.True(payload["errors"]!.AsArray().Count == 0, $"Unexpected user errors: {payload["errors"]!.ToJsonString()}");
        Assert.NotNull(payload["comment"]);
        return payload;
    }

    private static Guid CommentId(JsonNode payload) => GlobalId.DecodeAs((string)payload["comment"]!["id"]!, "Comment")!.Value;

    private async Task<Comment?> StoredAsync(Guid id)
    {
        await using var session = Api.Store.QuerySession();
        return await session.LoadAsync<Comment>(id);
    }

    private async Task<IReadOnlyList<Comment>> StoredByAsync(string email)
    {
        await using var session = Api.Store.QuerySession();
        return await session.Query<Comment>().Where(c => c.AuthorEmail == email).ToListAsync();
    }

    private async Task<(int Comments, int Markers)> CountsAsync()
    {
        await using var session = Api.Store.QuerySession();
        return (await session.Query<Comment>().CountAsync(), await session.Query<CommentIdempotency>().CountAsync());
    }

    // ---------------------------------------------------------------- happy path

    [Fact]
    public async Task A_comment_is_stored_once_and_answered_with_its_status_without_the_email()
    {
        var input = CommentPosting.ValidInput();
        input["authorName"] = "Ada Reader";
        input["authorUrl"] = "https://ada.example.org/blog";
        input["body"] = "Loved it <3 & more.\nSecond line.\n\nSee https://example.org/her-review. Thanks!";
        input["clientMutationId"] = "happy-1";
        var before = await CountsAsync();

        var payload = await PostedAsync(input);

        Assert.Equal("happy-1", (string?)payload["clientMutationId"]);
        var status = (string)payload["status"]!;
        Assert.Contains(status, Visible);
        var comment = payload["comment"]!;
        Assert.Equal("Ada Reader", (string?)comment["authorName"]);
        Assert.Equal("https://ada.example.org/blog", (string?)comment["authorUrl"]);
        Assert.Equal(input["body"], (string?)comment["body"]);
        Assert.Equal(
            "<p>Loved it &lt;3 &amp; more.<br>Second line.</p>" +
            "<p>See <a href=\"https://example.org/her-review\" rel=\"nofollow ugc\">https://example.org/her-review</a>. Thanks!</p>",
            (string?)comment["html"]);
        Assert.Equal("her", (string?)comment["review"]!["slug"]);
        Assert.Null(comment["parent"]);

        var stored = Assert.Single(await StoredByAsync((string)input["authorEmail"]!));
        Assert.Equal(CommentId(payload), stored.Id);
        Assert.Equal(Her, stored.ReviewId);
        Assert.Null(stored.ParentId);
        Assert.Equal((string)input["authorEmail"]!, stored.AuthorEmail);
        Assert.Equal(input["body"], stored.Body);
        Assert.Equal(status, stored.Status.ToString().ToUpperInvariant());
        Assert.False(string.IsNullOrEmpty(stored.ClientAddressHash));
        Assert.Equal((before.Comments + 1, before.Markers + 1), await CountsAsync());
    }

    [Fact]
    public async Task A_reply_to_an_approved_comment_on_the_same_review_is_stored_under_it()
    {
        var parent = DemoIds.For("comment", "her-1");
        var input = With(CommentPosting.ValidInput(), "parentId", GlobalId.Encode("Comment", parent));

        var payload = await PostedAsync(input);

        Assert.Equal(GlobalId.Encode("Comment", parent), (string?)payload["comment"]!["parent"]!["id"]);
        var stored = await StoredAsync(CommentId(payload));
        Assert.Equal(parent, stored!.ParentId);
        Assert.Equal(Her, stored.ReviewId);
    }

    [Fact]
    public async Task Replies_nest_down_to_the_maximum_depth_and_no_further()
    {
        var maxDepth = Api.Services.GetRequiredService<IOptions<CommentSettings>>().Value.MaxReplyDepth;
        // A thread of approved comments at depths 0..maxDepth, stored directly.
        var chain = new List<Comment>();
        await using (var session = Api.Store.LightweightSession())
        {
            for (var depth = 0; depth <= maxDepth; depth++)
            {
                var comment = new Comment
                {
                    Id = Guid.NewGuid(), ReviewId = Her, ParentId = chain.LastOrDefault()?.Id, AuthorName = $"Depth {depth}",
                    AuthorEmail = CommentPosting.NewEmail(), Body = $"At depth {depth}.", PostedAt = DateTimeOffset.UtcNow.AddMinutes(depth - 60),
                    Status = CommentStatus.Approved,
                };
                chain.Add(comment);
                session.Insert(comment);
            }
            await session.SaveChangesAsync();
        }

        var deepest = await PostedAsync(With(CommentPosting.ValidInput(), "parentId", GlobalId.Encode("Comment", chain[maxDepth - 1].Id)));
        Assert.Equal(chain[maxDepth - 1].Id, (await StoredAsync(CommentId(deepest)))!.ParentId);

        await AssertRejectedAsync(With(CommentPosting.ValidInput(), "parentId", GlobalId.Encode("Comment", chain[maxDepth].Id)), "parentId", "OUT_OF_RANGE");
    }

    // ---------------------------------------------------------------- validation

    private static readonly Dictionary<string, (string Field, object? Value, string Code)> Invalid = new()
    {
        ["review unknown"] = ("reviewId", GlobalId.Encode("Review", Guid.NewGuid()), "NOT_FOUND"),
        ["review a draft"] = ("reviewId", GlobalId.Encode("Review", DemoIds.For("review", "the-master")), "NOT_FOUND"),
        ["review id malformed"] = ("reviewId", "not an id!", "FORMAT"),
        ["review id of a film"] = ("reviewId", GlobalId.Encode("Film", DemoIds.For("film", "her")), "WRONG_TYPE"),
        ["review id empty"] = ("reviewId", "", "REQUIRED"),
        ["parent id malformed"] = ("parentId", "%%%", "FORMAT"),
        ["parent id of a review"] = ("parentId", GlobalId.Encode("Review", Her), "WRONG_TYPE"),
        ["parent unknown"] = ("parentId", GlobalId.Encode("Comment", Guid.NewGuid()), "NOT_FOUND"),
        ["parent pending"] = ("parentId", GlobalId.Encode("Comment", DemoIds.For("comment", "her-5")), "NOT_FOUND"),
        ["parent spam"] = ("parentId", GlobalId.Encode("Comment", DemoIds.For("comment", "her-6")), "NOT_FOUND"),
        ["parent on another review"] = ("parentId", GlobalId.Encode("Comment", DemoIds.For("comment", "arrival-1")), "INVALID_STATE"),
        ["name empty"] = ("authorName", "", "REQUIRED"),
        ["name blank"] = ("authorName", " \t  ", "REQUIRED"),
        ["name only control characters"] = ("authorName", "\u0000\u0007\u001B", "REQUIRED"),
        ["name 101 characters"] = ("authorName", new string('n', 101), "LENGTH"),
        ["name 101 emoji"] = ("authorName", string.Concat(Enumerable.Repeat("👍🏽", 101)), "LENGTH"),
        ["name only invisible characters"] = ("authorName", "\u200B\u200D\u2060\uFEFF \u202E\u2066\u200F\u061C", "REQUIRED"),
        ["email empty"] = ("authorEmail", "", "REQUIRED"),
        ["email without @"] = ("authorEmail", "reader.posting-tests.example", "FORMAT"),
        ["email without a dot in the domain"] = ("authorEmail", "reader@localhost", "FORMAT"),
        ["email with a space"] = ("authorEmail", "the reader@posting-tests.example", "FORMAT"),
        ["email with a display name"] = ("authorEmail", "Reader <reader@posting-tests.example>", "FORMAT"),
        ["email two @"] = ("authorEmail", "reader@@posting-tests.example", "FORMAT"),
        ["email 255 characters"] = ("authorEmail", new string('e', 255 - ("@" + CommentPosting.EmailDomain).Length) + "@" + CommentPosting.EmailDomain, "LENGTH"),
        ["url javascript"] = ("authorUrl", "javascript:alert(1)", "FORMAT"),
        ["url ftp"] = ("authorUrl", "ftp://example.org/file", "FORMAT"),
        ["url relative"] = ("authorUrl", "/about/me", "FORMAT"),
        ["url javascript in mixed case"] = ("authorUrl", "JaVaScRiPt:alert(1)", "FORMAT"),
        ["url javascript that looks like a port"] = ("authorUrl", "javascript:1", "FORMAT"),
        ["url data"] = ("authorUrl", "data:text/html,<script>alert(1)</script>", "FORMAT"),
        ["url protocol-relative"] = ("authorUrl", "//evil.example/x", "FORMAT"),
        ["url with a quote"] = ("authorUrl", "https://example.org/\"onmouseover=\"alert(1)", "FORMAT"),
        ["url with an apostrophe"] = ("authorUrl", "https://example.org/it's", "FORMAT"),
        ["url with angle brackets"] = ("authorUrl", "https://example.org/\"><script>alert('url')</script>", "FORMAT"),
        ["url with a space"] = ("authorUrl", "https://example.org/a b", "FORMAT"),
        ["url with a tab"] = ("authorUrl", "https://example.org/\tx", "FORMAT"),
        ["url with a control character"] = ("authorUrl", "https://example.org/\u0007x", "FORMAT"),
        ["url with a zero-width space"] = ("authorUrl", "https://exa\u200Bmple.org/", "FORMAT"),
        ["url with a backslash"] = ("authorUrl", "https:\\\\evil.example", "FORMAT"),
        ["url with a user name"] = ("authorUrl", "https://example.org@evil.example/", "FORMAT"),
        ["url host without a dot"] = ("authorUrl", "http://intranet/", "FORMAT"),
        ["url word"] = ("authorUrl", "myblog", "FORMAT"),
        ["url without a host"] = ("authorUrl", "https://", "FORMAT"),
        ["body empty"] = ("body", "", "REQUIRED"),
        ["body whitespace"] = ("body", "  \n\t \r\n ", "REQUIRED"),
        ["body only control characters"] = ("body", "\u0000\u0085\u0007", "REQUIRED"),
        ["body 5001 characters after trimming"] = ("body", "  \n" + new string('b', 5001) + "\n  ", "LENGTH"),
        ["body 5001 emoji"] = ("body", string.Concat(Enumerable.Repeat("👍🏽", 5001)), "LENGTH"),
        ["body only invisible characters"] = ("body", "\u200B\n\u200C\u200D \u2060\u202A\u202E\u2069\u200E", "REQUIRED"),
    };

    public static TheoryData<string> InvalidCases => [.. Invalid.Keys];

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public async Task Each_mistake_is_reported_at_its_field_with_its_code_and_nothing_is_stored(string mistake)
    {
        var (field, value, code) = Invalid[mistake];
        var input = With(CommentPosting.ValidInput(), field, value);
        input["clientMutationId"] = $"invalid-{Guid.NewGuid():N}";

        await AssertRejectedAsync(input, field, code);
    }

    private async Task AssertRejectedAsync(Dictionary<string, object?> input, string field, string code)
    {
        var before = await CountsAsync();

        var response = await PostAsync(input);

        Assert.True(response.Errors is null, $"Unexpected errors: {response.Errors?.ToJsonString()}");
        var payload = response.Data!["postComment"]!;
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal([field], error["field"]!.AsArray().Select(part => (string)part!));
        Assert.Equal(code, (string?)error["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
        Assert.Null(payload["comment"]);
        Assert.Null(payload["status"]);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Every_mistake_is_reported_at_once()
    {
        var input = CommentPosting.ValidInput();
        input["authorName"] = "";
        input["authorEmail"] = "nope";
        input["authorUrl"] = "ftp://x.example";
        input["body"] = " ";

        var payload = (await PostAsync(input)).Data!["postComment"]!;

        Assert.Equal(["authorName:REQUIRED", "authorEmail:FORMAT", "authorUrl:FORMAT", "body:REQUIRED"],
            payload["errors"]!.AsArray().Select(e => $"{string.Join('.', e!["field"]!.AsArray().Select(p => (string)p!))}:{(string)e["code"]!}"));
    }

    [Fact]
    public async Task A_missing_required_argument_is_a_GraphQL_error_and_stores_nothing()
    {
        var input = CommentPosting.ValidInput();
        input.Remove("authorEmail");
        var before = await CountsAsync();

        var response = await PostAsync(input);

        Assert.NotNull(response.Errors);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_limits_themselves_are_allowed()
    {
        var input = CommentPosting.ValidInput();
        input["authorName"] = new string('n', 100);
        input["body"] = "\n  " + new string('b', 4995) + $"{Random.Shared.Next(10000, 99999)}" + "  \n";
        input["authorUrl"] = "http://example.org";

        var payload = await PostedAsync(input);

        var stored = await StoredAsync(CommentId(payload));
        Assert.Equal(100, stored!.AuthorName.Length);
        Assert.Equal(5000, stored.Body.Length);
        Assert.Equal(((string)input["body"]!).Trim(), stored.Body);
    }

    // ---------------------------------------------------------------- text: control characters, Unicode, injection

    [Fact]
    public async Task Control_characters_are_removed_and_line_ends_normalised()
    {
        var input = CommentPosting.ValidInput();
        input["authorName"] = "\u0007Ann\u0000 Smith\u0085\u009B\uFEFF";
        input["body"] = "\uFEFFBell\u0007 and NUL\u0000 and NEL\u0085 and ESC\u001B and DEL\u007F gone.\r\nNext line.\r\rTabs\tstay.";

        var payload = await PostedAsync(input);

        const string name = "Ann Smith";
        const string body = "Bell and NUL and NEL and ESC and DEL gone.\nNext line.\n\nTabs\tstay.";
        Assert.Equal(name, (string?)payload["comment"]!["authorName"]);
        Assert.Equal(body, (string?)payload["comment"]!["body"]);
        var stored = await StoredAsync(CommentId(payload));
        Assert.Equal(name, stored!.AuthorName);
        Assert.Equal(body, stored.Body);
    }

    [Fact]
    public async Task A_line_break_in_a_one_line_field_becomes_a_space()
    {
        var input = With(CommentPosting.ValidInput(), "authorName", "Ann\r\nSmith\nJones");

        var payload = await PostedAsync(input);

        Assert.Equal("Ann Smith Jones", (string?)payload["comment"]!["authorName"]);
    }

    [Fact]
    public async Task Invisible_characters_are_removed_from_names_and_directional_controls_from_bodies()
    {
        var input = CommentPosting.ValidInput();
        input["authorName"] = "\u200BA\u200Dnn\u2060 Smith\u202E\u2066\u200F\u061C 👩\u200D🚀\u200D";
        input["body"] = "Order \u202Ereversed\u202C and \u2067isolated\u2069 text. Family 👩\u200D👩\u200D👧\u200D👦, ZWNJ in می\u200Cخواهم, mark \u200Fשלום\u200E.";

        var payload = await PostedAsync(input);

        var stored = await StoredAsync(CommentId(payload));
        Assert.Equal("Ann Smith 👩\u200D🚀", stored!.AuthorName);
        Assert.Equal("Order reversed and isolated text. Family 👩\u200D👩\u200D👧\u200D👦, ZWNJ in می\u200Cخواهم, mark \u200Fשלום\u200E.", stored.Body);
    }

    [Fact]
    public async Task Lengths_count_characters_as_a_reader_sees_them()
    {
        var input = CommentPosting.ValidInput();
        input["authorName"] = string.Concat(Enumerable.Repeat("👍🏽", 100));
        // 1,000 ZWJ families and 3,999 thumbs with a skin tone: 27,001 UTF-16 units, 5,000 characters on screen.
        input["body"] = string.Concat(Enumerable.Repeat("👩‍👩‍👧‍👦", 1000)) + string.Concat(Enumerable.Repeat("👍🏽", 3999)) + $"{Random.Shared.Next(0, 9)}";

        var payload = await PostedAsync(input);

        var stored = await StoredAsync(CommentId(payload));
        Assert.Equal(input["authorName"], stored!.AuthorName);
        Assert.Equal(input["body"], stored.Body);
    }

    public static TheoryData<string, string> AuthorUrls => new()
    {
        { "https://ada.example.org/blog?x=1#top", "https://ada.example.org/blog?x=1#top" },
        { "HTTPS://Ada.Example.ORG", "https://ada.example.org/" },
        { "  http://example.org:80/me  ", "http://example.org/me" },
        { "https://example.org:8443/me", "https://example.org:8443/me" },
        { "example.org/me", "http://example.org/me" },
        { "www.example.org", "http://www.example.org/" },
        { "example.org:8080/me", "http://example.org:8080/me" },
        { "https://bücher.example/über", "https://xn--bcher-kva.example/%C3%BCber" },
        { "http://192.0.2.1/", "http://192.0.2.1/" },
        { "https://example.org/a%20b", "https://example.org/a%20b" },
    };

    [Theory]
    [MemberData(nameof(AuthorUrls))]
    public async Task Author_urls_are_stored_as_normalised_absolute_http_addresses(string given, string expected)
    {
        var payload = await PostedAsync(With(CommentPosting.ValidInput(), "authorUrl", given));

        Assert.Equal(expected, (string?)payload["comment"]!["authorUrl"]);
        Assert.Equal(expected, (await StoredAsync(CommentId(payload)))!.AuthorUrl);
    }

    public static TheoryData<string> UnicodeTexts =>
    [
        "Zoë Lefèvre: déjà vu, señor, Ærøskøbing, İstanbul, straße",
        "東京物語より良い映画です。한국어도 좋아요。中文也可以",
        "Loved it 🎬🍿🌆 👍🏽",
        "ZWJ family 👩‍👩‍👧‍👦, astronaut 👩🏽‍🚀, flag 🏳️‍🌈, keycap 1️⃣",
        "שלום, סרט נהדר",
        "فيلم رائع جدا",
        "English then עברית then English and \u200Fمرحبا\u200E done",
        "Combining: e\u0301 n\u0303 a\u030A A\u0308\u0304 Z\u0351\u0353 (not normalised)",
        "Math 𝔉𝔦𝔩𝔪 and ancient 𓂀 and variation ☺︎ ☺️",
    ];

    [Theory]
    [MemberData(nameof(UnicodeTexts))]
    public async Task Unicode_round_trips_exactly(string text)
    {
        var moderator = await _tokens.CreateAsync($"Posting unicode {Guid.NewGuid():N}", "MODERATOR");
        var input = CommentPosting.ValidInput();
        Assert.True(text.Length <= 100);
        input["authorName"] = text;
        input["body"] = text + "\n\n" + text;

        var payload = await PostedAsync(input);

        // Names lose directional marks (they would make two equal-looking names differ); bodies keep them.
        var name = text.Replace("\u200F", "", StringComparison.Ordinal).Replace("\u200E", "", StringComparison.Ordinal);
        Assert.Equal(name, (string?)payload["comment"]!["authorName"]);
        Assert.Equal(input["body"], (string?)payload["comment"]!["body"]);
        var stored = await StoredAsync(CommentId(payload));
        Assert.Equal(name, stored!.AuthorName);
        Assert.Equal(input["body"], stored.Body);

        // Read back through the API: as a moderator (any status), and publicly when it was approved.
        var read = await GraphQL.DataAsync("query($id: ID!) { node(id: $id) { ... on Comment { authorName body html } } }",
            new { id = (string)payload["comment"]!["id"]! }, moderator.Secret);
        Assert.Equal(name, (string?)read["node"]!["authorName"]);
        Assert.Equal(input["body"], (string?)read["node"]!["body"]);
        Assert.Equal($"<p>{text}</p><p>{text}</p>", (string?)read["node"]!["html"]);
        if ((string?)payload["status"] == "APPROVED")
        {
            var thread = await GraphQL.DataAsync("""{ review(slug: "her") { comments(first: 100) { nodes { id body authorName } } } }""");
            var mine = Assert.Single(thread["review"]!["comments"]!["nodes"]!.AsArray(), node => (string?)node!["id"] == (string?)payload["comment"]!["id"])!;
            Assert.Equal(input["body"], (string?)mine["body"]);
        }
    }

    [Fact]
    public async Task Markup_and_script_in_name_body_and_escaped_url_are_rendered_inert_and_stored_verbatim()
    {
        const string name = "<script>alert('name')</script><b onmouseover=\"alert(1)\">Bold</b>";
        const string url = "https://example.org/%22%3E%3Cscript%3Ealert(1)%3C/script%3E";
        const string body = "<img src=x onerror=alert(1)> <script>alert(\"body\")</script>\n\n" +
            "<a href=\"javascript:alert(1)\">click</a> javascript:alert(2) data:text/html,<svg/onload=alert(3)>\n" +
            "https://example.org/a\"onmouseover=\"alert(4) &lt;already&gt; </p><iframe src=https://evil.example></iframe>";
        var input = CommentPosting.ValidInput();
        input["authorName"] = name;
        input["authorUrl"] = url;
        input["body"] = body;

        var payload = await PostedAsync(input);

        var comment = payload["comment"]!;
        Assert.Equal(name, (string?)comment["authorName"]);
        Assert.Equal(url, (string?)comment["authorUrl"]);
        Assert.Equal(body, (string?)comment["body"]);
        var stored = await StoredAsync(CommentId(payload));
        Assert.Equal((name, url, body), (stored!.AuthorName, stored.AuthorUrl, stored.Body));

        var html = (string)comment["html"]!;
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        var elements = document.Body!.QuerySelectorAll("*");
        Assert.All(elements, element => Assert.Contains(element.LocalName, SafeElements));
        Assert.All(elements, element => Assert.All(element.Attributes, attribute => Assert.Contains(attribute.Name, SafeAttributes)));
        Assert.All(document.QuerySelectorAll("a"), link =>
        {
            Assert.Matches("^https?://[^\"<>\\s]+$", link.GetAttribute("href"));
            Assert.Equal("nofollow ugc", link.GetAttribute("rel"));
        });
        Assert.Equal(["https://example.org/a", "https://evil.example"], document.QuerySelectorAll("a").Select(link => link.GetAttribute("href")));
        // What the reader typed is what a browser shows: the text survives, as text.
        Assert.Contains("<script>alert(\"body\")</script>", document.Body.TextContent, StringComparison.Ordinal);
        Assert.Contains("&lt;already&gt;", document.Body.TextContent, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- idempotency

    [Fact]
    public async Task The_same_clientMutationId_twice_returns_the_first_comment_and_stores_one()
    {
        var input = CommentPosting.ValidInput();
        input["clientMutationId"] = $"retry-{Guid.NewGuid():N}";

        var first = await PostedAsync(input);
        var again = await PostedAsync(input);
        // A retry returns the first result even when the client changed its mind about the text.
        var changed = await PostedAsync(With(new Dictionary<string, object?>(input), "body", "Something else entirely."));

        Assert.Equal(CommentId(first), CommentId(again));
        Assert.Equal(CommentId(first), CommentId(changed));
        Assert.Equal(input["clientMutationId"], (string?)again["clientMutationId"]);
        Assert.Equal((string?)first["status"], (string?)again["status"]);
        Assert.Equal(input["body"], (string?)changed["comment"]!["body"]);
        Assert.Single(await StoredByAsync((string)input["authorEmail"]!));
    }

    [Fact]
    public async Task The_same_Idempotency_Key_header_twice_returns_the_first_comment_and_stores_one()
    {
        var input = CommentPosting.ValidInput();
        var headers = new Dictionary<string, string> { [CommentMutations.IdempotencyHeader] = Guid.NewGuid().ToString() };

        var first = await PostedAsync(input, headers);
        var again = await PostedAsync(input, headers);

        Assert.Equal(CommentId(first), CommentId(again));
        Assert.Single(await StoredByAsync((string)input["authorEmail"]!));
    }

    [Fact]
    public async Task A_different_key_posts_a_new_comment()
    {
        var input = CommentPosting.ValidInput();
        input["clientMutationId"] = $"first-{Guid.NewGuid():N}";
        var first = await PostedAsync(input);

        input["clientMutationId"] = $"second-{Guid.NewGuid():N}";
        input["body"] = $"A second thought. ({Guid.NewGuid():N})";
        var second = await PostedAsync(input);
        var byHeader = await PostedAsync(With(new Dictionary<string, object?>(input) { ["body"] = $"A third. ({Guid.NewGuid():N})" }, "clientMutationId", null),
            new Dictionary<string, string> { [CommentMutations.IdempotencyHeader] = Guid.NewGuid().ToString() });

        Assert.Equal(3, new[] { CommentId(first), CommentId(second), CommentId(byHeader) }.Distinct().Count());
        Assert.Equal(3, (await StoredByAsync((string)input["authorEmail"]!)).Count);
    }

    [Fact]
    public async Task A_key_older_than_the_window_posts_a_new_comment()
    {
        var input = CommentPosting.ValidInput();
        input["clientMutationId"] = $"old-{Guid.NewGuid():N}";
        var first = await PostedAsync(input);
        var window = Api.Services.GetRequiredService<IOptions<CommentSettings>>().Value.IdempotencyWindow;
        await using (var session = Api.Store.LightweightSession())
        {
            var marker = await session.Query<CommentIdempotency>().SingleAsync(m => m.CommentId == CommentId(first));
            marker.CreatedAt -= window + TimeSpan.FromMinutes(1);
            session.Store(marker);
            await session.SaveChangesAsync();
        }

        var second = await PostedAsync(input);
        var third = await PostedAsync(input);

        Assert.NotEqual(CommentId(first), CommentId(second));
        Assert.Equal(CommentId(second), CommentId(third));
        Assert.Equal(2, (await StoredByAsync((string)input["authorEmail"]!)).Count);
    }

    [Fact]
    public async Task Without_a_key_each_post_is_a_new_comment()
    {
        var input = CommentPosting.ValidInput();

        var first = await PostedAsync(input);
        var second = await PostedAsync(With(new Dictionary<string, object?>(input), "body", $"Another. ({Guid.NewGuid():N})"));

        Assert.NotEqual(CommentId(first), CommentId(second));
    }

    [Fact]
    public async Task Concurrent_identical_requests_store_one_comment_and_both_answers_name_it()
    {
        for (var round = 0; round < 6; round++)
        {
            var input = CommentPosting.ValidInput();
            var useHeader = round % 2 == 1;
            var headers = new Dictionary<string, string>();
            if (useHeader) headers[CommentMutations.IdempotencyHeader] = $"race-{Guid.NewGuid():N}";
            else input["clientMutationId"] = $"race-{Guid.NewGuid():N}";

            var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostedAsync(input, headers)));

            var stored = await StoredByAsync((string)input["authorEmail"]!);
            var only = Assert.Single(stored);
            Assert.All(answers, answer => Assert.Equal(only.Id, CommentId(answer)));
        }
    }

    // ---------------------------------------------------------------- comment token

    [Fact]
    public async Task The_review_gives_a_comment_token_and_posting_with_it_works()
    {
        var data = await GraphQL.DataAsync("""{ review(slug: "her") { commentToken } }""");
        var token = (string)data["review"]!["commentToken"]!;
        Assert.False(string.IsNullOrWhiteSpace(token));

        var payload = await PostedAsync(With(CommentPosting.ValidInput(), "commentToken", token));

        Assert.NotNull(await StoredAsync(CommentId(payload)));
    }

    public static TheoryData<string> BadTokens => ["another review", "forged", "garbage", "too long", "empty"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_token_for_another_review_or_a_forged_one_is_ignored_and_the_comment_stored(string kind)
    {
        var arrival = (string)(await GraphQL.DataAsync("""{ review(slug: "arrival") { commentToken } }"""))["review"]!["commentToken"]!;
        var genuine = System.Buffers.Text.Base64Url.DecodeFromChars(arrival);
        var forged = genuine.ToArray();
        Her.TryWriteBytes(forged.AsSpan(0, 16)); // the right review, but the signature no longer matches
        var token = kind switch
        {
            "another review" => arrival,
            "forged" => System.Buffers.Text.Base64Url.EncodeToString(forged),
            "garbage" => "!!not*a*token!!",
            "too long" => new string('A', 5000),
            _ => "",
        };

        var payload = await PostedAsync(With(CommentPosting.ValidInput(), "commentToken", token));

        Assert.NotNull(await StoredAsync(CommentId(payload)));
    }
}

/// <summary>Posting comments in tests: valid input from a new reader, the request, and cleaning up after.</summary>
public static class CommentPosting
{
    /// <summary>Every comment these tests create (directly or through the API) has an e-mail here, so cleaning up finds them all.</summary>
    public const string EmailDomain = "posting-tests.example";

    public const string Mutation = """
        mutation Post($input: PostCommentInput!) {
          postComment(input: $input) {
            clientMutationId
            status
            comment { id authorName authorUrl body html postedAt parent { id } review { slug } }
            errors { field code message }
          }
        }
        """;

    /// <summary>Deletes the tests' comments and the idempotency markers that point at them.</summary>
    public static async Task CleanUpAsync(IDocumentStore store)
    {
        await using var session = store.LightweightSession();
        var ids = (await session.Query<Comment>().Where(c => c.AuthorEmail.EndsWith("@" + EmailDomain)).Select(c => c.Id).ToListAsync()).ToArray();
        if (ids.Length == 0) return;
        session.DeleteWhere<CommentIdempotency>(marker => marker.CommentId.IsOneOf(ids));
        session.DeleteWhere<Comment>(c => c.Id.IsOneOf(ids));
        await session.SaveChangesAsync();
    }

    public static string NewEmail() => $"reader-{Guid.NewGuid():N}@{EmailDomain}";

    /// <summary>A valid input on the review of Her, from a new reader with a body of its own.</summary>
    public static Dictionary<string, object?> ValidInput(Guid? review = null) => new()
    {
        ["reviewId"] = GlobalId.Encode("Review", review ?? DemoIds.For("review", "her")),
        ["authorName"] = "Test Reader",
        ["authorEmail"] = NewEmail(),
        ["body"] = $"Saw it twice this week, and the second time the letters scene got me. ({Guid.NewGuid():N})",
    };

    /// <summary>Posts through HTTP, optionally with a bearer token and extra headers; an anonymous answer must never carry the e-mail.</summary>
    public static async Task<GraphQLResponse> PostAsync(HttpClient http, Dictionary<string, object?> input, string? token = null, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query = Mutation, variables = new { input } }), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd(GraphQLClient.GraphQLResponse);
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var answer = new GraphQLResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, response.Headers, response.Content.Headers);
        if (token is null && input.TryGetValue("authorEmail", out var email) && email is string { Length: > 0 } address)
            Assert.DoesNotContain(JsonEncodedText.Encode(address).ToString(), body, StringComparison.OrdinalIgnoreCase);
        return answer;
    }
}
