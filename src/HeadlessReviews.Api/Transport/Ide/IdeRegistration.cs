using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Transport.Ide;

public static class IdeRegistration
{
    public static IServiceCollection AddGraphQLIde(this IServiceCollection services, PathString graphQLPath)
    {
        services.AddOptions<IdeSettings>().BindConfiguration(IdeSettings.Section);
        services.AddSingleton<IdeAssets>();
        services.AddSingleton(provider => new IdePage(provider.GetRequiredService<IdeAssets>(), graphQLPath.Value!));
        services.AddSingleton<IdeEndpoint>();
        return services;
    }

    /// <summary>
    /// A browser's GET of <paramref name="graphQLPath"/> gets the IDE page (see <see cref="IdePageRequest"/>);
    /// its assets are under <c>{graphQLPath}/ide/</c>. Everything else goes on to the API untouched.
    /// Turned off by <c>HeadlessReviews:Ide:Enabled=false</c>: nothing is mapped.
    /// </summary>
    public static WebApplication UseGraphQLIde(this WebApplication app, PathString graphQLPath)
    {
        if (!app.Services.GetRequiredService<IOptions<IdeSettings>>().Value.Enabled) return app;

        app.Use(async (context, next) =>
        {
            if (context.Request.Path.Equals(graphQLPath, StringComparison.OrdinalIgnoreCase) && IdePageRequest.WantsPage(context.Request))
                await context.RequestServices.GetRequiredService<IdeEndpoint>().WritePageAsync(context);
            else
                await next(context);
        });
        app.MapMethods(graphQLPath + "/ide/{**file}", [HttpMethods.Get, HttpMethods.Head],
            (HttpContext context, string? file, IdeEndpoint endpoint) => endpoint.WriteAssetAsync(context, file ?? ""));

        if (!app.Services.GetRequiredService<IdeAssets>().IsBuilt)
            app.Logger.LogWarning("The GraphQL IDE is enabled but was not built into this service (built with -p:BuildIde=false); browsers opening {Path} get a 404 page.", graphQLPath);
        return app;
    }
}
