using System.Text.Json;
using HeadlessReviews.Api.Security;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Execution.PersistedDocuments;

/// <summary>
/// <c>POST /admin/persisted-documents</c> with an <c>ADMIN</c> token: registers trusted documents from a
/// manifest, the JSON object that persisted-document tools write (<c>{ "sha256:&lt;hex&gt;": "query …" }</c>;
/// bare hex ids too). Every id is checked against its text first; one wrong id and nothing is stored.
/// </summary>
public static class PersistedDocumentsEndpoint
{
    public const string Path = "/admin/persisted-documents";

    public static async Task<IResult> HandleAsync(HttpContext context, PersistedDocumentStore documents, IOptions<PersistedDocumentSettings> settings)
    {
        var maxManifestBytes = settings.Value.MaxManifestBytes;
        if (context.User.Identity?.IsAuthenticated != true)
            return Results.Problem("Send an ADMIN token as `Authorization: Bearer …`.", statusCode: StatusCodes.Status401Unauthorized);
        if (!context.User.IsInRole(Roles.Admin))
            return Results.Problem("Registering trusted documents needs the ADMIN role.", statusCode: StatusCodes.Status403Forbidden);
        if (context.Request.ContentLength > maxManifestBytes)
            return Results.Problem($"The manifest is larger than {maxManifestBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);

        Dictionary<string, string>? manifest;
        try
        {
            manifest = await JsonSerializer.DeserializeAsync<Dictionary<string, string>>(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException error)
        {
            return Results.Problem($"The body must be a JSON object of document ids to documents: {error.Message}", statusCode: StatusCodes.Status400BadRequest);
        }
        if (manifest is null) return Results.Problem("The body must be a JSON object of document ids to documents.", statusCode: StatusCodes.Status400BadRequest);

        var byHash = new Dictionary<string, string>(StringComparer.Ordinal);
        var wrong = new List<string>();
        foreach (var (id, text) in manifest)
        {
            if (PersistedDocument.HashOfId(id) is { } hash && PersistedDocument.HashOf(text) == hash) byHash[hash] = text;
            else wrong.Add(id);
        }
        if (wrong.Count > 0)
            return Results.Problem($"These ids are not the SHA-256 of their documents; nothing was registered: {string.Join(", ", wrong.Take(20))}",
                statusCode: StatusCodes.Status400BadRequest);

        var changed = await documents.SaveAsync(byHash, trusted: true, context.RequestAborted);
        return Results.Json(new { registered = byHash.Count, newlyTrusted = changed });
    }
}
