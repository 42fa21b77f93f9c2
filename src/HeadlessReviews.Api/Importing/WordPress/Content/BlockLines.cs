using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace HeadlessReviews.Api.Importing.WordPress.Content;

/// <summary>The text of one block as the lines a reader sees (a &lt;br&gt; ends a line), entities decoded.</summary>
public static partial class BlockLines
{
    [GeneratedRegex(@"[ \t\r\f\u00A0]+")]
    private static partial Regex Spaces();

    public static IReadOnlyList<string> Of(INode block)
    {
        var text = new StringBuilder();
        Append(text, block);
        return [.. text.ToString().Split('\n').Select(line => Spaces().Replace(line, " ").Trim()).Where(line => line.Length > 0)];
    }

    /// <summary>The lines as one text, for matching a whole block.</summary>
    public static string Text(INode block) => string.Join(" ", Of(block));

    private static void Append(StringBuilder text, INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t) text.Append(t.Data.Replace('\n', ' '));
            else if (child is IElement { LocalName: "br" }) text.Append('\n');
            else if (child is IElement e)
            {
                var isBlock = e.LocalName is "p" or "div" or "li" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote" or "figcaption";
                if (isBlock) text.Append('\n');
                Append(text, e);
                if (isBlock) text.Append('\n');
            }
        }
    }
}
