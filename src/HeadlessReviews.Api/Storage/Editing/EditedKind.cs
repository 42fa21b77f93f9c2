using JasperFx;

namespace HeadlessReviews.Api.Storage.Editing;

/// <summary>What the shared editing steps need to know of a revisioned document type.</summary>
/// <param name="TypeName">The GraphQL type name, as in global ids: <c>Film</c>.</param>
/// <param name="Noun">How messages name one: <c>film</c>.</param>
/// <param name="Table">Its Marten table (<c>Storage.Tables</c>).</param>
public sealed record EditedKind<T>(string TypeName, string Noun, string Table, Func<T, Guid> IdOf) where T : class, IRevisioned;
