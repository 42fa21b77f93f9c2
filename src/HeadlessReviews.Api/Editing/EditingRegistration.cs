namespace HeadlessReviews.Api.Editing;

public static class EditingRegistration
{
    /// <summary>What every feature's editing operations share; the operations themselves are registered by each feature.</summary>
    public static IServiceCollection AddEditing(this IServiceCollection services)
    {
        services.AddScoped<ChangeAnnouncer>();
        services.AddScoped(typeof(CatalogueEditing<,>));
        return services;
    }
}
