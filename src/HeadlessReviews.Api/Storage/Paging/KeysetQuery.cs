using System.Text;

namespace HeadlessReviews.Api.Storage.Paging;

/// <summary>
/// A list to page through with keyset (seek) paging: rows after the cursor's sort values, so a page
/// stays correct when rows are added or removed before it, and deep pages cost what the first does.
/// </summary>
/// <param name="from">Tables, with the document table (or a subquery with a <c>data</c> column) aliased <c>d</c>.</param>
/// <param name="order">Sort keys; the last must be unique (the document id).</param>
/// <param name="signature">Names the order, so a cursor of another order is refused.</param>
/// <param name="fromParameters">Values of the <c>^</c> placeholders in <paramref name="from"/>.</param>
public sealed class KeysetQuery(string from, IReadOnlyList<SortKey> order, string signature, params object[] fromParameters)
{
    /// <summary>Marks a parameter in conditions (PostgreSQL's own operators use <c>?</c>).</summary>
    public const char Placeholder = '^';

    private readonly List<string> _conditions = [];
    private readonly List<object> _parameters = [];

    public string From { get; } = from;

    /// <summary>The columns Marten reads the item from: <c>d.data</c>, and <c>d.mt_version</c> too for revisioned documents.</summary>
    public string Data { get; init; } = "d.data";
    /// <summary>
    /// A column read beside each item, a JSON array of numbers, in the same round trip (numbers other read models keep per
    /// item), and what receives it; none when null.
    /// </summary>
    public (string Column, Action<object, int[]> Receive)? ReadAlong { get; init; }
    public IReadOnlyList<SortKey> Order { get; } = order;
    public string Signature { get; } = signature;
    public IReadOnlyList<object> FromParameters { get; } = fromParameters;
    public IReadOnlyList<object> Parameters => _parameters;

    /// <summary>Adds a condition; each <c>^</c> in it takes the next of <paramref name="parameters"/>.</summary>
    public KeysetQuery Where(string condition, params object[] parameters)
    {
        _conditions.Add(condition);
        _parameters.AddRange(parameters);
        return this;
    }

    public string WhereClause => _conditions.Count == 0 ? "true" : string.Join(" and ", _conditions.Select(c => $"({c})"));

    /// <summary>Rows strictly after the cursor's values in the given order, read from <c>cursor.v</c>.</summary>
    public static string AfterCursor(IReadOnlyList<SortKey> order)
    {
        var alternatives = new List<string>();
        for (var i = 0; i < order.Count; i++)
        {
            var terms = new StringBuilder();
            for (var j = 0; j < i; j++)
                terms.Append($"{order[j].Expression} = {CursorValue(order[j], j)} and ");
            terms.Append($"{order[i].Expression} {(order[i].Descending ? "<" : ">")} {CursorValue(order[i], i)}");
            alternatives.Add($"({terms})");
        }
        return string.Join(" or ", alternatives);
    }

    private static string CursorValue(SortKey key, int index) => $"(cursor.v->>{index})::{key.SqlType}";
}
