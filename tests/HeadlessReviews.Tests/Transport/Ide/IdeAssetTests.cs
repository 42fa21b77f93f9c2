using System.IO.Compression;
using System.Net;
using System.Text.Json;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Transport.Ide;

/// <summary>The IDE's built files: all served, compressed ahead of time, cached for good by name.</summary>
public sealed class IdeAssetTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Every_file_the_bundler_built_is_served_with_its_type()
    {
        var files = BuiltFiles();
        Assert.Contains(files, file => file.EndsWith(".js", StringComparison.Ordinal) && file.Contains("worker", StringComparison.Ordinal));
        Assert.Contains(files, file => file.EndsWith(".ttf", StringComparison.Ordinal));

        foreach (var file in files)
        {
            using var response = await GraphQL.Http.GetAsync("/graphql/ide/" + file);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file}: {response.StatusCode}");
            var expected = Path.GetExtension(file) switch { ".js" => "text/javascript", ".css" => "text/css", ".ttf" => "font/ttf", _ => null };
            if (expected is not null) Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        }
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Compressed_copies_are_sent_to_clients_that_accept_them_and_hold_the_same_bytes(string coding)
    {
        var script = BuiltFiles().First(file => file.EndsWith(".js", StringComparison.Ordinal) && file.Contains("main", StringComparison.Ordinal));
        var plain = await GraphQL.Http.GetByteArrayAsync("/graphql/ide/" + script);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql/ide/" + script);
        request.Headers.AcceptEncoding.ParseAdd($"{coding}, identity;q=0.5");
        using var response = await GraphQL.Http.SendAsync(request);

        Assert.Equal([coding], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < plain.Length / 2, $"{coding}: {compressed.Length} of {plain.Length} bytes");
        await using var decoder = coding == "br"
            ? (Stream)new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var decoded = new MemoryStream();
        await decoder.CopyToAsync(decoded);
        Assert.Equal(plain, decoded.ToArray());
    }

    [Fact]
    public async Task A_client_that_refuses_compression_gets_the_plain_file()
    {
        var script = BuiltFiles().First(file => file.EndsWith(".css", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql/ide/" + script);
        request.Headers.AcceptEncoding.ParseAdd("br;q=0, gzip;q=0");
        using var response = await GraphQL.Http.SendAsync(request);

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("{", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cached_copy_is_confirmed_with_304()
    {
        var script = BuiltFiles().First(file => file.EndsWith(".js", StringComparison.Ordinal));
        using var first = await GraphQL.Http.GetAsync("/graphql/ide/" + script);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/graphql/ide/" + script);
        again.Headers.IfNoneMatch.Add(etag);
        using var response = await GraphQL.Http.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/graphql/ide/assets/not-there.js")]
    [InlineData("/graphql/ide/manifest.json")]
    [InlineData("/graphql/ide/assets/..%2F..%2Fappsettings.json")]
    [InlineData("/graphql/ide/")]
    public async Task Anything_else_under_the_IDE_path_is_not_found(string url)
    {
        using var response = await GraphQL.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The files Vite built (its manifest, in the IDE's dist folder), relative to that folder.</summary>
    private static List<string> BuiltFiles()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "src", "HeadlessReviews.Ide", "dist", "manifest.json")));
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in manifest.RootElement.EnumerateObject())
        {
            files.Add(chunk.Value.GetProperty("file").GetString()!);
            foreach (var list in (string[])["css", "assets"])
                if (chunk.Value.TryGetProperty(list, out var more)) files.UnionWith(more.EnumerateArray().Select(file => file.GetString()!));
        }
        return [.. files.Order(StringComparer.Ordinal)];
    }
}
