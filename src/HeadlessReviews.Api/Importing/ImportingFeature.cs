using HeadlessReviews.Api.Graph;
using HeadlessReviews.Api.Importing.LegacyAddresses;
using Marten;

namespace HeadlessReviews.Api.Importing;

/// <summary>Bringing content in from other systems: for now, the old addresses of imported items.</summary>
public static class ImportingFeature
{
    public static IServiceCollection AddImporting(this IServiceCollection services)
    {
        services.ConfigureMarten(options => options.Schema.For<LegacyAddress>());
        services.AddSingleton<IQueryFields, LegacyAddressQueries>();
        return services;
    }
}
