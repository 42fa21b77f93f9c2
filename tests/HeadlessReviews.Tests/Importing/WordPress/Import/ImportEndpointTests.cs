using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using HeadlessReviews.Api.Importing.WordPress.Http;

namespace HeadlessReviews.Tests.Importing.WordPress.Import;

/// <summary><c>POST /admin/import/wordpress</c>: ADMIN only, the body streamed with a size limit, the report (or progress lines then the report).</summary>
public sealed class ImportEndpointTests : IAsyncLifetime
{
    private static readonly string[] EditorRole = ["EDITOR"];
    private ImportHost _host = null!;

    public async Task InitializeAsync() => _host = await ImportHost.StartAsync(new Dictionary<string, string?>
    {
        ["HeadlessReviews:AdminToken"] = BlogImportTests.AdminToken,
        // Larger than the blog export, smaller than three of it.
        ["HeadlessReviews:Import:MaxUploadBytes"] = "80000",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<HttpResponseMessage> PostAsync(byte[] body, string? token, string? accept = null, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WordPressImportEndpoint.Path + query) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        return await _host.Client.Http.SendAsync(request);
    }

    private static byte[] Export => File.ReadAllBytes(WxrFixtures.PathOf("blog-export.xml"));

    [Fact]
    public async Task Without_a_token_it_is_401_and_without_the_admin_role_403()
    {
        using var anonymous = await PostAsync(Export, null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);

        var created = await _host.Client.DataAsync("""
            mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret errors { code } } }
            """, new { input = new { name = "editor for the import test", roles = EditorRole } }, BlogImportTests.AdminToken);
        using var editor = await PostAsync(Export, (string)created["createApiToken"]!["secret"]!);
        Assert.Equal(HttpStatusCode.Forbidden, editor.StatusCode);
        Assert.Equal("AUTH_FORBIDDEN", (string)JsonNode.Parse(await editor.Content.ReadAsStringAsync())!["code"]!);

        var reviews = await _host.Client.DataAsync("{ reviews(first: 1) { totalCount } }");
        Assert.Equal(0, (int)reviews["reviews"]!["totalCount"]!);
    }

    [Fact]
    public async Task An_admin_gets_the_report()
    {
        using var response = await PostAsync(Export, BlogImportTests.AdminToken, query: "?dryRun=false");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(17, report["items"]!.AsArray().Count);
        Assert.Equal(11, (int)report["comments"]!["imported"]!);
        var her = await _host.Client.DataAsync("{ review(slug: \"review-her\") { headline } }");
        Assert.Equal("Review – Her", (string)her["review"]!["headline"]!);
    }

    [Fact]
    public async Task With_ndjson_progress_lines_come_first_and_the_report_last()
    {
        using var response = await PostAsync(Export, BlogImportTests.AdminToken, "application/x-ndjson", "?dryRun=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.True(lines.Count >= 2);
        Assert.All(lines[..^1], line => Assert.Equal("progress", (string)line["type"]!));
        Assert.Equal("done", (string)lines[^2]["phase"]!);
        Assert.Equal(17, (int)lines[^2]["itemsDone"]!);
        Assert.Equal("report", (string)lines[^1]["type"]!);
        Assert.True((bool)lines[^1]["report"]!["dryRun"]!);
        // A dry run: nothing written.
        Assert.Equal(0, (int)(await _host.Client.DataAsync("{ reviews(first: 1) { totalCount } }"))["reviews"]!["totalCount"]!);
    }

    [Fact]
    public async Task An_export_past_the_size_limit_is_413_and_a_broken_one_422()
    {
        using var large = await PostAsync([.. Export, .. Export, .. Export], BlogImportTests.AdminToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal("PAYLOAD_TOO_LARGE", (string)JsonNode.Parse(await large.Content.ReadAsStringAsync())!["code"]!);

        using var broken = await PostAsync(Export[..(Export.Length / 2)], BlogImportTests.AdminToken, "application/x-ndjson");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        var error = JsonNode.Parse(await broken.Content.ReadAsStringAsync())!;
        Assert.Equal("INVALID_WXR", (string)error["code"]!);
        Assert.True((int)error["details"]!["line"]! > 1);

        using var badOption = await PostAsync(Export, BlogImportTests.AdminToken, query: "?reviewTitlePattern=no-group");
        Assert.Equal(HttpStatusCode.BadRequest, badOption.StatusCode);
    }
}
