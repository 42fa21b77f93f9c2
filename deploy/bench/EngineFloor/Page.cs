namespace HeadlessReviews.Bench.EngineFloor;

// The review page as the service answers it, read from its JSON (web casing).
public sealed record PageData(PageRoot Data);
public sealed record PageRoot(Review? Review);

public sealed record Review(string Id, string Headline, string Byline, string PublishedAt, Verdict Verdict, Body Body, Film Film,
    int CommentCount, CommentPage Comments);
public sealed record Verdict(string Rating, string Summary);
public sealed record Body(string Html, List<string> PullQuotes);
public sealed record Film(string Title, int Year, int? RuntimeMinutes, string? CertificateLabel, List<string> Genres, Poster? Poster,
    List<Person> Directors, List<Person> Writers, List<CastMember> Cast);
public sealed record Poster(string Url, string? AltText);
public sealed record Person(string Name, string Slug);
public sealed record CastMember(int Billing, string? Character, Person Person);
public sealed record CommentPage(List<Comment> Nodes);
public sealed record Comment(string Id, string AuthorName, string PostedAt, string Html, List<Comment>? Replies);
