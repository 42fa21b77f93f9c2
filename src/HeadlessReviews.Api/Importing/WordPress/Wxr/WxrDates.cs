using System.Globalization;

namespace HeadlessReviews.Api.Importing.WordPress.Wxr;

/// <summary>WordPress writes dates as MySQL DATETIMEs ("2014-02-20 21:30:00"), with all zeros for "never".</summary>
internal static class WxrDates
{
    private static readonly string[] Formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];

    public static DateTime? Parse(string text, DateTimeKind kind)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith("0000-00-00", StringComparison.Ordinal)) return null;
        return DateTime.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? DateTime.SpecifyKind(value, kind)
            : null;
    }
}
