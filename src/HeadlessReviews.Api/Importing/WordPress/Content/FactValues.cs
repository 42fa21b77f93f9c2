using System.Globalization;
using System.Text.RegularExpressions;
using HeadlessReviews.Api.Films;

namespace HeadlessReviews.Api.Importing.WordPress.Content;

/// <summary>The values of the house format's facts lines, read as a British film blog writes them.</summary>
public static partial class FactValues
{
    [GeneratedRegex(@"(\d{1,2})(?:st|nd|rd|th)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"^(?:(?<h>\d+)\s*(?:h|hr|hrs|hours?)\.?)?\s*,?\s*(?:(?<m>\d+)\s*(?:m|mins?|minutes?)?\.?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex(@"\s*(?:,|;|&|\band\b)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex NameSeparator();

    private static readonly string[] DateFormats =
    [
        "d MMMM yyyy", "d MMM yyyy", "MMMM d yyyy", "MMMM d, yyyy", "MMM d, yyyy", "MMM d yyyy", "d MMMM, yyyy",
        "yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy",
    ];

    /// <summary>"14th February 2014", "14 February 2014", "February 14, 2014" (and ISO or day-first numeric dates).</summary>
    public static DateOnly? Date(string value)
    {
        var text = Ordinal().Replace(value.Trim().TrimEnd('.'), "$1");
        text = Regex.Replace(text, @"\s+", " ");
        return DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date) ? date : null;
    }

    /// <summary>"126 minutes", "126 mins", "2h 6m", "2 hours 6 minutes", "126".</summary>
    public static int? RuntimeMinutes(string value)
    {
        var match = Duration().Match(value.Trim());
        if (!match.Success || (!match.Groups["h"].Success && !match.Groups["m"].Success)) return null;
        var hours = match.Groups["h"].Success ? int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minutes = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var total = hours * 60 + minutes;
        return total is > 0 and < 100_000 ? total : null;
    }

    /// <summary>The BBFC label ("12A", "cert 15", "(18)") as our certificate, or null when it is not one.</summary>
    public static Certificate? Certificate(string value)
    {
        var label = Regex.Replace(value.ToUpperInvariant(), @"^\s*(?:CERT(?:IFICATE)?\.?\s*)|[\s().]", "");
        return label switch
        {
            "U" => Films.Certificate.U,
            "PG" => Films.Certificate.PG,
            "12A" => Films.Certificate.TwelveA,
            "12" => Films.Certificate.Twelve,
            "15" => Films.Certificate.Fifteen,
            "18" => Films.Certificate.Eighteen,
            "R18" => Films.Certificate.R18,
            _ => null,
        };
    }

    /// <summary>A comma list ("Drama, Romance").</summary>
    public static IReadOnlyList<string> List(string value) =>
        [.. value.Split([',', ';', '/']).Select(item => item.Trim().TrimEnd('.').Trim()).Where(item => item.Length > 0)];

    /// <summary>People in the order written: commas, semicolons, "and" and "&amp;" all separate names.</summary>
    public static IReadOnlyList<string> Names(string value) =>
        [.. NameSeparator().Split(value).Select(name => name.Trim().TrimEnd('.').Trim()).Where(name => name.Length > 0)];
}
