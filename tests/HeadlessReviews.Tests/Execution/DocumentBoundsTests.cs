using System.Diagnostics;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Execution;

/// <summary>
/// A document's text is bounded before it is parsed (size, tokens, line length), a syntax error far
/// along a long line is found in linear time, and validation answers a bounded number of errors.
/// </summary>
public sealed class DocumentBoundsTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Documents_over_a_bound_are_refused_before_parsing_with_their_own_codes()
    {
        await using var host = Api.WithWebHostBuilder(builder => builder
            .UseSetting("HeadlessReviews:Execution:MaxDocumentCharacters", "2000")
            .UseSetting("HeadlessReviews:Execution:MaxTokens", "100")
            .UseSetting("HeadlessReviews:Execution:MaxLineLength", "500"));
        var client = new GraphQLClient(host.CreateClient());

        var large = await client.PostAsync("{ __typename }" + new string(' ', 2000));
        var tokens = await client.PostAsync("{ " + string.Join("\n", Enumerable.Repeat("__typename", 100)) + " }");
        var line = await client.PostAsync("{ __typename" + new string(' ', 500) + "}");
        var fits = await client.PostAsync("{ film(slug: \"her\") { title } }");

        Assert.Equal((400, "DOCUMENT_TOO_LARGE"), (large.Status, large.FirstErrorCode));
        Assert.Equal((400, "DOCUMENT_TOO_MANY_TOKENS"), (tokens.Status, tokens.FirstErrorCode));
        Assert.Contains("102 tokens; at most 100", (string?)tokens.Errors![0]!["message"], StringComparison.Ordinal);
        Assert.Equal((400, "DOCUMENT_LINE_TOO_LONG"), (line.Status, line.FirstErrorCode));
        Assert.Equal("Her", (string?)fits.Data?["film"]?["title"]);
    }

    [Fact]
    public async Task A_syntax_error_far_along_one_line_is_answered_at_once_and_located()
    {
        // No line limit: the error path itself must be linear. GraphQLParser's own message for this
        // took minutes (its cost grows with the column squared: about 5 s at 80 KB).
        await using var host = Api.WithWebHostBuilder(builder => builder
            .UseSetting("HeadlessReviews:Execution:MaxLineLength", "0")
            .UseSetting("HeadlessReviews:Execution:MaxDocumentCharacters", "0")
            .UseSetting("HeadlessReviews:Execution:MaxTokens", "0")
            .UseSetting("HeadlessReviews:Http:MaxRequestBodyBytes", "1048576"));
        var client = new GraphQLClient(host.CreateClient());
        var fields = string.Concat(Enumerable.Repeat("__typename ", 30_000));
        var elapsed = Stopwatch.StartNew();

        var answer = await client.PostAsync($"{{ {fields}( }}");

        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(10), elapsed.Elapsed.ToString());
        Assert.Equal((400, "SYNTAX_ERROR"), (answer.Status, answer.FirstErrorCode));
        Assert.StartsWith("Error parsing query: Expected Name, found }", (string?)answer.Errors![0]!["message"], StringComparison.Ordinal);
        Assert.Equal(1, (int?)answer.Errors[0]!["locations"]![0]!["line"]);
        Assert.Equal(fields.Length + 5, (int?)answer.Errors[0]!["locations"]![0]!["column"]);
        Assert.True(answer.Body.Length < 2_000, answer.Body[..200]);
    }

    [Fact]
    public async Task Errors_inside_long_strings_are_located_in_the_text()
    {
        var text = new string('x', 1_000);
        // The same error in a short line, located by GraphQLParser itself.
        var shortLine = await GraphQL.PostAsync("{ search(query: \"x\\q\") { __typename } }");
        var badEscape = await GraphQL.PostAsync($"{{ search(query: \"{text}\\q\") {{ __typename }} }}");
        var unterminated = await GraphQL.PostAsync($"{{ search(query: \"{text}");
        var valid = await GraphQL.PostAsync($"{{ film(slug: \"{text}\") {{ title }} }}");

        Assert.Equal("SYNTAX_ERROR", badEscape.FirstErrorCode);
        Assert.Equal((string?)shortLine.Errors![0]!["message"], (string?)badEscape.Errors![0]!["message"]);
        Assert.Equal((int?)shortLine.Errors[0]!["locations"]![0]!["column"] + text.Length - 1, (int?)badEscape.Errors[0]!["locations"]![0]!["column"]);
        Assert.Equal("SYNTAX_ERROR", unterminated.FirstErrorCode);
        Assert.True(valid.Errors is null, valid.Body);
    }

    [Fact]
    public async Task Validation_answers_at_most_a_hundred_errors_and_says_it_stopped()
    {
        var unknown = await GraphQL.PostAsync("{ " + string.Join("\n", Enumerable.Range(1, 4_990).Select(i => $"unknown{i}")) + " }");

        Assert.Equal(400, unknown.Status);
        Assert.True(unknown.Errors!.Count == 101, unknown.Body[..Math.Min(2000, unknown.Body.Length)]);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", (string?)unknown.Errors[0]!["extensions"]!["code"]);
        Assert.Equal("TOO_MANY_VALIDATION_ERRORS", (string?)unknown.Errors[100]!["extensions"]!["code"]);
    }
}
