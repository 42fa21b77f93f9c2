using HeadlessReviews.Api.Execution.Warmup;
using HeadlessReviews.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessReviews.Tests.Execution;

/// <summary>The start-up warm-up runs the pages' documents against the real schema and catalogue without an error.</summary>
public sealed class WarmupTests(ApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task A_start_runs_the_list_and_the_page_documents_without_errors()
    {
        Assert.NotNull(await GraphQL.DataAsync("{ reviews(first: 1) { nodes { slug } } }")); // the catalogue is in place
        await using var warmed = Api.WithWebHostBuilder(builder => builder.UseSetting("HeadlessReviews:Warmup:Enabled", "true"));
        _ = warmed.Server; // starts the host

        var succeeded = await warmed.Services.GetRequiredService<ExecutionWarmup>().Completion.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, succeeded);
    }

    [Fact]
    public async Task Turned_off_it_runs_nothing()
    {
        Assert.Equal(0, await Api.Services.GetRequiredService<ExecutionWarmup>().Completion);
    }
}
