namespace HeadlessReviews.Api.Execution.Warmup;

/// <summary>What frontends ask first: a list of cards, then one review's page. Small pages, every kind of field.</summary>
internal static class WarmupDocuments
{
    public const int Count = 2;

    public const string List = """
        query Warmup { reviews(first: 3) { nodes { id slug headline publishedAt excerpt(length: 160)
          verdict { rating summary } commentCount film { title year poster { url altText } directors { name } } } } }
        """;

    public const string Page = """
        query WarmupPage($slug: String!) { review(slug: $slug) { id headline byline publishedAt
          verdict { rating summary } body { html pullQuotes }
          film { title year runtimeMinutes certificateLabel genres poster { url altText }
            directors { name slug } writers { name slug } cast { billing character person { name slug } } }
          commentCount comments(first: 3) { nodes { id authorName postedAt html replies { id authorName postedAt html } } } } }
        """;
}
