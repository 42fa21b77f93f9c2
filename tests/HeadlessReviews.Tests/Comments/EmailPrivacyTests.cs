using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Types;
using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessReviews.Tests.Comments;

/// <summary>
/// No commenter's e-mail address (nor its hash, nor the poster's address hash or browser) reaches the
/// public. The walk asks the live schema for every field an anonymous caller can reach from <c>Query</c>,
/// selects them all against the demo data, and searches the answers; a new field that leaks fails
/// here without anyone having to remember this test.
/// </summary>
public sealed partial class EmailPrivacyTests(ApiFactory api) : ApiTest(api), IAsyncLifetime
{
    private const int MaxDepth = 6;

    /// <summary>An approved comment with every private field set, so the walk meets all of them.</summary>
    private readonly Comment _secret = new()
    {
        Id = Guid.NewGuid(),
        ReviewId = DemoIds.For("review", "her"),
        AuthorName = "Walk Tester",
        AuthorEmail = "walk.secret@example.com",
        Body = "A comment whose private fields must stay private.",
        PostedAt = new DateTimeOffset(2020, 5, 1, 10, 0, 0, TimeSpan.Zero),
        Status = CommentStatus.Approved,
        ClientAddressHash = "addrhash-5e5e5e5e5e5e",
        UserAgent = "SecretBrowser/9.9 (privacy walk)",
        SpamReasons = ["privacy-walk-reason"],
    };

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)*example\.(?:com|net|org)", RegexOptions.IgnoreCase)]
    private static partial Regex ExampleAddress();

    public async Task InitializeAsync()
    {
        await using var session = Api.Store.LightweightSession();
        session.Insert(_secret);
        await session.SaveChangesAsync();
    }

    [Fact]
    public async Task No_public_field_returns_a_commenters_email()
    {
        var schema = Schema();
        var answered = new HashSet<string>();
        foreach (var query in RootQueries(schema, withGuarded: false))
        {
            var response = await Api.CreateUnlimitedClient().PostAsync(query);
            Assert.True(response.Errors is null, $"The public walk's query failed: {response.Errors?.ToJsonString()}\n{query}");
            AssertNoPrivateData(response.Body, query);
            CollectTypeNames(response.Data, answered);
        }

        // Every type the public can reach was actually answered with data, so nothing was walked past unseen.
        var reachable = Reachable(schema, withGuarded: false).OfType<IObjectGraphType>().Select(type => type.Name).Where(name => name != schema.Query.Name).ToHashSet();
        Assert.Empty(reachable.Except(answered).Except(NoPublicData).Order());
        Assert.Contains("Comment", answered);
    }

    [Fact]
    public async Task Guarded_fields_answer_the_public_with_errors_and_no_data()
    {
        var schema = Schema();
        foreach (var query in RootQueries(schema, withGuarded: true))
        {
            var response = await Api.CreateUnlimitedClient().PostAsync(query);
            AssertNoPrivateData(response.Body, query);
            Assert.All(response.Errors ?? [], error => Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)error!["extensions"]?["code"]));
        }

        var comments = await GraphQL.PostAsync("""{ review(slug: "her") { comments(first: 100) { nodes { authorName authorEmail } } } }""");
        var nodes = comments.Data!["review"]!["comments"]!["nodes"]!.AsArray();
        Assert.Contains(nodes, node => (string?)node!["authorName"] == _secret.AuthorName);
        Assert.All(nodes, node => Assert.Null(node!["authorEmail"]));
        Assert.Equal(nodes.Count, comments.Errors!.Count);
        Assert.All(comments.Errors!, error => Assert.Equal(("AUTH_NOT_AUTHENTICATED", "authorEmail"),
            ((string?)error!["extensions"]!["code"], (string?)error["path"]!.AsArray()[^1])));
    }

    [Fact]
    public void Fields_that_sound_private_are_guarded()
    {
        var schema = Schema();
        var open = Reachable(schema, withGuarded: true).OfType<IComplexGraphType>()
            .SelectMany(type => type.Fields.Select(field => (type, field)))
            .Where(pair => PrivateSounding().IsMatch(pair.field.Name) && pair.field.GetRoles() is not { Count: > 0 })
            .Select(pair => $"{pair.type.Name}.{pair.field.Name}");
        Assert.Empty(open);
    }

    /// <summary>
    /// Replays anonymous reads of every public root field and comment path, then searches them and every
    /// other anonymous answer this test run has seen so far (recorded by <see cref="GraphQLClient"/>).
    /// An address the caller sent itself (posting, validation messages) is not a leak.
    /// </summary>
    [Fact]
    public async Task No_anonymous_response_of_the_suite_holds_a_commenters_email()
    {
        string[] replay =
        [
            """{ reviews(first: 100) { nodes { slug commentCount comments(first: 100) { nodes { id authorName authorUrl body html postedAt replies { id authorName body parent { id authorName } } } } } } }""",
            """{ review(slug: "her") { comments(first: 100) { edges { cursor node { id authorName review { slug } replies { replies { id } } } } } } }""",
            """{ films(first: 100) { nodes { slug reviews { slug comments { nodes { authorName } } } } } }""",
            """{ people(first: 100) { nodes { slug } } }""",
            """{ search(query: "her", first: 20) { edges { node { __typename } } } }""",
            $$"""{ nodes(ids: [{{string.Join(", ", CommentIds().Select(id => $"\"{id}\""))}}]) { __typename ... on Comment { id authorName body } } }""",
        ];
        foreach (var query in replay)
        {
            var response = await Api.CreateUnlimitedClient().PostAsync(query);
            Assert.True(response.Status == 200, response.Body);
        }

        foreach (var (request, response) in GraphQLClient.AnonymousExchanges)
            foreach (var secret in Secrets().Where(secret => response.Contains(secret, StringComparison.OrdinalIgnoreCase)))
                Assert.True(request.Contains(secret, StringComparison.OrdinalIgnoreCase),
                    $"An anonymous response holds `{secret}`, which its request did not send:\n{request}\n{response}");
    }

    [GeneratedRegex("e-?mail|address|(^|[a-z])ip([A-Z]|$)|userAgent|hash", RegexOptions.IgnoreCase)]
    private static partial Regex PrivateSounding();

    /// <summary>Types anonymous callers reach in the schema but are never given: tokens are for admins.</summary>
    private static readonly string[] NoPublicData = ["ApiToken"];

    private HeadlessReviewsSchema Schema()
    {
        var schema = Api.Services.GetRequiredService<HeadlessReviewsSchema>();
        schema.Initialize();
        return schema;
    }

    private void AssertNoPrivateData(string body, string query)
    {
        foreach (var secret in Secrets())
            Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"`{secret}` in the answer to\n{query}\n{body}");
        var address = ExampleAddress().Match(body);
        Assert.False(address.Success, $"An e-mail address `{address.Value}` in the answer to\n{query}\n{body}");
    }

    /// <summary>Each commenter's address, its MD5 and SHA-256 (Gravatar-style hashes), and the secret comment's private fields.</summary>
    private IEnumerable<string> Secrets()
    {
        foreach (var email in DemoComments.Build().Select(c => c.AuthorEmail).Append(_secret.AuthorEmail).Distinct())
        {
            var normal = Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant());
            yield return email;
#pragma warning disable CA5351 // Looking for the hash others (Gravatar) would publish, not protecting anything with it.
            yield return Convert.ToHexStringLower(MD5.HashData(normal));
#pragma warning restore CA5351
            yield return Convert.ToHexStringLower(SHA256.HashData(normal));
        }
        yield return _secret.ClientAddressHash!;
        yield return _secret.UserAgent!;
        yield return _secret.SpamReasons[0];
    }

    private IEnumerable<string> CommentIds() =>
        DemoComments.Build().Select(c => c.Id).Append(_secret.Id).Select(id => GlobalId.Encode("Comment", id));

    // ---- The walk -------------------------------------------------------------------------------

    /// <summary>Every named type reachable from <c>Query</c> through fields an anonymous caller may select.</summary>
    private static HashSet<IGraphType> Reachable(HeadlessReviewsSchema schema, bool withGuarded)
    {
        var seen = new HashSet<IGraphType>();
        var queue = new Queue<IGraphType>([schema.Query]);
        while (queue.TryDequeue(out var type))
        {
            if (!seen.Add(type)) continue;
            foreach (var next in Children(type, withGuarded)) queue.Enqueue(next);
        }
        return seen;
    }

    private static IEnumerable<IGraphType> Children(IGraphType type, bool withGuarded) => type switch
    {
        IComplexGraphType complex => complex.Fields.Where(field => withGuarded || !IsGuarded(field)).Select(field => field.ResolvedType!.GetNamedType())
            .Concat(type is IInterfaceGraphType iface ? iface.PossibleTypes : []),
        UnionGraphType union => union.PossibleTypes,
        _ => [],
    };

    private static bool IsGuarded(FieldType field) => field.GetRoles() is { Count: > 0 };

    /// <summary>One query per root field and set of arguments, selecting everything below it.</summary>
    private IEnumerable<string> RootQueries(HeadlessReviewsSchema schema, bool withGuarded)
    {
        foreach (var field in schema.Query.Fields.Where(field => withGuarded || !IsGuarded(field)))
            foreach (var arguments in RootArguments(field))
            {
                var selection = Selection(field.ResolvedType!.GetNamedType(), withGuarded, [], 1);
                yield return selection.Length == 0 ? $"{{ {field.Name}{arguments} }}" : $"{{ {field.Name}{arguments} {{ {selection} }} }}";
            }
    }

    /// <summary>Argument sets for a root field: every demo object it can name, and a full first page of lists.</summary>
    private IEnumerable<string> RootArguments(FieldType field)
    {
        var names = field.Arguments?.Select(argument => argument.Name).ToHashSet() ?? [];
        if (names.Contains("slug"))
        {
            foreach (var slug in new[] { "her", "arrival", "joker", "the-master", "joaquin-phoenix", "spike-jonze" })
                yield return $"(slug: \"{slug}\")";
        }
        else if (names.Contains("ids"))
            yield return $"(ids: [{string.Join(", ", AllIds().Select(id => $"\"{id}\""))}])";
        else if (names.Contains("id"))
        {
            foreach (var id in AllIds()) yield return $"(id: \"{id}\")";
        }
        else if (names.Contains("query"))
        {
            foreach (var text in DemoComments.Build().Select(c => c.AuthorEmail).Append(_secret.AuthorEmail).Concat(["her", "phoenix", "example", "Walk Tester"]))
                yield return $"(query: \"{text}\"{(names.Contains("first") ? ", first: 50" : "")})";
        }
        else if (names.Contains("url"))
        {
            // Old addresses (nodeByLegacyUrl): those NodeByLegacyUrlTests records, when it has run.
            foreach (var url in new[] { "https://films.example.org/2014/02/review-her/", "?p=2102", "/2016/01/a-draft" })
                yield return $"(url: \"{url}\")";
        }
        else if (names.Contains("first"))
            yield return "(first: 100)";
        else
            yield return "";
    }

    private static readonly string[] ReviewSlugs = ["her", "arrival", "joker"];

    private IEnumerable<string> AllIds() =>
        CommentIds()
            .Concat(ReviewSlugs.Select(slug => GlobalId.Encode("Review", DemoIds.For("review", slug))))
            .Concat(ReviewSlugs.Select(slug => GlobalId.Encode("Film", DemoIds.For("film", slug))))
            .Append(GlobalId.Encode("Person", DemoIds.For("person", "joaquin-phoenix")));

    /// <summary>
    /// Every field of <paramref name="type"/>: scalars as they are, objects recursively. A type is entered
    /// at most twice on one path (replies of replies), and no deeper than <see cref="MaxDepth"/>.
    /// Fields with required arguments get plain values; those needing an input object are skipped.
    /// </summary>
    private static string Selection(IGraphType type, bool withGuarded, List<string> path, int depth)
    {
        if (type is ScalarGraphType or EnumerationGraphType) return "";
        var parts = new List<string> { "__typename" };
        if (type is IComplexGraphType complex and not IInterfaceGraphType)
        {
            foreach (var field in complex.Fields.Where(field => withGuarded || !IsGuarded(field)))
            {
                if (Arguments(field) is not { } arguments) continue;
                var named = field.ResolvedType!.GetNamedType();
                if (named is ScalarGraphType or EnumerationGraphType)
                {
                    parts.Add($"{Alias(complex, field)}{arguments}");
                    continue;
                }
                if (depth >= MaxDepth || path.Count(name => name == named.Name) >= 2) continue;
                var inner = Selection(named, withGuarded, [.. path, named.Name], depth + 1);
                parts.Add($"{Alias(complex, field)}{arguments} {{ {inner} }}");
            }
        }
        var possible = type switch
        {
            IInterfaceGraphType iface => iface.PossibleTypes.AsEnumerable(),
            UnionGraphType union => union.PossibleTypes,
            _ => [],
        };
        foreach (var concrete in possible)
            if (path.Count(name => name == concrete.Name) < 2)
                parts.Add($"... on {concrete.Name} {{ {Selection(concrete, withGuarded, [.. path, concrete.Name], depth)} }}");
        return string.Join(" ", parts);
    }

    // Fields of the same name on two types of a union (`Review.body`, `Comment.body`) may differ in type:
    // aliases named after the type keep them apart.
    private static string Alias(IComplexGraphType type, FieldType field) => $"{type.Name}_{field.Name}: {field.Name}";

    /// <summary>Values for a nested field's required arguments; null when one cannot be made up.</summary>
    private static string? Arguments(FieldType field)
    {
        var given = new List<string>();
        foreach (var argument in field.Arguments ?? [])
        {
            if (argument.ResolvedType is not NonNullGraphType nonNull) continue;
            string? value = nonNull.ResolvedType switch
            {
                IntGraphType => "5",
                BooleanGraphType => "false",
                StringGraphType => "\"her\"",
                IdGraphType => $"\"{GlobalId.Encode("Review", DemoIds.For("review", "her"))}\"",
                EnumerationGraphType enumeration => enumeration.Values.First().Name,
                _ => null,
            };
            if (value is null) return null;
            given.Add($"{argument.Name}: {value}");
        }
        return given.Count == 0 ? "" : $"({string.Join(", ", given)})";
    }

    private static void CollectTypeNames(JsonNode? node, HashSet<string> names)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["__typename"] is JsonValue typeName) names.Add((string)typeName!);
                foreach (var (_, child) in obj) CollectTypeNames(child, names);
                break;
            case JsonArray array:
                foreach (var child in array) CollectTypeNames(child, names);
                break;
        }
    }

    public async Task DisposeAsync()
    {
        await using var session = Api.Store.LightweightSession();
        session.Delete<Comment>(_secret.Id);
        await session.SaveChangesAsync();
    }
}
