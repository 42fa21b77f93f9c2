using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HeadlessReviews.Api.Importing.WordPress.Content;

/// <summary>
/// Block-editor content: <c>&lt;!-- wp:name {attrs} --&gt;html&lt;!-- /wp:name --&gt;</c> and self-closing
/// <c>&lt;!-- wp:name {attrs} /--&gt;</c>. Blocks already hold real HTML, so only the text between
/// top-level blocks (classic "freeform" content) goes through <see cref="Autop"/>.
/// </summary>
public static partial class BlockMarkup
{
    [GeneratedRegex(@"<!--\s+(?<close>/)?wp:(?<name>[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)(?:\s+(?<attrs>\{.*?\}))?\s+(?<self>/)?-->", RegexOptions.Singleline)]
    private static partial Regex Delimiter();

    public static bool IsBlockContent(string content) => Delimiter().IsMatch(content);

    /// <summary>The content as plain HTML: delimiters gone, embeds and dynamic blocks as links or warnings.</summary>
    public static string ToHtml(string content, ICollection<string> warnings)
    {
        var html = new StringBuilder();
        var depth = 0;
        var position = 0;
        // The embed block being skipped (its inner HTML is WordPress's fallback; the url attribute says it better).
        string? skipping = null;
        var skipDepth = 0;
        foreach (Match delimiter in Delimiter().Matches(content))
        {
            var between = content[position..delimiter.Index];
            position = delimiter.Index + delimiter.Length;
            if (skipping is null) html.Append(depth == 0 ? Autop.Apply(between) : between);

            var name = delimiter.Groups["name"].Value;
            var attrs = Attributes(delimiter.Groups["attrs"].Value, name, warnings);
            if (delimiter.Groups["self"].Success)
            {
                if (skipping is null) html.Append("\n\n").Append(SelfClosing(name, attrs, warnings)).Append("\n\n");
                continue;
            }
            if (delimiter.Groups["close"].Success)
            {
                depth = Math.Max(0, depth - 1);
                if (skipping is not null && depth == skipDepth && name == skipping) skipping = null;
                html.Append("\n\n");
                continue;
            }
            if (skipping is null && IsEmbed(name) && attrs.TryGetValue("url", out var url))
            {
                html.Append("\n\n").Append(Link(url)).Append("\n\n");
                skipping = name;
                skipDepth = depth;
            }
            depth++;
            html.Append("\n\n");
        }
        var rest = content[position..];
        if (skipping is null) html.Append(depth == 0 ? Autop.Apply(rest) : rest);
        return html.ToString();
    }

    private static bool IsEmbed(string name) =>
        name is "embed" or "video-embed" || name.StartsWith("core-embed/", StringComparison.Ordinal);

    private static string SelfClosing(string name, Dictionary<string, string> attrs, ICollection<string> warnings)
    {
        if (name == "image" && attrs.TryGetValue("url", out var src))
            return $"<p><img src=\"{WebUtility.HtmlEncode(src)}\" alt=\"{WebUtility.HtmlEncode(attrs.GetValueOrDefault("alt", ""))}\"></p>";
        if (name is "more") return "<!--more-->";
        if (name is "nextpage") return "<!--nextpage-->";
        if (name is "separator") return "<hr>";
        if (attrs.TryGetValue("url", out var url)) return Link(url);
        warnings.Add($"Dropped the dynamic block wp:{name}: it is made by WordPress when a page is shown and has no content in the export.");
        return "";
    }

    private static string Link(string url)
    {
        var encoded = WebUtility.HtmlEncode(url);
        return $"<p><a href=\"{encoded}\">{encoded}</a></p>";
    }

    /// <summary>The block's JSON attributes that are plain values (strings, numbers, booleans) as text.</summary>
    private static Dictionary<string, string> Attributes(string json, string name, ICollection<string> warnings)
    {
        var attrs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (json.Length == 0) return attrs;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return attrs;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) continue;
                attrs[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }
        catch (JsonException)
        {
            warnings.Add($"The attributes of a wp:{name} block are not valid JSON; the block's HTML was kept.");
        }
        return attrs;
    }
}
