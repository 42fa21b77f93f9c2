using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Transport;

/// <summary>GraphQL over HTTP as the GraphQL-over-HTTP spec and the graphql-http audit expect it, and the HTTP around it.</summary>
public sealed class HttpTransportTests(ApiFactory api) : ApiTest(api)
{
    private const string Json = "application/json";
    private const string GraphQLResponse = GraphQLClient.GraphQLResponse;
    private const string Typename = """{"query":"{ __typename }"}""";

    /// <summary>The response type, and the status of a request that cannot run: 400 with graphql-response+json, 200 with legacy JSON.</summary>
    public static TheoryData<string, int> MediaTypes => new() { { GraphQLResponse, 400 }, { Json, 200 } };

    public static TheoryData<string, string, int> BadParameters()
    {
        string[] bodies =
        [
            """{}""",
            """{"query":null}""",
            """{"query":1}""",
            """{"query":{"text":"{ __typename }"}}""",
            """{"query":["{ __typename }"]}""",
            """{"query":"{ __typename }","variables":"{}"}""",
            """{"query":"{ __typename }","variables":[]}""",
            """{"query":"{ __typename }","variables":1}""",
            """{"query":"{ __typename }","operationName":1}""",
            """{"query":"{ __typename }","extensions":"{}"}""",
            """ "{ __typename }" """,
            """null""",
        ];
        var data = new TheoryData<string, string, int>();
        foreach (var body in bodies)
        {
            data.Add(body, GraphQLResponse, 400);
            data.Add(body, Json, 200);
        }
        return data;
    }

    [Theory]
    [InlineData(null, Json)]
    [InlineData("*/*", Json)]
    [InlineData("application/*", Json)]
    [InlineData(Json, Json)]
    [InlineData(GraphQLResponse, GraphQLResponse)]
    [InlineData("application/json, application/graphql-response+json", GraphQLResponse)]
    [InlineData("application/graphql-response+json, application/json;q=0.9", GraphQLResponse)]
    [InlineData("application/graphql-response+json;q=0.5, application/json", Json)]
    [InlineData("text/html, application/graphql-response+json;q=0.8", GraphQLResponse)]
    public async Task Post_answers_in_the_type_the_client_accepts(string? accept, string expected)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", Typename, Json, accept);

        Assert.Equal(200, response.Status);
        AssertJsonType(response, expected);
        Assert.Equal("Query", response.Data?["__typename"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/plain")]
    [InlineData("application/graphql-response+json;q=0")]
    public async Task Post_that_accepts_neither_json_type_is_406(string accept)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", Typename, Json, accept);

        Assert.Equal(406, response.Status);
        AssertErrors(response);
        Assert.Contains(GraphQLResponse, ErrorMessage(response), StringComparison.Ordinal);
    }

    // A body that is not JSON at all is refused before GraphQL: 400 whatever the response type (README table).
    [Theory]
    [InlineData(GraphQLResponse, "{\"query\":\"{ __typename }\" ")]
    [InlineData(Json, "{\"query\":\"{ __typename }\" ")]
    [InlineData(GraphQLResponse, "NONSENSE")]
    [InlineData(Json, "NONSENSE")]
    [InlineData(Json, "{\"query\": }")]
    public async Task Malformed_json_is_a_400(string accept, string body)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", body, Json, accept);

        AssertRequestError(response, accept, 400);
        Assert.Contains("JSON", ErrorMessage(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GraphQLResponse)]
    [InlineData(Json)]
    public async Task Empty_body_is_a_400(string accept)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", "", Json, accept);

        AssertRequestError(response, accept, 400);
        Assert.Contains("empty", ErrorMessage(response), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(MediaTypes))]
    public async Task Document_that_does_not_parse_is_a_request_error(string accept, int status)
    {
        var response = await PostJsonAsync(new { query = "{ reviews { totalCount " }, accept);

        AssertRequestError(response, accept, status);
    }

    [Theory]
    [MemberData(nameof(MediaTypes))]
    public async Task Unknown_field_is_a_request_error(string accept, int status)
    {
        var response = await PostJsonAsync(new { query = "{ reviews { totalCount } nope }" }, accept);

        AssertRequestError(response, accept, status);
        Assert.Contains("nope", ErrorMessage(response), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MediaTypes))]
    public async Task Variable_of_the_wrong_type_is_a_request_error(string accept, int status)
    {
        var response = await PostJsonAsync(new { query = "query($first: Int) { reviews(first: $first) { totalCount } }", variables = new { first = "ten" } }, accept);

        AssertRequestError(response, accept, status);
        Assert.Contains("first", ErrorMessage(response), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MediaTypes))]
    public async Task Variable_of_the_wrong_type_is_refused_for_a_cached_document_too(string accept, int status)
    {
        // The same text ran once, so the document cache holds it; variables must still be checked.
        const string query = "query Cached($first: Int) { reviews(first: $first) { totalCount } }";
        var first = await PostJsonAsync(new { query, variables = new { first = 1 } }, accept);
        Assert.Equal(200, first.Status);
        Assert.Null(first.Errors);

        var response = await PostJsonAsync(new { query, variables = new { first = "ten" } }, accept);

        AssertRequestError(response, accept, status);
    }

    [Theory]
    [MemberData(nameof(MediaTypes))]
    public async Task Missing_non_null_variable_is_a_request_error(string accept, int status)
    {
        var response = await PostJsonAsync(new { query = "query($slug: String!) { review(slug: $slug) { headline } }" }, accept);

        AssertRequestError(response, accept, status);
        Assert.Contains("slug", ErrorMessage(response), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task Parameters_of_the_wrong_shape_are_request_errors(string body, string accept, int status)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", body, Json, accept);

        AssertRequestError(response, accept, status);
    }

    [Theory]
    [InlineData(GraphQLResponse)]
    [InlineData(Json)]
    public async Task Null_optional_parameters_are_allowed(string accept)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql",
            """{"query":"{ __typename }","variables":null,"operationName":null,"extensions":null}""", Json, accept);

        Assert.Equal(200, response.Status);
        Assert.Null(response.Errors);
        Assert.Equal("Query", response.Data?["__typename"]?.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(MediaTypes))]
    public async Task Batch_of_requests_is_refused_clearly(string accept, int status)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", $"[{Typename},{Typename}]", Json, accept);

        AssertRequestError(response, accept, status);
        Assert.Contains("batch", ErrorMessage(response), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(MediaTypes))]
    public async Task Subscription_over_plain_http_is_refused(string accept, int status)
    {
        var response = await PostJsonAsync(new { query = "subscription { __typename }" }, accept);

        AssertRequestError(response, accept, status);
        Assert.Contains("WebSocket", ErrorMessage(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GraphQLResponse)]
    [InlineData(Json)]
    public async Task Mutation_by_get_is_405_allowing_post(string accept)
    {
        var response = await SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { __typename }"), null, null, accept);

        Assert.Equal(405, response.Status);
        AssertErrors(response);
        AssertJsonType(response, accept);
        Assert.Equal("POST", Assert.Single(response.ContentHeaders.Allow));
        Assert.Contains("POST", ErrorMessage(response), StringComparison.Ordinal);
        Assert.False(response.Json!.AsObject().ContainsKey("data"), response.Body);
    }

    [Theory]
    [InlineData(GraphQLResponse)]
    [InlineData(Json)]
    public async Task Mutation_chosen_by_operation_name_in_get_is_405(string accept)
    {
        var url = "/graphql?query=" + Uri.EscapeDataString("query Read { __typename } mutation Write { __typename }") + "&operationName=Write";

        var response = await SendAsync(HttpMethod.Get, url, null, null, accept);

        Assert.Equal(405, response.Status);
        Assert.Equal("POST", Assert.Single(response.ContentHeaders.Allow));
    }

    [Fact]
    public async Task Get_runs_a_query()
    {
        var response = await GraphQL.GetAsync("{ review(slug: \"her\") { slug } }");

        Assert.Equal(200, response.Status);
        AssertJsonType(response, GraphQLResponse);
        Assert.Equal("her", response.Data?["review"]?["slug"]?.GetValue<string>());
    }

    [Fact]
    public async Task Get_takes_variables_as_url_encoded_json()
    {
        var response = await GraphQL.GetAsync("query($slug: String!) { review(slug: $slug) { slug headline } }", new { slug = "her" });

        Assert.Equal(200, response.Status);
        Assert.Null(response.Errors);
        Assert.Equal("her", response.Data?["review"]?["slug"]?.GetValue<string>());
        Assert.Contains("Her", response.Data?["review"]?["headline"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/graphql", 400)]
    [InlineData("/graphql?query=", 400)]
    [InlineData("/graphql?query=%7B__typename%7D&variables=%7Bnot%20json", 400)]
    [InlineData("/graphql?query=%7B__typename%7D&variables=%5B1%5D", 400)]
    [InlineData("/graphql?query=%7B__typename%7D&extensions=42", 400)]
    public async Task Get_with_bad_parameters_is_a_request_error(string url, int status)
    {
        var response = await SendAsync(HttpMethod.Get, url, null, null, GraphQLResponse);

        AssertRequestError(response, GraphQLResponse, status);
    }

    [Fact]
    public async Task Get_with_null_variables_runs()
    {
        var response = await SendAsync(HttpMethod.Get, "/graphql?query=%7B__typename%7D&variables=null&operationName=", null, null, GraphQLResponse);

        Assert.Equal(200, response.Status);
        Assert.Equal("Query", response.Data?["__typename"]?.GetValue<string>());
    }

    [Fact]
    public async Task Get_with_a_query_string_over_the_limit_is_414()
    {
        var query = "{ __typename " + new string(' ', 20 * 1024) + "}";

        var response = await GraphQL.GetAsync(query);

        Assert.Equal(414, response.Status);
        AssertErrors(response);
        Assert.Contains("POST", ErrorMessage(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operation_name_selects_the_operation_to_run()
    {
        const string document = "query Films { films(first: 1) { totalCount } } query Reviews { reviews(first: 1) { totalCount } }";

        var post = await PostJsonAsync(new { query = document, operationName = "Reviews" }, GraphQLResponse);
        var get = await SendAsync(HttpMethod.Get, $"/graphql?query={Uri.EscapeDataString(document)}&operationName=Films", null, null, GraphQLResponse);

        Assert.Null(post.Errors);
        Assert.NotNull(post.Data?["reviews"]);
        Assert.False(post.Data!.AsObject().ContainsKey("films"));
        Assert.Null(get.Errors);
        Assert.NotNull(get.Data?["films"]);
        Assert.False(get.Data!.AsObject().ContainsKey("reviews"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Nope")]
    public async Task Several_operations_without_a_matching_name_are_a_request_error(string? operationName)
    {
        var response = await PostJsonAsync(new { query = "query A { a: __typename } query B { b: __typename }", operationName }, GraphQLResponse);

        AssertRequestError(response, GraphQLResponse, 400);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/graphql")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task Post_without_a_json_content_type_is_415(string? contentType)
    {
        foreach (var accept in new[] { GraphQLResponse, Json })
        {
            var response = await SendAsync(HttpMethod.Post, "/graphql", Typename, contentType, accept);

            Assert.Equal(415, response.Status);
            AssertErrors(response);
            AssertJsonType(response, accept);
            Assert.Contains("application/json", ErrorMessage(response), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json;charset=UTF-8")]
    [InlineData("Application/JSON")]
    public async Task Post_with_json_content_type_variants_runs(string contentType)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", Typename, contentType, GraphQLResponse);

        Assert.Equal(200, response.Status);
        Assert.Equal("Query", response.Data?["__typename"]?.GetValue<string>());
    }

    [Theory]
    [InlineData(GraphQLResponse)]
    [InlineData(Json)]
    public async Task Body_over_the_limit_is_413(string accept)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", PaddedBody(300 * 1024), Json, accept);

        Assert.Equal(413, response.Status);
        AssertErrors(response);
        AssertJsonType(response, accept);
        Assert.Contains("larger", ErrorMessage(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_over_the_limit_without_a_content_length_is_413()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new UnsizedContent(Encoding.UTF8.GetBytes(PaddedBody(300 * 1024))) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(Json);
        request.Headers.Accept.ParseAdd(GraphQLResponse);
        Assert.Null(request.Content.Headers.ContentLength);

        using var response = await GraphQL.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(GraphQLResponse, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Body_under_the_limit_runs()
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", PaddedBody(200 * 1024), Json, GraphQLResponse);

        Assert.Equal(200, response.Status);
        Assert.Equal("Query", response.Data?["__typename"]?.GetValue<string>());
    }

    [Fact]
    public async Task Field_errors_keep_status_200_with_partial_data()
    {
        var response = await PostJsonAsync(new { query = "{ __typename node(id: \"not-an-id\") { id } }" }, GraphQLResponse);

        Assert.Equal(200, response.Status);
        AssertJsonType(response, GraphQLResponse);
        Assert.Equal("Query", response.Data?["__typename"]?.GetValue<string>());
        Assert.NotEmpty(response.Errors!);
    }

    [Fact]
    public async Task Text_outside_ascii_travels_as_utf8_both_ways()
    {
        // The malformed-id error quotes the id it was given.
        const string id = "Zoë Lefèvre 🌆";
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", variables = new { ids = new[] { id } } }));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(Json); // no charset: UTF-8 is assumed

        using var response = await GraphQL.Http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet, ignoreCase: true);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains(id, JsonNode.Parse(text)!["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Json)]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")]
    public async Task Unknown_path_is_a_json_problem(string? accept)
    {
        var response = await SendAsync(HttpMethod.Get, "/nope", null, null, accept);

        Assert.Equal(404, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(404, response.Json?["status"]?.GetValue<int>());
        AssertNoHtmlOrStackTrace(response);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Other_methods_on_graphql_are_405(string method)
    {
        var response = await SendAsync(new HttpMethod(method), "/graphql", Typename, Json, GraphQLResponse);

        Assert.Equal(405, response.Status);
        Assert.Contains("POST", response.ContentHeaders.Allow);
        Assert.Contains("GET", response.ContentHeaders.Allow);
        AssertNoHtmlOrStackTrace(response);
    }

    [Fact]
    public async Task Schema_is_served_as_sdl_text()
    {
        var response = await SendAsync(HttpMethod.Get, "/schema.graphql", null, null, null);

        Assert.Equal(200, response.Status);
        Assert.Equal("text/plain", response.MediaType);
        Assert.Equal("utf-8", response.ContentHeaders.ContentType?.CharSet, ignoreCase: true);
        Assert.Contains("type Query {", response.Body, StringComparison.Ordinal);
        Assert.Contains("interface Node {", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_checks_answer_healthy_json(string path)
    {
        var response = await SendAsync(HttpMethod.Get, path, null, null, null);

        Assert.Equal(200, response.Status);
        AssertJsonType(response, Json);
        Assert.Equal("Healthy", response.Json?["status"]?.GetValue<string>());
    }

    [Fact]
    public async Task Readiness_checks_postgresql()
    {
        var response = await SendAsync(HttpMethod.Get, "/health/ready", null, null, null);

        Assert.Equal("Healthy", response.Json?["checks"]?["postgresql"]?["status"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("http://localhost:3000")]
    [InlineData("http://localhost:5173")]
    public async Task Cors_preflight_from_a_local_dev_server_is_allowed(string origin)
    {
        using var response = await PreflightAsync(origin);

        Assert.True(response.IsSuccessStatusCode, $"Preflight answered {(int)response.StatusCode}");
        Assert.Equal(origin, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
        Assert.Contains("content-type", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("null")]
    public async Task Cors_preflight_from_another_origin_is_not_allowed(string origin)
    {
        using var response = await PreflightAsync(origin);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Cors_request_from_a_local_dev_server_gets_its_origin_back()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(Typename, Encoding.UTF8, Json) };
        request.Headers.Add("Origin", "http://localhost:3000");

        using var response = await GraphQL.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("http://localhost:3000", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    private async Task<HttpResponseMessage> PreflightAsync(string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return await GraphQL.Http.SendAsync(request);
    }

    private Task<GraphQLResponse> PostJsonAsync(object body, string? accept) =>
        SendAsync(HttpMethod.Post, "/graphql", JsonSerializer.Serialize(body), Json, accept);

    /// <summary>Sends exactly what it is given: no Accept or Content-Type unless passed.</summary>
    private async Task<GraphQLResponse> SendAsync(HttpMethod method, string url, string? body, string? contentType, string? accept)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await GraphQL.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text, response.Headers, response.Content.Headers);
    }

    /// <summary>A request that never ran: the status for its media type, JSON errors with a message, and no <c>data</c>.</summary>
    private static void AssertRequestError(GraphQLResponse response, string accept, int status)
    {
        Assert.True(status == response.Status, $"Expected {status}, got {response.Status}: {response.Body}");
        AssertJsonType(response, accept);
        AssertErrors(response);
        Assert.False(response.Json!.AsObject().ContainsKey("data"), $"A request error must not carry data: {response.Body}");
    }

    private static void AssertJsonType(GraphQLResponse response, string mediaType)
    {
        Assert.Equal(mediaType, response.MediaType);
        Assert.Equal("utf-8", response.ContentHeaders.ContentType?.CharSet, ignoreCase: true);
    }

    private static void AssertErrors(GraphQLResponse response)
    {
        Assert.True(response.Json is JsonObject, $"Not a JSON object: {response.Body}");
        Assert.True(response.Errors is { Count: > 0 }, $"No errors: {response.Body}");
        Assert.False(string.IsNullOrWhiteSpace(ErrorMessage(response)), $"An error without a message: {response.Body}");
        AssertNoHtmlOrStackTrace(response);
    }

    private static void AssertNoHtmlOrStackTrace(GraphQLResponse response)
    {
        Assert.DoesNotContain("<html", response.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", response.Body, StringComparison.Ordinal);
    }

    private static string ErrorMessage(GraphQLResponse response) => response.Errors?[0]?["message"]?.GetValue<string>() ?? "";

    /// <summary>A valid request padded with an extension to about <paramref name="bytes"/> bytes.</summary>
    private static string PaddedBody(int bytes) =>
        JsonSerializer.Serialize(new { query = "{ __typename }", extensions = new { padding = new string('x', bytes) } });

    /// <summary>A body sent without Content-Length (chunked), as a streaming client would.</summary>
    private sealed class UnsizedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
