using System.Text;
using HeadlessReviews.Api.Comments;
using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Images;
using HeadlessReviews.Api.People;
using HeadlessReviews.Api.Reviews;

namespace HeadlessReviews.Bench.Loader;

/// <summary>
/// The benchmark's catalogue at one scale. Every item is made from its own random stream (seed, kind,
/// index), so any item, and any id it points at, comes out the same whatever order batches are made in.
/// </summary>
internal sealed class Generator(Scale scale, int seed)
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const int TenYearsOfMinutes = 10 * 365 * 24 * 60;

    public Scale Scale { get; } = scale;

    private Random Stream(int kind, int index) => new(unchecked((seed * 486_187_739) + (kind * 16_777_619) + (index * 40_503)));

    private Guid Id(int kind, int index)
    {
        var bytes = new byte[16];
        Stream(kind + 100, index).NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public Guid PersonId(int index) => Id(1, index);
    public Guid FilmId(int index) => Id(2, index);
    public Guid ReviewId(int index) => Id(3, index);
    public Guid CommentId(int index) => Id(4, index);

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    public Person Person(int index)
    {
        var random = Stream(1, index);
        var name = $"{Pick(random, Vocabulary.FirstNames)} {Pick(random, Vocabulary.LastNames)}";
        string? bio = random.Next(10) == 0 ? null : Sentences(random, 2, mentionLove: random.Next(100) == 0);
        return new Person
        {
            Id = PersonId(index),
            Version = 1,
            Slug = $"{Slug(name)}-{index + 1}",
            Name = name,
            Bio = bio,
            Image = random.Next(2) == 0 ? null : new Image($"https://images.example.com/people/{index + 1}.jpg", $"Portrait of {name}", 400, 600),
        };
    }

    public Film Film(int index)
    {
        var random = Stream(2, index);
        var title = random.Next(33) == 0
            ? $"Love and the {Pick(random, Vocabulary.TitleNouns)}"
            : $"The {Pick(random, Vocabulary.TitleAdjectives)} {Pick(random, Vocabulary.TitleNouns)}";
        var year = 1950 + random.Next(76);
        var genres = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Pick(random, Vocabulary.Genres)).Distinct().ToList();
        var director = random.Next(Scale.People);
        return new Film
        {
            Id = FilmId(index),
            Version = 1,
            Slug = $"{Slug(title)}-{year}-{index + 1}",
            Title = title,
            Year = year,
            UkReleaseDate = new DateOnly(year, 1 + random.Next(12), 1 + random.Next(28)),
            RuntimeMinutes = 80 + random.Next(100),
            Certificate = (Certificate)random.Next(7),
            Genres = genres,
            Synopsis = Sentences(random, 3, mentionLove: random.Next(50) == 0),
            Poster = new Image($"https://images.example.com/posters/{index + 1}.jpg", $"Poster for {title}", 1000, 1500),
            DirectorIds = [.. Enumerable.Range(0, random.Next(5) == 0 ? 2 : 1).Select(i => PersonId((director + i) % Scale.People))],
            WriterIds = [.. Enumerable.Range(0, 1 + random.Next(3)).Select(_ => PersonId(random.Next(Scale.People))).Distinct()],
            Cast = [.. Enumerable.Range(0, 6 + random.Next(7)).Select(_ => random.Next(Scale.People)).Distinct()
                .Select((person, billing) => new CastMember(PersonId(person), $"{Pick(random, Vocabulary.FirstNames)} {Pick(random, Vocabulary.LastNames)}", billing + 1))],
        };
    }

    /// <summary>Film of review <paramref name="index"/>: reviews go round the films, so every film has Reviews/Films of them.</summary>
    public int FilmOfReview(int index) => index % Scale.Films;

    public Review Review(int index)
    {
        var random = Stream(3, index);
        var film = Film(FilmOfReview(index));
        var round = index / Scale.Films;
        var draft = random.Next(10) == 0;
        var publishedAt = Epoch.AddMinutes(-random.Next(TenYearsOfMinutes));
        var markdown = Body(random, film.Title, mentionLove: random.Next(50) == 0);
        return new Review
        {
            Id = ReviewId(index),
            Version = 1,
            Slug = round == 0 ? film.Slug : $"{film.Slug}-take-{round + 1}",
            Headline = round == 0 ? $"Review – {film.Title}" : $"Second look – {film.Title}",
            FilmId = film.Id,
            Byline = $"{Pick(random, Vocabulary.FirstNames)} {Pick(random, Vocabulary.LastNames)}",
            Body = ReviewBody.FromMarkdown(markdown),
            Verdict = new Verdict(random.Next(3) == 0 ? VerdictRating.Poop : VerdictRating.Pop, Sentences(random, 1, mentionLove: false)),
            Status = draft ? ReviewStatus.Draft : ReviewStatus.Published,
            PublishedAt = draft ? null : publishedAt,
            CreatedAt = publishedAt.AddDays(-2),
            UpdatedAt = draft ? publishedAt.AddDays(-1) : publishedAt,
        };
    }

    /// <summary>
    /// Comments of review <paramref name="review"/>: Comments/Reviews on average, reviews paired so that one
    /// has d more and the next d fewer (0 to 2× the average); about a third are replies, most approved.
    /// </summary>
    public (int First, int Count) CommentsOf(int review)
    {
        var average = Scale.Comments / Scale.Reviews;
        int Spread(int pair) => Stream(5, pair).Next(average + 1);
        var first = review * average + (review % 2 == 1 ? Spread(review / 2) : 0);
        var count = review % 2 == 0 ? average + Spread(review / 2) : average - Spread(review / 2);
        return (first, count);
    }

    public IEnumerable<Comment> Comments(int review)
    {
        var (first, count) = CommentsOf(review);
        var random = Stream(6, review);
        var reviewId = ReviewId(review);
        var postedAt = Epoch.AddMinutes(-random.Next(TenYearsOfMinutes / 2));
        var threadStarts = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            postedAt = postedAt.AddMinutes(1 + random.Next(600));
            var roll = random.Next(100);
            var status = roll < 85 ? CommentStatus.Approved : roll < 95 ? CommentStatus.Pending : CommentStatus.Spam;
            Guid? parent = threadStarts.Count > 0 && random.Next(3) == 0 ? threadStarts[random.Next(threadStarts.Count)] : null;
            var id = CommentId(first + i);
            if (parent is null && status == CommentStatus.Approved) threadStarts.Add(id);
            var author = $"{Pick(random, Vocabulary.FirstNames)} {Pick(random, Vocabulary.LastNames)[0]}.";
            yield return new Comment
            {
                Id = id,
                Version = 1,
                ReviewId = reviewId,
                ParentId = parent,
                AuthorName = author,
                AuthorEmail = $"reader{(first + i) % 5000}@example.com",
                Body = $"{Pick(random, Vocabulary.CommentOpeners)}. {Sentences(random, 1 + random.Next(3), mentionLove: false)}",
                PostedAt = postedAt,
                Status = status,
            };
        }
    }

    /// <summary>About 9 KB of Markdown: a standfirst naming the film, a heading, paragraphs, one pull-quote.</summary>
    private static string Body(Random random, string title, bool mentionLove)
    {
        var markdown = new StringBuilder();
        markdown.Append('*').Append(title).Append("* ").Append(Sentences(random, 4, mentionLove)).Append("\n\n");
        for (var paragraph = 0; paragraph < 12; paragraph++)
        {
            if (paragraph == 4) markdown.Append("## ").Append(Sentence(random, 4)).Append("\n\n");
            if (paragraph == 7) markdown.Append("> ").Append(Sentences(random, 2, mentionLove: false)).Append("\n\n");
            markdown.Append(Sentences(random, 6, mentionLove: false)).Append("\n\n");
        }
        return markdown.ToString();
    }

    private static string Sentences(Random random, int count, bool mentionLove)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0) text.Append(' ');
            text.Append(mentionLove && i == 0 ? "It is a film about love, " + Sentence(random, 10).ToLowerInvariant() : Sentence(random, 12 + random.Next(12)));
        }
        return text.ToString();
    }

    private static string Sentence(Random random, int words)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            var word = Pick(random, Vocabulary.Words);
            if (i == 0) text.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
            else text.Append(' ').Append(word);
        }
        return text.Append('.').ToString();
    }

    private static string Slug(string text) =>
        string.Join('-', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>How much data: S is the base, M ten times it, L a hundred times.</summary>
internal sealed record Scale(string Name, int Films, int People, int Reviews, int Comments)
{
    public static Scale Parse(string name)
    {
        var factor = name.ToUpperInvariant() switch
        {
            "S" => 1,
            "M" => 10,
            "L" => 100,
            _ => throw new ArgumentException($"unknown scale {name}: S, M or L"),
        };
        return new Scale(name.ToUpperInvariant(), 1_000 * factor, 3_000 * factor, 2_000 * factor, 20_000 * factor);
    }
}
