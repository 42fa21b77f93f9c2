using System.Text.RegularExpressions;
using AngleSharp.Dom;
using HeadlessReviews.Api.Films;

namespace HeadlessReviews.Api.Importing.WordPress.Content;

/// <summary>
/// The house format's facts block: <c>Label: value</c> lines at the top of a review, in one paragraph
/// split by line breaks or in a paragraph each, labels bold or not (the colon inside or outside the bold).
/// The lines are taken out of the body; a value that cannot be read stays empty and is reported.
/// </summary>
public static partial class FactsBlock
{
    // How many blocks may come before the facts (a poster image, a one-line intro) before we stop looking.
    private const int LookAhead = 3;

    [GeneratedRegex(@"^(?<label>genres?|certificate|cert|classification|(?:uk\s+)?release\s+date|runtime|running\s+time|length|directors?|directed\s+by|writers?|written\s+by|screenplay|starring|cast|synopsis|plot)\s*:\s*(?<value>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex FactLine();

    public static FilmFacts Extract(IElement body, ICollection<string> warnings)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var blocks = body.Children.ToList();
        var first = blocks.Take(LookAhead + 1).ToList().FindIndex(b => StartsWithFact(b));
        if (first < 0) return FilmFacts.None;

        foreach (var block in blocks.Skip(first))
        {
            var lines = BlockLines.Of(block);
            if (lines.Count == 0 && block.QuerySelector("img") is null) { block.Remove(); continue; }
            var facts = lines.TakeWhile(line => FactLine().IsMatch(line)).ToList();
            if (facts.Count == 0) break;
            foreach (var line in facts)
            {
                var match = FactLine().Match(line);
                var label = Canonical(match.Groups["label"].Value);
                if (!values.TryAdd(label, match.Groups["value"].Value.Trim()))
                    warnings.Add($"The facts block has a second \"{match.Groups["label"].Value}\" line; the first was kept.");
            }
            if (facts.Count == lines.Count) block.Remove();
            else if (!RemoveLeadingLines(block, facts.Count))
            {
                warnings.Add("A paragraph of the facts block also held other text that could not be separated; it stayed in the body.");
                break;
            }
            else break;
        }
        return Read(values, warnings);
    }

    private static bool StartsWithFact(IElement block)
    {
        var lines = BlockLines.Of(block);
        return lines.Count > 0 && FactLine().IsMatch(lines[0]);
    }

    /// <summary>Removes the first <paramref name="count"/> lines of a flat paragraph (text and inline elements split by &lt;br&gt;).</summary>
    private static bool RemoveLeadingLines(IElement block, int count)
    {
        var breaks = block.ChildNodes.OfType<IElement>().Where(e => e.LocalName == "br").ToList();
        if (breaks.Count < count) return false;
        var last = breaks[count - 1];
        foreach (var node in block.ChildNodes.TakeWhile(n => n != last).ToList()) block.RemoveChild(node);
        block.RemoveChild(last);
        return true;
    }

    private static string Canonical(string label)
    {
        var l = Regex.Replace(label.ToLowerInvariant(), @"\s+", " ");
        return l switch
        {
            "genre" or "genres" => "genre",
            "certificate" or "cert" or "classification" => "certificate",
            "uk release date" or "release date" => "release",
            "runtime" or "running time" or "length" => "runtime",
            "director" or "directors" or "directed by" => "director",
            "writer" or "writers" or "written by" or "screenplay" => "writer",
            "starring" or "cast" => "starring",
            _ => "synopsis",
        };
    }

    private static FilmFacts Read(Dictionary<string, string> values, ICollection<string> warnings)
    {
        string? Value(string key) => values.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
        T? Parsed<T>(string key, string what, Func<string, T?> parse) where T : struct
        {
            if (Value(key) is not { } text) return null;
            var parsed = parse(text);
            if (parsed is null) warnings.Add($"The {what} \"{text}\" could not be read; it was left empty.");
            return parsed;
        }
        return new FilmFacts(
            Genres: Value("genre") is { } genres ? FactValues.List(genres) : [],
            Certificate: Parsed<Certificate>("certificate", "certificate", FactValues.Certificate),
            UkReleaseDate: Parsed<DateOnly>("release", "release date", FactValues.Date),
            RuntimeMinutes: Parsed<int>("runtime", "runtime", FactValues.RuntimeMinutes),
            Directors: Value("director") is { } directors ? FactValues.Names(directors) : [],
            Writers: Value("writer") is { } writers ? FactValues.Names(writers) : [],
            Starring: Value("starring") is { } starring ? FactValues.Names(starring) : [],
            Synopsis: Value("synopsis"));
    }
}
