using System.ComponentModel.DataAnnotations;

namespace HeadlessReviews.Api.Execution;

/// <summary>Limits of GraphQL execution, bound from <c>HeadlessReviews:Execution</c>.</summary>
public sealed class ExecutionSettings
{
    public const string Section = "HeadlessReviews:Execution";

    /// <summary>How many distinct query texts to keep parsed and validated.</summary>
    [Range(0, 1_000_000)]
    public int DocumentCacheSize { get; set; } = 1_000;

    /// <summary>Show exception messages and stack traces in errors (never in Production).</summary>
    public bool ExposeExceptionDetails { get; set; }

    /// <summary>
    /// Deepest nesting of fields a document may select (introspection included: GraphiQL's schema
    /// query is 13 deep). Checked before anything runs. 0: no limit.
    /// </summary>
    [Range(0, 1_000)]
    public int MaxDepth { get; set; } = 15;

    /// <summary>
    /// Largest estimated cost of an operation, checked before it runs: each field costs 1, and what a
    /// list selects counts once per item it may hold (<c>first</c>/<c>last</c>, else the default page
    /// size). The home page costs about 2,400; a hundred reviews with every cast member's filmography
    /// does not fit. 0: no limit.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int MaxCost { get; set; } = 25_000;

    /// <summary>Most aliased fields in one document, so one request cannot repeat a field a thousand times. 0: no limit.</summary>
    [Range(0, 100_000)]
    public int MaxAliases { get; set; } = 100;

    /// <summary>
    /// How long a query or mutation (or one subscription event) may run before it is cancelled, the
    /// PostgreSQL command in flight included, and answered with a <c>TIMEOUT</c> error. 0: no limit.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest document text accepted, in characters (a large frontend page's document is a few thousand). 0: no limit.</summary>
    [Range(0, 64 * 1024 * 1024)]
    public int MaxDocumentCharacters { get; set; } = 100_000;

    /// <summary>
    /// Most tokens (names, punctuation, values) in a document: bounds the parser's and the validator's
    /// work (the IDE's schema query is about 300; a large page with fragments a few thousand). 0: no limit.
    /// </summary>
    [Range(0, 10_000_000)]
    public int MaxTokens { get; set; } = 5_000;

    /// <summary>Longest line of a document, in characters; a whole minified document is one line. 0: no limit.</summary>
    [Range(0, 64 * 1024 * 1024)]
    public int MaxLineLength { get; set; } = 20_000;

    /// <summary>
    /// Most fields sharing one response name in one selection set, its fragments merged in (a frontend
    /// repeats a field through a few fragments): checked in one linear walk before the validator, whose
    /// overlap rule compares every pair of them. 0: no limit.
    /// </summary>
    [Range(0, 100_000)]
    public int MaxFieldsPerResponseName { get; set; } = 20;

    /// <summary>
    /// Most fragment merges in a document: each selection set counts the fragments it spreads, directly
    /// or through the fragments it spreads (a page with a few dozen fragments needs a few hundred).
    /// Checked in one walk before the validator, whose overlap rule compares each set with each. 0: no limit.
    /// </summary>
    [Range(0, 10_000_000)]
    public int MaxFragmentMerges { get; set; } = 2_000;

    /// <summary>Most validation errors answered; past it, one more error says validation stopped. 0: all.</summary>
    [Range(0, 100_000)]
    public int MaxValidationErrors { get; set; } = 100;
}
