using System.Globalization;
using System.Text.Json.Nodes;
using HeadlessReviews.Api.Reviews.Editing;
using HeadlessReviews.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessReviews.Tests.Reviews.Editing;

/// <summary>
/// scheduleReview and the publisher behind it: hidden until its time, then published once (however many
/// instances look), dated as announced, recorded as the scheduler's doing; cancelled by unpublishing.
/// </summary>
public sealed class ScheduledPublishingTests(ApiFactory api) : ReviewEditingTest(api)
{
    private const string Revisions = "query($slug: String!) { review(slug: $slug) { status publishAt publishedAt revisions { action by } } }";

    private async Task<JsonNode> ScheduleAsync(JsonNode review, DateTimeOffset at) =>
        await ChangeAsync("scheduleReview", At(review, new { publishAt = at.ToString("O", CultureInfo.InvariantCulture) }));

    private async Task<JsonNode> AsEditorAsync(string slug) =>
        (await GraphQL.DataAsync(Revisions, new { slug }, Editor))["review"]!;

    [Fact]
    public async Task A_scheduled_review_is_the_editors_until_its_time()
    {
        var draft = await CreateAsync(NewReview(slug: "scheduled-later"));
        var at = DateTimeOffset.UtcNow.AddHours(1);

        var scheduled = await ScheduleAsync(draft, at);

        Assert.Equal("SCHEDULED", (string?)scheduled["status"]);
        var seen = await AsEditorAsync("scheduled-later");
        Assert.Equal(at.ToUnixTimeSeconds(), DateTimeOffset.Parse((string)seen["publishAt"]!, CultureInfo.InvariantCulture).ToUnixTimeSeconds());
        Assert.Equal("SCHEDULED", (string?)seen["revisions"]!.AsArray()[0]!["action"]);
        Assert.Null((await GraphQL.PostAsync("""{ review(slug: "scheduled-later") { headline } }""")).Data!["review"]);
        // Not due: a round of the publisher leaves it alone.
        await Api.Services.GetRequiredService<ScheduledPublishing>().PublishDueAsync(CancellationToken.None);
        Assert.Equal("SCHEDULED", (string?)(await AsEditorAsync("scheduled-later"))["status"]);
    }

    [Fact]
    public async Task A_past_date_and_a_published_review_are_refused()
    {
        var draft = await CreateAsync(NewReview(slug: "scheduled-refused"));
        var past = await MutateAsync("scheduleReview", At(draft, new { publishAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture) }));
        Assert.Equal(("publishAt", "OUT_OF_RANGE"), ErrorOf(past));

        var published = await ChangeAsync("publishReview", At(draft));
        var again = await MutateAsync("scheduleReview", At(published, new { publishAt = DateTimeOffset.UtcNow.AddHours(1).ToString("O", CultureInfo.InvariantCulture) }));
        Assert.Equal(("id", "INVALID_STATE"), ErrorOf(again));
    }

    [Fact]
    public async Task Unpublishing_cancels_a_schedule_and_publishing_goes_at_once()
    {
        var draft = await CreateAsync(NewReview(slug: "scheduled-cancelled"));
        var scheduled = await ScheduleAsync(draft, DateTimeOffset.UtcNow.AddHours(2));

        var cancelled = await ChangeAsync("unpublishReview", At(scheduled));
        Assert.Equal("DRAFT", (string?)cancelled["status"]);
        Assert.Null((await AsEditorAsync("scheduled-cancelled"))["publishAt"]);

        var rescheduled = await ScheduleAsync(cancelled, DateTimeOffset.UtcNow.AddHours(2));
        var now = await ChangeAsync("publishReview", At(rescheduled));
        Assert.Equal("PUBLISHED", (string?)now["status"]);
        Assert.InRange(DateTimeOffset.Parse((string)now["publishedAt"]!, CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task When_due_it_is_published_once_by_two_instances_dated_as_announced()
    {
        var draft = await CreateAsync(NewReview(slug: "scheduled-due"));
        var at = DateTimeOffset.UtcNow.AddSeconds(1.5);
        await ScheduleAsync(draft, at);
        await Eventually.TrueAsync(() => DateTimeOffset.UtcNow > at, because: "the publication time did not pass");

        await using var other = new SecondInstance(Api);
        await Task.WhenAll(
            Api.Services.GetRequiredService<ScheduledPublishing>().PublishDueAsync(CancellationToken.None),
            other.Services.GetRequiredService<ScheduledPublishing>().PublishDueAsync(CancellationToken.None));

        var review = await AsEditorAsync("scheduled-due");
        Assert.Equal("PUBLISHED", (string?)review["status"]);
        Assert.Null(review["publishAt"]);
        Assert.Equal(at.ToUnixTimeMilliseconds() / 1000, DateTimeOffset.Parse((string)review["publishedAt"]!, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() / 1000);
        var published = review["revisions"]!.AsArray().Where(revision => (string?)revision!["action"] == "PUBLISHED").ToList();
        Assert.Equal(ScheduledPublishing.ActorName, (string?)Assert.Single(published)!["by"]);
        Assert.NotNull((await GraphQL.PostAsync("""{ review(slug: "scheduled-due") { headline } }""")).Data!["review"]);
    }
}
