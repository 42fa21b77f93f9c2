using AngleSharp.Dom;

namespace HeadlessReviews.Api.Importing.WordPress.Content;

/// <summary>An HTML table as a GFM pipe table; the first row is the header (pipe tables must have one).</summary>
public static class MarkdownTable
{
    public static string From(IElement table, Func<IElement, string> cellText)
    {
        var rows = table.QuerySelectorAll("tr")
            .Where(row => row.Closest("table") == table)
            .Select(row => row.Children.Where(c => c.LocalName is "td" or "th").Select(cell => cellText(cell)).ToList())
            .Where(row => row.Count > 0)
            .ToList();
        if (rows.Count == 0) return "";
        var columns = rows.Max(row => row.Count);
        string Row(List<string> cells) =>
            "| " + string.Join(" | ", Enumerable.Range(0, columns).Select(i => i < cells.Count ? cells[i] : "")) + " |";
        var lines = new List<string> { Row(rows[0]), "|" + string.Concat(Enumerable.Repeat(" --- |", columns)) };
        lines.AddRange(rows.Skip(1).Select(Row));
        return string.Join("\n", lines);
    }
}
