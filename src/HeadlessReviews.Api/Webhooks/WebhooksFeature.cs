using HeadlessReviews.Api.Editing;
using Marten;

namespace HeadlessReviews.Api.Webhooks;

public static class WebhooksFeature
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookSettings>().BindConfiguration(WebhookSettings.Section).ValidateDataAnnotations()
            .Validate(settings => settings.Endpoints.All(IsValid),
                "Every webhook endpoint needs a Name, an absolute http(s) Url and a Secret of at least 16 characters, and names must differ.")
            .Validate(settings => settings.Endpoints.Select(endpoint => endpoint.Name).Distinct().Count() == settings.Endpoints.Count,
                "Webhook endpoint names must differ.")
            .ValidateOnStart();
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<IChangeOutbox>(provider => provider.GetRequiredService<WebhookOutbox>());
        services.AddSingleton<IConfigureMarten, WebhookMartenSetup>();
        services.AddHttpClient(WebhookDispatcher.HttpClientName);
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<WebhookDispatcher>());
        return services;
    }

    private static bool IsValid(WebhookEndpoint endpoint) =>
        endpoint.Name.Length > 0 && endpoint.Secret.Length >= 16
        && Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);

    private sealed class WebhookMartenSetup : IConfigureMarten
    {
        public void Configure(IServiceProvider services, StoreOptions options) => WebhookOutboxStorage.Configure(options);
    }
}
