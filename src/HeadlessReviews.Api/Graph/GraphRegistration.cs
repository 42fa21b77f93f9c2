using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.DI;
using GraphQL.Types;
using GraphQLParser.AST;
using HeadlessReviews.Api.Accounts;
using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Demo;
using HeadlessReviews.Api.Editing;
using HeadlessReviews.Api.Execution;
using HeadlessReviews.Api.Execution.PersistedDocuments;
using HeadlessReviews.Api.Telemetry;
using HeadlessReviews.Api.Webhooks;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Graph.Mutations;
using HeadlessReviews.Api.Graph.Paging;
using HeadlessReviews.Api.Importing;
using HeadlessReviews.Api.Graph.Scalars;
using HeadlessReviews.Api.People;
using HeadlessReviews.Api.RateLimiting;
using HeadlessReviews.Api.Reviews;
using HeadlessReviews.Api.Search;
using HeadlessReviews.Api.Security;

namespace HeadlessReviews.Api.Graph;

public static class GraphRegistration
{
    /// <summary>The schema (a singleton built at start), every feature's fields, loaders and the execution pipeline.</summary>
    public static WebApplicationBuilder AddHeadlessReviewsGraph(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PagingSettings>().BindConfiguration(PagingSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ExecutionSettings>().BindConfiguration(ExecutionSettings.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        // Identity first: every feature below uses the Viewer and Roles of Security/.
        services.AddSecurity();

        services.AddRateLimiting();
        services.AddAccounts().AddFilms().AddPeople().AddReviews().AddComments().AddSearch().AddDemoCatalogue();
        services.AddEditing().AddWebhooks();
        services.AddImporting();
        services.AddSingleton<IQueryFields, NodeQueries>();

        // The schema takes its built-in scalars from DI: these stand in for String and ID everywhere, so
        // every String and ID input, in variables or in the document, is checked once (StorableText).
        services.AddSingleton<StringGraphType, StorableStringType>();
        services.AddSingleton<IdGraphType, StorableIdType>();

        // Generic graph types are not found by the assembly scan.
        services.AddSingleton(typeof(ConnectionType<,>));
        services.AddSingleton(typeof(EdgeType<,>));
        services.AddSingleton(typeof(PayloadType<,>));

        services.AddGraphQL(graph => graph
            .AddSchema<HeadlessReviewsSchema>()
            // Responses are JSON documents, never inlined into HTML: keep accents and emoji as they are.
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddGraphTypes(typeof(GraphRegistration).Assembly)
            // Resolvers share one Marten session per request, which is not thread-safe: resolve
            // fields one at a time. Batching loaders still gather a whole level's keys first.
            .AddExecutionStrategy<TimeLimitedSerialStrategy>(OperationType.Query)
            .AddExecutionStrategy<TimeLimitedSerialStrategy>(OperationType.Mutation)
            .AddExecutionStrategy<ScopePerEventStrategy>(OperationType.Subscription)
            .AddUnhandledExceptionHandler(UnhandledErrors.Handle)
            .AddQueryLimits()
            .AddErrorInfoProvider<ErrorDetails>()
            .AddSchemaVisitor<FieldAuthorization>());
        // One cache instance, reachable as itself (tests, metrics) and as an execution step.
        services.AddSingleton<IConfigureExecution, GraphQLActivities>();
        services.AddPersistedDocuments();
        services.AddSingleton<DocumentCache>();
        services.AddSingleton<IConfigureExecution>(provider => provider.GetRequiredService<DocumentCache>());
        services.AddSingleton<IConfigureExecution, DocumentBounds>();
        // Registered after GraphQL.NET's, so it is the one the executer gets.
        services.AddSingleton<GraphQL.Validation.IDocumentValidator, BoundedDocumentValidator>();
        return builder;
    }
}
