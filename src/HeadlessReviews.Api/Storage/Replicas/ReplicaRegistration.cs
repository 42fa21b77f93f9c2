using GraphQL.DI;
using Marten;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Storage.Replicas;

public static class ReplicaRegistration
{
    /// <summary>
    /// Anonymous queries on PostgreSQL standbys when <c>ConnectionStrings:ReviewsReadOnly</c> is set
    /// (<see cref="ReplicaSettings"/>); unset, nothing changes: every session is the primary's.
    /// </summary>
    public static WebApplicationBuilder AddHeadlessReviewsReadReplicas(this WebApplicationBuilder builder)
    {
        var readOnly = builder.Configuration.GetConnectionString(ReplicaSettings.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(readOnly)) return builder;

        var services = builder.Services;
        services.AddOptions<ReplicaSettings>().BindConfiguration(ReplicaSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => new ReadOnlyConnection(readOnly, provider.GetRequiredService<IOptions<StorageSettings>>().Value, provider.GetRequiredService<IDocumentStore>()));
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<StandbyLag>(provider, readOnly));
        services.AddHostedService(provider => provider.GetRequiredService<StandbyLag>());
        services.AddScoped<ReadRouting>();
        // Registered after Marten's, so it is the request's IQuerySession.
        services.AddScoped<IQuerySession>(provider => provider.GetRequiredService<ReadRouting>().OpenSession());
        services.AddSingleton<IConfigureExecution, StandbyReadListener>();
        return builder;
    }
}
