using JasperFx;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using HeadlessReviews.Api.Storage.Sessions;
using Weasel.Core;

namespace HeadlessReviews.Api.Storage;

public static class StorageRegistration
{
    /// <summary>Marten on PostgreSQL (connection string <c>ConnectionStrings:Reviews</c>), the start-up database wait and schema check.</summary>
    public static WebApplicationBuilder AddHeadlessReviewsStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageSettings>().BindConfiguration(StorageSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        var isDevelopment = builder.Environment.IsDevelopment();

        builder.Services.AddMarten(services =>
        {
            var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString("Reviews");
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("ConnectionStrings:Reviews is not set. Run deploy/local/run.sh, or set ConnectionStrings__Reviews to an Npgsql connection string.");

            var settings = services.GetRequiredService<IOptions<StorageSettings>>().Value;
            // Set for every session the server opens for us; the NOTIFY listener and the start-up check use their own connections.
            var sessionOptions = new NpgsqlConnectionStringBuilder(connectionString);
            sessionOptions.Options = settings.SessionOptions(sessionOptions.Options);
            connectionString = sessionOptions.ConnectionString;
            var options = new StoreOptions();
            options.Connection(new NpgsqlConnectionStringBuilder(connectionString)
            {
                Timeout = settings.ConnectTimeoutSeconds,
                MaxPoolSize = settings.EffectiveMaxPoolSize,
                // The service never leaves session state behind (no SET, session locks or LISTEN on these
                // connections), so the DISCARD ALL round trip on every return to the pool buys nothing; it would
                // also drop the prepared statements. statement_timeout is a start-up option and stays either way.
                NoResetOnClose = true,
                MaxAutoPrepare = settings.MaxAutoPrepare,
            }.ConnectionString);
            options.UseSystemTextJsonForSerialization(EnumStorage.AsString);
            options.Serializer(new NestedRowJsonSerializer(options.Serializer()));
            options.Logger(new OutageAwareMartenLogger(services.GetRequiredService<ILogger<IDocumentStore>>(), services.GetRequiredService<DatabaseOutage>));
            // Schema changes happen at start-up (DatabaseStartup), never in the middle of a request.
            options.AutoCreateSchemaObjects = isDevelopment ? AutoCreate.CreateOrUpdate : AutoCreate.None;
            return options;
        }).BuildSessionsWith<ScopedSessionFactory>(ServiceLifetime.Scoped);
        builder.Services.AddScoped<AmbientTransaction>();

        builder.Services.AddSingleton<DatabaseWait>();
        builder.Services.AddSingleton<DatabaseOutage>();
        builder.Services.AddSingleton<DatabaseStartup>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<DatabaseStartup>());
        return builder;
    }
}
