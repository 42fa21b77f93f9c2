using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Execution.PersistedDocuments;

/// <summary>
/// Runs documents sent by id instead of text, on every transport: GraphQL's trusted documents
/// (<c>documentId: "sha256:&lt;hex&gt;"</c>) and Apollo's automatic persisted queries
/// (<c>extensions.persistedQuery { version: 1, sha256Hash }</c>; an unknown hash answers
/// <c>PersistedQueryNotFound</c>, and the client sends the text with the hash once to register it;
/// it is stored only if it is small enough and runs, and callers without a token register at a limited rate).
/// In <see cref="PersistedDocumentMode.TrustedOnly"/> mode a caller without a token runs only what an
/// admin registered.
/// </summary>
/// <remarks>
/// Not GraphQL.NET's <c>PersistedDocumentHandler</c>/<c>IPersistedDocumentLoader</c>, which was run over
/// the same requests to see: it handles <c>documentId</c> only, and answers a hash-only APQ request
/// <c>DOCUMENT_ID_MISSING</c> before any APQ step after it could (so APQ registration, its hash check,
/// size cap and rate limit would need this step anyway, ahead of it); it refuses <c>query</c> with
/// <c>documentId</c> (<c>INVALID_REQUEST</c>), where this step checks the hash and registers; its codes
/// are <c>DOCUMENT_NOT_FOUND</c>/<c>DOCUMENT_ID_INVALID</c> where clients of ours read
/// <c>PERSISTED_QUERY_NOT_FOUND</c> (Apollo's <c>PersistedQueryNotFound</c>) and
/// <c>PERSISTED_DOCUMENT_ID_INVALID</c>; and its <c>AllowOnlyPersistedDocuments</c> is one switch for
/// every caller, where <see cref="PersistedDocumentMode.TrustedOnly"/> binds only callers without a
/// token, and to admin-registered documents, not any stored one.
/// </remarks>
public sealed class PersistedDocumentResolver(
    PersistedDocumentStore documents,
    PersistedDocumentRegistrations registrations,
    IOptions<PersistedDocumentSettings> settings,
    ILogger<PersistedDocumentResolver> logger) : IConfigureExecution
{
    // After the options are filled in, before the document cache looks the text up.
    public float SortOrder => 150;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var trustedOnly = settings.Value.Mode == PersistedDocumentMode.TrustedOnly && options.User?.Identity?.IsAuthenticated != true;
        var (hash, refusal) = RequestedHash(options);
        if (refusal is not null) return Refused(refusal);

        if (hash is null)
        {
            return trustedOnly
                ? Refused(new ExecutionError("This service runs only registered documents for callers without a token; send a `documentId`.") { Code = "PERSISTED_DOCUMENT_REQUIRED" })
                : await next(options).ConfigureAwait(false);
        }

        var stored = await documents.FindAsync(hash, options.CancellationToken).ConfigureAwait(false);
        if (options.Query is { } text)
        {
            // Registering (automatic persisted queries): the text must be what the hash says.
            if (PersistedDocument.HashOf(text) != hash)
                return Refused(new ExecutionError("The document's SHA-256 is not the hash sent with it.") { Code = "PERSISTED_QUERY_HASH_MISMATCH" });
            if (trustedOnly && stored?.Trusted != true)
                return Refused(new ExecutionError("Only documents an admin registered run here; this one is not among them.") { Code = "PERSISTED_DOCUMENT_NOT_TRUSTED" });
            if (stored is not null) return await next(options).ConfigureAwait(false);
            if (await registrations.RefusalAsync(options, text).ConfigureAwait(false) is { } notStored) return Refused(notStored);
            var result = await next(options).ConfigureAwait(false);
            // Stored only once it parsed and validated (limits included), as the document cache keeps only those:
            // an invalid document answers its errors and takes no room.
            if (result.Executed) await SaveAsync(hash, text, options.CancellationToken).ConfigureAwait(false);
            return result;
        }

        if (stored is null || (trustedOnly && !stored.Trusted))
            // The message is the one Apollo's clients look for before sending the text.
            return Refused(new ExecutionError("PersistedQueryNotFound") { Code = "PERSISTED_QUERY_NOT_FOUND" });
        options.Query = stored.Text;
        return await next(options).ConfigureAwait(false);
    }

    private async Task SaveAsync(string hash, string text, CancellationToken cancellationToken)
    {
        try
        {
            await documents.SaveAsync([new(hash, text)], trusted: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Npgsql.NpgsqlException error)
        {
            // The request has run; it answers as it did, and the client sends the text again next time.
            logger.LogWarning(error, "Storing a persisted document failed");
        }
    }

    /// <summary>The hash a request names, from <c>documentId</c> or <c>extensions.persistedQuery</c>; or why it is unusable.</summary>
    private static (string? Hash, ExecutionError? Refusal) RequestedHash(ExecutionOptions options)
    {
        if (options.DocumentId is { } id)
        {
            return PersistedDocument.HashOfId(id) is { } hash
                ? (hash, null)
                : (null, new ExecutionError("`documentId` must be `sha256:` and 64 lower-case hex digits.") { Code = "PERSISTED_DOCUMENT_ID_INVALID" });
        }
        if (options.Extensions?.TryGetValue("persistedQuery", out var value) != true) return (null, null);
        if (value is not IDictionary<string, object?> persisted
            || !persisted.TryGetValue("version", out var version) || version?.ToString() != "1"
            || !persisted.TryGetValue("sha256Hash", out var sha) || sha is not string apqHash || !PersistedDocument.IsHash(apqHash))
            return (null, new ExecutionError("`extensions.persistedQuery` must be `{ \"version\": 1, \"sha256Hash\": \"<64 hex digits>\" }`.") { Code = "PERSISTED_QUERY_INVALID" });
        return (apqHash, null);
    }

    private static ExecutionResult Refused(ExecutionError error)
    {
        var result = new ExecutionResult { Executed = false };
        result.AddError(error);
        return result;
    }
}
