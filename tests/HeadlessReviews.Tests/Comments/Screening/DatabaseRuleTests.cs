using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Comments.Screening;
using HeadlessReviews.Api.RateLimiting;
using HeadlessReviews.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HeadlessReviews.Tests.Comments.Screening;

/// <summary>The rules and the clean-up that ask PostgreSQL, against the test database; each test removes what it stored.</summary>
public sealed class DatabaseRuleTests(ApiFactory api) : ApiTest(api), IAsyncLifetime
{
    private readonly List<Guid> _stored = [];
    private readonly IOptions<ScreeningSettings> _settings = Options.Create(new ScreeningSettings());

    private ClientAddressHasher Hasher => Api.Services.GetRequiredService<ClientAddressHasher>();

    private async Task StoreAsync(params Comment[] comments)
    {
        await using var session = Api.Store.LightweightSession();
        foreach (var comment in comments)
        {
            comment.Id = Guid.NewGuid();
            comment.ReviewId = comment.ReviewId == Guid.Empty ? Guid.NewGuid() : comment.ReviewId;
            if (comment.PostedAt == default) comment.PostedAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            _stored.Add(comment.Id);
            session.Store(comment);
        }
        await session.SaveChangesAsync();
    }

    private CommentHistory History(IQuerySession session) => new(session, Hasher, _settings, TimeProvider.System);

    private async Task<bool> ApprovedBeforeAsync(IQuerySession session, string name, string email, CancellationToken cancellationToken) =>
        (await History(session).OfAsync(Submissions.Reader() with { AuthorName = name, AuthorEmail = email }, cancellationToken)).ApprovedBefore;

    private async Task<ScreeningFinding?> EvaluateAsync(Func<IQuerySession, IScreeningRule> rule, CommentSubmission submission)
    {
        await using var session = Api.Store.QuerySession();
        Api.RoundTrips.Reset();
        var finding = await rule(session).EvaluateAsync(submission, CancellationToken.None);
        Assert.Equal(1, Api.RoundTrips.Count);
        return finding;
    }

    [Fact]
    public async Task The_same_body_posted_again_and_again_on_any_review_is_spam()
    {
        var body = $"Visit my profile for free tickets {Guid.NewGuid():N}";
        RepeatedBodyRule Rule(IQuerySession session) => new(History(session), _settings);

        await StoreAsync(new Comment { Body = body, Status = CommentStatus.Spam }, new Comment { Body = body + " (other)" });
        Assert.Null(await EvaluateAsync(Rule, Submissions.Reader(body)));

        // Case and spacing differ; an old copy outside the window does not count.
        await StoreAsync(new Comment { Body = "  " + body.ToUpperInvariant().Replace(" ", "\n  ", StringComparison.Ordinal) },
            new Comment { Body = body, PostedAt = DateTimeOffset.UtcNow.AddDays(-3) });
        var finding = await EvaluateAsync(Rule, Submissions.Reader(body));
        Assert.Equal(SpamVerdict.Spam, finding?.Verdict);
        Assert.Equal("same text posted 3 times within 24 h", finding!.Reason);
    }

    [Fact]
    public async Task A_short_body_repeated_is_only_held()
    {
        var body = $"Great film {Guid.NewGuid().ToString("N")[..4]}";
        await StoreAsync(new Comment { Body = body }, new Comment { Body = body });
        var finding = await EvaluateAsync(session => new RepeatedBodyRule(History(session), _settings), Submissions.Reader(body));
        Assert.Equal(SpamVerdict.Unsure, finding?.Verdict);
    }

    [Fact]
    public async Task Many_comments_from_one_address_or_email_are_held_then_spam()
    {
        var address = $"198.51.100.{Random.Shared.Next(1, 254)}";
        var email = $"flood-{Guid.NewGuid():N}@example.org";
        var submission = Submissions.Reader() with { ClientAddress = address, AuthorEmail = email.ToUpperInvariant() };
        AuthorFloodRule Rule(IQuerySession session) => new(History(session), _settings);

        await StoreAsync([.. Enumerable.Range(0, 4).Select(_ => new Comment { ClientAddressHash = Hasher.Hash(address), AuthorEmail = "someone@example.org" })]);
        // Old ones do not count.
        await StoreAsync(new Comment { ClientAddressHash = Hasher.Hash(address), PostedAt = DateTimeOffset.UtcNow.AddHours(-1) });
        Assert.Null(await EvaluateAsync(Rule, submission));

        await StoreAsync(new Comment { ClientAddressHash = Hasher.Hash(address) });
        var held = await EvaluateAsync(Rule, submission);
        Assert.Equal(SpamVerdict.Unsure, held?.Verdict);
        Assert.Equal("6 comments from one address within 10 min", held!.Reason);

        // The same e-mail from many addresses is a flood too.
        await StoreAsync([.. Enumerable.Range(0, 10).Select(n => new Comment { AuthorEmail = email, ClientAddressHash = Hasher.Hash($"192.0.2.{n}") })]);
        var spam = await EvaluateAsync(Rule, submission with { ClientAddress = "192.0.2.200" });
        Assert.Equal(SpamVerdict.Spam, spam?.Verdict);
        Assert.Equal("11 comments from one e-mail within 10 min", spam!.Reason);
    }

    [Fact]
    public async Task Both_rules_and_the_known_commenter_check_share_one_round_trip()
    {
        var email = $"known-{Guid.NewGuid():N}@example.org";
        var body = $"Seen it twice now {Guid.NewGuid():N}";
        await StoreAsync(new Comment { AuthorName = "Ann Smith", AuthorEmail = email, Body = body, Status = CommentStatus.Approved },
            new Comment { AuthorName = "Ann Smith", AuthorEmail = email, Body = body, Status = CommentStatus.Approved });
        var submission = Submissions.Reader(body) with { AuthorName = "Ann Smith", AuthorEmail = email };

        await using var session = Api.Store.QuerySession();
        var history = History(session);
        Api.RoundTrips.Reset();
        var repeated = await new RepeatedBodyRule(history, _settings).EvaluateAsync(submission, CancellationToken.None);
        var flood = await new AuthorFloodRule(history, _settings).EvaluateAsync(submission, CancellationToken.None);
        var counts = await history.OfAsync(submission, CancellationToken.None);

        Assert.Equal(1, Api.RoundTrips.Count);
        Assert.Equal(SpamVerdict.Spam, repeated?.Verdict);
        Assert.Null(flood);
        Assert.Equal(new CommentHistoryCounts(SameBody: 2, FromAddress: 0, FromEmail: 2, ApprovedBefore: true), counts);
    }

    [Fact]
    public async Task Approved_commenters_are_recognised_by_name_and_email_together()
    {
        var email = $"known-{Guid.NewGuid():N}@example.org";
        await StoreAsync(new Comment { AuthorName = "Ann  Smith", AuthorEmail = email, Status = CommentStatus.Pending });
        await using var session = Api.Store.QuerySession();
        Assert.False(await ApprovedBeforeAsync(session, "Ann Smith", email, CancellationToken.None));
        await StoreAsync(new Comment { AuthorName = "Ann  Smith", AuthorEmail = email, Status = CommentStatus.Approved });

        // Case and runs of white space do not matter, in either.
        Assert.True(await ApprovedBeforeAsync(session, "ann smith", email.ToUpperInvariant(), CancellationToken.None));
        // The e-mail alone is not enough (anyone may type it), nor the name alone.
        Assert.False(await ApprovedBeforeAsync(session, "Someone Else", email, CancellationToken.None));
        Assert.False(await ApprovedBeforeAsync(session, "Ann Smith", $"other-{Guid.NewGuid():N}@example.org", CancellationToken.None));
    }

    // Retention runs "in 2001", so the demo catalogue's spam (years later) is never touched by these tests.
    private static readonly DateTimeOffset RetentionNow = new(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private SpamRetention Retention() => new(Api.Store, Options.Create(new SpamRetentionSettings()), new FixedClock(RetentionNow));

    [Fact]
    public async Task Retention_deletes_only_spam_past_its_keeping_time()
    {
        var old = RetentionNow.AddDays(-31);
        await StoreAsync(
            new Comment { Body = "old spam", Status = CommentStatus.Spam, PostedAt = old },
            new Comment { Body = "new spam", Status = CommentStatus.Spam, PostedAt = RetentionNow.AddDays(-29) },
            new Comment { Body = "old spam judged lately", Status = CommentStatus.Spam, PostedAt = old, ModeratedAt = RetentionNow.AddDays(-2) },
            new Comment { Body = "old approved", Status = CommentStatus.Approved, PostedAt = old },
            new Comment { Body = "old pending", Status = CommentStatus.Pending, PostedAt = old },
            new Comment { Body = "old trash", Status = CommentStatus.Trash, PostedAt = old });

        Assert.Equal(1, await Retention().DeleteOldSpamAsync(CancellationToken.None));

        await using var session = Api.Store.QuerySession();
        var left = await session.LoadManyAsync<Comment>(_stored);
        Assert.Equal(["new spam", "old approved", "old pending", "old spam judged lately", "old trash"], left.Select(comment => comment.Body).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Retention_skips_a_round_while_another_instance_holds_the_lock()
    {
        await StoreAsync(new Comment { Body = "old spam", Status = CommentStatus.Spam, PostedAt = RetentionNow.AddDays(-40) });
        await using var other = new NpgsqlConnection(Api.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand($"select pg_advisory_xact_lock({SpamRetention.LockKey})", other, transaction))
            await hold.ExecuteNonQueryAsync();

        Assert.Null(await Retention().DeleteOldSpamAsync(CancellationToken.None));
        await transaction.RollbackAsync();
        Assert.Equal(1, await Retention().DeleteOldSpamAsync(CancellationToken.None));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await using var session = Api.Store.LightweightSession();
        foreach (var id in _stored) session.Delete<Comment>(id);
        await session.SaveChangesAsync();
    }
}
