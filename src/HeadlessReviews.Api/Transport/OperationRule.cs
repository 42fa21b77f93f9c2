using GraphQL.Validation;
using GraphQLParser.AST;

namespace HeadlessReviews.Api.Transport;

/// <summary>
/// What each transport may run. Plain HTTP: no mutation by GET (a link or a prefetch must never change
/// data), and no subscription at all (those need a WebSocket or an event stream). An event-stream
/// response (<c>Accept: text/event-stream</c>) may carry subscriptions, by GET or POST; a WebSocket
/// runs any operation.
/// </summary>
public sealed class OperationRule(bool isGet, bool allowSubscriptions = false) : IWalkFreeRule
{
    public static readonly OperationRule ForGet = new(isGet: true);
    public static readonly OperationRule ForPost = new(isGet: false);
    public static readonly OperationRule ForGetStream = new(isGet: true, allowSubscriptions: true);
    public static readonly OperationRule ForPostStream = new(isGet: false, allowSubscriptions: true);
    public static readonly OperationRule ForSocket = new(isGet: false, allowSubscriptions: true);

    /// <summary>GraphQL's own rules plus this one, built once: what a new document is validated with.</summary>
    public IValidationRule[] AllRules => _allRules ??= [.. DocumentValidator.CoreRules, this];
    private IValidationRule[]? _allRules;

    /// <summary>What a cached document is validated with: the cache skips GraphQL's rules, never this one.</summary>
    public IValidationRule[] CachedRules => _cachedRules ??= [this];
    private IValidationRule[]? _cachedRules;

    public ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var operation = context.Operation.Operation;
        if (isGet && operation == OperationType.Mutation)
            context.ReportError(new MethodNotAllowedError("Mutations cannot be sent with GET; send them with POST."));
        else if (operation == OperationType.Subscription && !allowSubscriptions)
            context.ReportError(new ValidationError("Subscriptions need a WebSocket (graphql-transport-ws) or an event stream (Accept: text/event-stream).") { Code = "SUBSCRIPTION_NEEDS_STREAM" });
        return default;
    }

    public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => default;

    public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) => default;
}

/// <summary>Answered with HTTP 405 and <c>Allow: POST</c>.</summary>
public sealed class MethodNotAllowedError : ValidationError
{
    public MethodNotAllowedError(string message) : base(message) => Code = "METHOD_NOT_ALLOWED";
}
