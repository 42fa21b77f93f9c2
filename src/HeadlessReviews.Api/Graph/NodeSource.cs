using GraphQL.DataLoader;

namespace HeadlessReviews.Api.Graph;

/// <summary>
/// How <c>node(id:)</c> fetches one type: a feature registers one per type it owns. The loader must
/// return null for objects the caller may not see (a draft, for the public), exactly as for missing ones.
/// </summary>
public sealed record NodeSource(string TypeName, Func<IServiceProvider, Guid, IDataLoaderResult<object?>> Load);
