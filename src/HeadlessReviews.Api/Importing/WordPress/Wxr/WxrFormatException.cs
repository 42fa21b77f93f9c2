namespace HeadlessReviews.Api.Importing.WordPress.Wxr;

/// <summary>The file is not a readable WXR file; line and position are 1-based, 0 when unknown.</summary>
public sealed class WxrFormatException : Exception
{
    public WxrFormatException(string reason, int lineNumber, int linePosition, Exception? inner = null)
        : base(Describe(reason, lineNumber, linePosition), inner)
    {
        Reason = reason;
        LineNumber = lineNumber;
        LinePosition = linePosition;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }
    public int LineNumber { get; }
    public int LinePosition { get; }

    private static string Describe(string reason, int line, int position) =>
        line > 0 ? $"Not a readable WordPress export (WXR) file: {reason} (line {line}, position {position})."
                 : $"Not a readable WordPress export (WXR) file: {reason}.";
}
