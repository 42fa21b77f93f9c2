using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
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
using HeadlessReviews.Api.People;
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

        services.AddAccounts().AddFilms().AddPeople().AddReviews().AddComments().AddSearch().AddDemoCatalogue();
        services.AddEditing().AddWebhooks();
        services.AddSingleton<IQueryFields, NodeQueries>();

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
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
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
        return builder;
    }
}
