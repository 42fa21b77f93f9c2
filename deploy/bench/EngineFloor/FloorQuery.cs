using GraphQL.Types;

namespace HeadlessReviews.Bench.EngineFloor;

/// <summary>A schema of the review page's shape whose resolvers read properties of objects in memory.</summary>
public sealed class FloorQuery : ObjectGraphType
{
    public FloorQuery(Review page)
    {
        Name = "Query";
        Field<ReviewType>("review").Argument<NonNullGraphType<StringGraphType>>("slug").Resolve(_ => page);
    }

    /// <summary>How many fields the page's answer holds, each one resolved.</summary>
    public static int CountFields(Review r) =>
        4 + 1 + 2 + 1 + 2 + 1 + 4 + 1 + 1 + 2 + r.Film.Directors.Count * 2 + 1 + r.Film.Writers.Count * 2 + 1 + r.Film.Cast.Count * 5 + 1 + 1 + 1
        + r.Comments.Nodes.Sum(c => 5 + (c.Replies?.Count ?? 0) * 4);
}

public sealed class ReviewType : ObjectGraphType<Review>
{
    public ReviewType()
    {
        Name = "Review";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Headline);
        Field(x => x.Byline);
        Field(x => x.PublishedAt);
        Field(x => x.Verdict, type: typeof(NonNullGraphType<VerdictType>));
        Field(x => x.Body, type: typeof(NonNullGraphType<BodyType>));
        Field(x => x.Film, type: typeof(NonNullGraphType<FilmType>));
        Field(x => x.CommentCount);
        Field<NonNullGraphType<CommentPageType>>("comments").Argument<IntGraphType>("first").Resolve(context => context.Source.Comments);
    }
}

public sealed class VerdictType : ObjectGraphType<Verdict>
{
    public VerdictType()
    {
        Name = "Verdict";
        Field(x => x.Rating);
        Field(x => x.Summary);
    }
}

public sealed class BodyType : ObjectGraphType<Body>
{
    public BodyType()
    {
        Name = "ReviewBody";
        Field(x => x.Html);
        Field(x => x.PullQuotes);
    }
}

public sealed class FilmType : ObjectGraphType<Film>
{
    public FilmType()
    {
        Name = "Film";
        Field(x => x.Title);
        Field(x => x.Year);
        Field(x => x.RuntimeMinutes, nullable: true);
        Field(x => x.CertificateLabel, nullable: true);
        Field(x => x.Genres);
        Field<PosterType>("poster").Resolve(context => context.Source.Poster);
        Field(x => x.Directors, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<PersonType>>>));
        Field(x => x.Writers, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<PersonType>>>));
        Field(x => x.Cast, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<CastMemberType>>>));
    }
}

public sealed class PosterType : ObjectGraphType<Poster>
{
    public PosterType()
    {
        Name = "Image";
        Field(x => x.Url);
        Field(x => x.AltText, nullable: true);
    }
}

public sealed class PersonType : ObjectGraphType<Person>
{
    public PersonType()
    {
        Name = "Person";
        Field(x => x.Name);
        Field(x => x.Slug);
    }
}

public sealed class CastMemberType : ObjectGraphType<CastMember>
{
    public CastMemberType()
    {
        Name = "CastMember";
        Field(x => x.Billing);
        Field(x => x.Character, nullable: true);
        Field(x => x.Person, type: typeof(NonNullGraphType<PersonType>));
    }
}

public sealed class CommentPageType : ObjectGraphType<CommentPage>
{
    public CommentPageType()
    {
        Name = "CommentConnection";
        Field(x => x.Nodes, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<CommentType>>>));
    }
}

public sealed class CommentType : ObjectGraphType<Comment>
{
    public CommentType()
    {
        Name = "Comment";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.AuthorName);
        Field(x => x.PostedAt);
        Field(x => x.Html);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CommentType>>>>("replies").Resolve(context => context.Source.Replies ?? []);
    }
}

public sealed class FloorSchema : Schema
{
    public FloorSchema(IServiceProvider services, FloorQuery query) : base(services) => Query = query;
}
