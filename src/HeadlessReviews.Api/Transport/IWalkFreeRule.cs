using GraphQL.Validation;

namespace HeadlessReviews.Api.Transport;

/// <summary>
/// A validation rule that decides from the operation, the variables and the parsed arguments alone: it reports
/// in <c>GetPreNodeVisitorAsync</c> (before the variables are read) or <c>GetPostNodeVisitorAsync</c> (after),
/// and never returns a visitor. A document checked only by such rules (a cached one) need not be walked again:
/// the application's validator runs them around GraphQL.NET's reading of the variables.
/// </summary>
public interface IWalkFreeRule : IValidationRule;
