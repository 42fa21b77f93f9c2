using System.Text.Json.Nodes;
using HeadlessReviews.Api.Transport;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Web;

/// <summary>
/// The GET and header limits the README states are the ones a real Kestrel socket enforces, and
/// going over them is answered like every other error: a JSON body with a code, not Kestrel's bare
/// 414/431. (The in-process TestServer enforces no request-line or header limit at all.)
/// </summary>
public sealed class RequestLimitsTests(KestrelInstance service) : IClassFixture<KestrelInstance>
{
    private const int RequestSizeLimitsAllowance = HeadlessReviews.Api.Web.RequestSizeLimits.RequestLineAllowance;
    private static readonly GraphQLHttpSettings Defaults = new();

    [Fact]
    public async Task A_GET_query_string_just_under_the_limit_is_served()
    {
        using var client = service.CreateHttpClient();
        // Past Kestrel's default request line (8 KB), within ours.
        var url = QueryUrl(Defaults.MaxQueryStringLength - 256);
        Assert.InRange(url.Length, 8 * 1024, Defaults.MaxQueryStringLength);

        using var response = await client.GetAsync(url);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("Her", JsonNode.Parse(body)!["data"]!["film"]!["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_GET_query_string_over_the_limit_is_414_with_a_json_error(int times)
    {
        using var client = service.CreateHttpClient();

        using var response = await client.GetAsync(QueryUrl((times * Defaults.MaxQueryStringLength) + 1024));

        Assert.Equal(414, (int)response.StatusCode);
        Assert.Equal("URI_TOO_LONG", await CodeAsync(response));
    }

    [Fact]
    public async Task An_over_long_request_target_elsewhere_is_414_with_a_json_error()
    {
        using var client = service.CreateHttpClient();

        using var response = await client.GetAsync("/health/live?pad=" + new string('x', Defaults.MaxQueryStringLength + RequestSizeLimitsAllowance));

        Assert.Equal(414, (int)response.StatusCode);
        Assert.Equal("URI_TOO_LONG", await CodeAsync(response));
    }

    [Theory]
    [InlineData("/graphql?query=%7B__typename%7D")]
    [InlineData("/health/live")]
    public async Task Headers_over_the_limit_are_431_with_a_json_error(string url)
    {
        using var client = service.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Padding", new string('x', Defaults.MaxRequestHeadersBytes + 1024));

        using var response = await client.SendAsync(request);

        Assert.Equal(431, (int)response.StatusCode);
        Assert.Equal("REQUEST_HEADER_FIELDS_TOO_LARGE", await CodeAsync(response));
    }

    private static string QueryUrl(int length)
    {
        var url = "/graphql?query=" + Uri.EscapeDataString("{ film(slug: \"her\") { title } } #");
        return url + new string('x', length - url.Length + "/graphql?".Length);
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true, $"Not JSON: '{body}'");
        return JsonNode.Parse(body)!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();
    }
}
