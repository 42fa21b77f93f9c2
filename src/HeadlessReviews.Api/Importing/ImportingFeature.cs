using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Importing.LegacyAddresses;
using HeadlessReviews.Api.Importing.WordPress.Http;
using HeadlessReviews.Api.Importing.WordPress.Import;
using Marten;

namespace HeadlessReviews.Api.Importing;

/// <summary>Bringing content in from other systems: the WordPress importer, its records, and the old addresses of imported items.</summary>
public static class ImportingFeature
{
    public static IServiceCollection AddImporting(this IServiceCollection services)
    {
        services.ConfigureMarten(options =>
        {
            options.Schema.For<LegacyAddress>();
            options.Schema.For<ImportRecord>().Duplicate(record => record.Site);
        });
        services.AddSingleton<IQueryFields, LegacyAddressQueries>();
        services.AddScoped<PostImport>();
        services.AddSingleton<WordPressImporter>();
        services.AddOptions<ImportSettings>().BindConfiguration(ImportSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
