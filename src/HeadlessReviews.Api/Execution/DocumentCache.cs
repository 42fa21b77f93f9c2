using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Execution;

/// <summary>
/// Keeps documents that parsed and validated, keyed by their text, so a frontend's repeated queries
/// skip the parser and the validator (measured: a large share of a small query's cost).
/// </summary>
/// <remarks>
/// Our own, not a GraphQL.NET base type: the GraphQL 8.8.5 package ships no <c>GraphQL.Caching</c>
/// namespace, <c>IDocumentCache</c> or <c>DocumentCache</c> (checked in its assembly and XML docs);
/// its <c>MemoryDocumentCache</c> is the separate GraphQL.MemoryCache package, which we do not take in.
/// This step works the same way that one does (an <see cref="IConfigureExecution"/> that sets
/// <c>Document</c> and the cached-document rules on a hit).
/// </remarks>
public sealed class DocumentCache(IOptions<ExecutionSettings> settings) : IConfigureExecution
{
    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);
    private readonly int _capacity = settings.Value.DocumentCacheSize;

    // Runs after the settings that fill in the query, before execution.
    public float SortOrder => 200;

    public int Count => _documents.Count;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is null || _capacity <= 0)
            return await next(options).ConfigureAwait(false);

        var hit = _documents.TryGetValue(options.Query, out var document);
        if (hit)
        {
            options.Document = document;
            // Validation rules do not depend on variables or the operation name, so a document that
            // validated once needs only the rules GraphQL.NET marks for cached documents.
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
        }

        var result = await next(options).ConfigureAwait(false);

        if (!hit && result.Executed && result.Document is not null)
        {
            // A full cache is emptied rather than tracked per entry: simple, and a working set of
            // frontend queries refills it at once.
            if (_documents.Count >= _capacity) _documents.Clear();
            _documents.TryAdd(options.Query, result.Document);
        }
        return result;
    }
}
