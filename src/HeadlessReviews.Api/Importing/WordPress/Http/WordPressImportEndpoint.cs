using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using HeadlessReviews.Api.Importing.WordPress.Import;
using HeadlessReviews.Api.Importing.WordPress.Wxr;
using HeadlessReviews.Api.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Importing.WordPress.Http;

/// <summary>
/// <c>POST /admin/import/wordpress</c> for hosted deployments: the export is the request body (streamed to a temporary
/// file, at most <see cref="ImportSettings.MaxUploadBytes"/>: 413 past it), the options are query parameters
/// (<c>dryRun</c>, <c>reviewTitlePattern</c>, <c>reviewCategory</c>, <c>mediaBaseUrl</c>), and the answer is the report
/// (200). With <c>Accept: application/x-ndjson</c> progress lines come first and the report last. ADMIN only (no
/// token: 401, another role: 403); a broken file is 422 with its line and position, a running import 409.
/// </summary>
public static class WordPressImportEndpoint
{
    public const string Path = "/admin/import/wordpress";
    public const string NdJson = "application/x-ndjson";
    private static readonly JsonSerializerOptions Json = new(ImportReport.Json) { WriteIndented = false };

    public static IEndpointRouteBuilder MapWordPressImport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context, Viewer viewer, WordPressImporter importer, IOptions<ImportSettings> settings)
    {
        if (!viewer.IsAuthenticated)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "AUTH_NOT_AUTHENTICATED",
                viewer.AuthenticationFailure ?? "The import needs an API token with the role ADMIN: send `Authorization: Bearer <token>`.");
            return;
        }
        if (!viewer.IsInRole(Roles.Admin))
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "AUTH_FORBIDDEN", "The import needs the role ADMIN.");
            return;
        }
        var (options, problem) = Options(context.Request.Query);
        if (options is null)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "BAD_REQUEST", problem!);
            return;
        }

        var limit = settings.Value.MaxUploadBytes;
        if (context.Request.ContentLength > limit)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE", $"The export is larger than {limit:N0} bytes (HeadlessReviews:Import:MaxUploadBytes).");
            return;
        }
        // Our own limit, counted while streaming (Kestrel's request-wide one is for GraphQL requests).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = null;

        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"hr-wordpress-import-{Guid.NewGuid():N}.xml");
        try
        {
            if (!await SaveBodyAsync(context, file, limit))
            {
                await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE", $"The export is larger than {limit:N0} bytes (HeadlessReviews:Import:MaxUploadBytes).");
                return;
            }
            var streamed = context.Request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals(NdJson, StringComparison.OrdinalIgnoreCase));
            if (streamed) await StreamAsync(context, importer, file, options);
            else await AnswerAsync(context, importer, file, options);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task AnswerAsync(HttpContext context, WordPressImporter importer, string file, WordPressImportOptions options)
    {
        ImportReport report;
        try
        {
            report = await importer.RunAsync(file, options, null, context.RequestAborted);
        }
        catch (Exception error) when (Refusal(error) is { } refusal)
        {
            await RefuseAsync(context, refusal.Status, refusal.Code, error.Message, refusal.Extra);
            return;
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(report.ToJson(), context.RequestAborted);
    }

    /// <summary>
    /// Progress lines while the import writes, the report last. Nothing is sent until the file was read whole and the
    /// lock taken, so a broken file or a running import is still a plain 422 or 409.
    /// </summary>
    private static async Task StreamAsync(HttpContext context, WordPressImporter importer, string file, WordPressImportOptions options)
    {
        var lines = Channel.CreateBounded<ImportProgress>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
        var progress = new Progress(lines.Writer);
        var run = Task.Run(async () =>
        {
            try { return await importer.RunAsync(file, options, progress, context.RequestAborted); }
            finally { lines.Writer.TryComplete(); }
        });

        var started = false;
        await foreach (var line in lines.Reader.ReadAllAsync(context.RequestAborted))
        {
            if (line.Phase == "reading") continue;
            if (!started)
            {
                started = true;
                context.Response.ContentType = $"{NdJson}; charset=utf-8";
            }
            await WriteLineAsync(context, new { type = "progress", phase = line.Phase, itemsDone = line.ItemsDone, itemsTotal = line.ItemsTotal,
                commentsDone = line.CommentsDone, commentsTotal = line.CommentsTotal, itemsPerSecond = Math.Round(line.ItemsPerSecond, 1),
                secondsLeft = line.Remaining is { } left ? Math.Round(left.TotalSeconds) : (double?)null });
        }

        ImportReport report;
        try
        {
            report = await run;
        }
        catch (Exception error) when (Refusal(error) is { } refusal)
        {
            if (!started) await RefuseAsync(context, refusal.Status, refusal.Code, error.Message, refusal.Extra);
            else await WriteLineAsync(context, new { type = "error", code = refusal.Code, message = error.Message });
            return;
        }
        if (!started) context.Response.ContentType = $"{NdJson}; charset=utf-8";
        await WriteLineAsync(context, new { type = "report", report });
    }

    private static async Task WriteLineAsync(HttpContext context, object value)
    {
        await context.Response.WriteAsync(JsonSerializer.Serialize(value, Json) + "\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    /// <summary>Copies the body to <paramref name="file"/>; false once it passes <paramref name="limit"/>.</summary>
    private static async Task<bool> SaveBodyAsync(HttpContext context, string file, long limit)
    {
        await using var output = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            total += read;
            if (total > limit) return false;
            await output.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
        }
        return true;
    }

    private sealed record RefusalKind(int Status, string Code, object? Extra);

    private static RefusalKind? Refusal(Exception error) => error switch
    {
        WxrFormatException format => new(StatusCodes.Status422UnprocessableEntity, "INVALID_WXR", new { line = format.LineNumber, position = format.LinePosition }),
        ImportAlreadyRunningException => new(StatusCodes.Status409Conflict, "IMPORT_RUNNING", null),
        _ => null,
    };

    /// <summary>The import's options from the query, or what is wrong with them.</summary>
    private static (WordPressImportOptions? Options, string? Problem) Options(IQueryCollection query)
    {
        Regex? pattern = null;
        if (query["reviewTitlePattern"].ToString() is { Length: > 0 } text && (pattern = WordPressImportOptions.TitlePattern(text, out var problem)) is null)
            return (null, $"`reviewTitlePattern` {problem}");
        Uri? media = null;
        if (query["mediaBaseUrl"].ToString() is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out media) && media.Scheme is "http" or "https"))
            return (null, "`mediaBaseUrl` must be an absolute http(s) address.");
        var dryRun = false;
        if (query["dryRun"].ToString() is { Length: > 0 } flag && !bool.TryParse(flag, out dryRun))
            return (null, "`dryRun` must be true or false.");
        return (new WordPressImportOptions
        {
            DryRun = dryRun,
            ReviewTitlePattern = pattern,
            ReviewCategory = query["reviewCategory"].ToString() is { Length: > 0 } category ? category : null,
            MediaBaseUrl = media,
        }, null);
    }

    private static async Task RefuseAsync(HttpContext context, int status, string code, string message, object? extra = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { code, message, details = extra }, Json), context.RequestAborted);
    }

    /// <summary>Reports on the importer's thread, read by the response: a slow client drops old lines, never slows the import.</summary>
    private sealed class Progress(ChannelWriter<ImportProgress> writer) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => writer.TryWrite(value);
    }
}
