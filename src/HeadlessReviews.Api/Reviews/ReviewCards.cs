using System.Globalization;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQLParser.AST;
using HeadlessReviews.Api.Storage;
using Marten;

namespace HeadlessReviews.Api.Reviews;

/// <summary>
/// Lists that show reviews as cards (headline, verdict, an excerpt) need not read each ~9 KB body: when the
/// selection set asks for no <c>body</c>, the list loads the review without it, keeping only the start of
/// the text that the longest <c>excerpt</c> asked for can reach (<see cref="TextChars"/>). Such a review is
/// marked (<see cref="Review.ExcerptsUpTo"/>) and never cached; a field that needs more loads the whole review.
/// </summary>
public static class ReviewCards
{
    /// <summary>
    /// The longest excerpt the list's selection set asks for, or null when it asks for <c>body</c> (the whole
    /// review is needed). A variable or anything unusual counts as the longest excerpt there can be.
    /// Conservative by design: any <c>body</c> below the list, whatever its parent, loads whole reviews.
    /// </summary>
    public static int? LongestExcerpt(IResolveFieldContext context)
    {
        var fragments = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(fragment => fragment.FragmentName.Name.StringValue)
            .ToDictionary(group => group.Key, group => group.First());
        var longest = 0;
        return Walk(context.FieldAst.SelectionSet, fragments, [], ref longest) ? null : longest;
    }

    // True when a body is asked for.
    private static bool Walk(GraphQLSelectionSet? selections, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> seen, ref int longest)
    {
        if (selections is null) return false;
        RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var selection in selections.Selections)
        {
            switch (selection)
            {
                case GraphQLField field when field.Name.StringValue == "body":
                    return true;
                case GraphQLField field when field.Name.StringValue == "excerpt":
                    longest = Math.Max(longest, LengthOf(field));
                    break;
                case GraphQLField field:
                    if (Walk(field.SelectionSet, fragments, seen, ref longest)) return true;
                    break;
                case GraphQLInlineFragment inline:
                    if (Walk(inline.SelectionSet, fragments, seen, ref longest)) return true;
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    if (!seen.Add(name)) break;
                    // A fragment the document lacks fails validation before this runs; be safe anyway.
                    if (!fragments.TryGetValue(name, out var fragment)) return true;
                    if (Walk(fragment.SelectionSet, fragments, seen, ref longest)) return true;
                    break;
            }
        }
        return false;
    }

    private static int LengthOf(GraphQLField field)
    {
        var argument = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "length");
        if (argument is null) return DefaultExcerptLength;
        return argument.Value is GraphQLIntValue literal
            && int.TryParse(literal.Value.Span, NumberStyles.Integer, CultureInfo.InvariantCulture, out var length)
            && length is >= 1 and <= Excerpt.MaxLength
            ? length
            : Excerpt.MaxLength;
    }

    /// <summary>The <c>excerpt</c> argument's default.</summary>
    public const int DefaultExcerptLength = 200;

    /// <summary>
    /// Characters of the text that give every excerpt up to <paramref name="excerptLength"/> exactly as the
    /// whole text would: the excerpt reads at most one character past its length of the text with its
    /// paragraph breaks (two characters) made spaces (one), and a break cut in two at the end changes only
    /// the last character. PostgreSQL counts code points, which are never fewer UTF-16 units.
    /// </summary>
    public static int TextChars(int excerptLength) => 2 * excerptLength + 8;

    /// <summary>The longest excerpt the stored cards serve; a list asking for a longer one cuts its cards from the documents.</summary>
    public const int StoredExcerptLength = 500;

    /// <summary>
    /// Each review's card, kept by triggers (<see cref="DocumentSideTable"/>): a list of 20 cards then reads
    /// 20 rows of ~2 kB instead of de-TOASTing 20 documents of ~27 kB. Inline, so reading one is one heap page.
    /// Stored as <c>json</c> (the text), not <c>jsonb</c>: a row is sent as it is stored, where <c>jsonb</c> is
    /// printed afresh on every read, which was most of the home page's time in PostgreSQL (pgbench, 20 cards:
    /// 0.52 ms as jsonb, 0.25 ms as json).
    /// </summary>
    public static readonly DocumentSideTable Stored = new("hr_review_cards", Tables.Reviews, ("card", "json"),
        StoredCard, "alter table public.hr_review_cards alter column card set storage main;");

    public static void Configure(StoreOptions options) => DocumentSideTable.Register(options, typeof(ReviewCards), "Review cards", Stored);

    /// <summary>
    /// The list's tables and the columns Marten reads each card from, for excerpts up to <paramref name="excerptLength"/>:
    /// the stored card as it is when it serves that length (cut from the document should a card be missing),
    /// otherwise the document. A stored card's text is not cut shorter in SQL: building a new <c>jsonb</c> per
    /// row costs PostgreSQL more than reading the extra text costs the service.
    /// </summary>
    public static (string From, string Data) Source(int excerptLength) => excerptLength <= StoredExcerptLength
        ? ($"{Tables.Reviews} d left join {Stored.Table} card on card.id = d.id",
            $"coalesce(card.card, {StoredCard("d.data")}), d.mt_version")
        : ($"{Tables.Reviews} d", $"{Card("d.data", excerptLength)}, d.mt_version");

    /// <summary>A stored card (<see cref="Stored"/>) from a review's JSON: the card for the longest stored excerpt, as json text.</summary>
    private static string StoredCard(string data) => $"({Card(data, StoredExcerptLength)})::json";

    /// <summary>A card's JSON from a review's: the document without its body, and the start of the text.</summary>
    public static string Card(string data, int excerptLength) =>
        $"({data} - 'Body') || jsonb_build_object('Body', jsonb_build_object('Markdown', '', 'Html', '', 'PullQuotes', '[]'::jsonb, " +
        $"'Text', left({data} -> 'Body' ->> 'Text', {TextChars(excerptLength)})))";
}
