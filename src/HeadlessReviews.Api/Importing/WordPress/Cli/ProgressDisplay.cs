using HeadlessReviews.Api.Importing.WordPress.Import;

namespace HeadlessReviews.Api.Importing.WordPress.Cli;

/// <summary>
/// An import's progress on standard error: on a terminal one live line (items and comments done, rate, time left),
/// redrawn in place; otherwise (a log, a pipe) a plain line every few seconds.
/// </summary>
public sealed class ProgressDisplay(TextWriter output, bool live, TimeProvider clock) : IProgress<ImportProgress>
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);
    private long _lastLine = long.MinValue;
    private int _width;

    public void Report(ImportProgress value)
    {
        var line = Describe(value);
        if (live)
        {
            output.Write('\r' + line.PadRight(_width));
            _width = line.Length;
            if (value.Phase == "done") output.WriteLine();
        }
        else if (value.Phase != "importing" || _lastLine == long.MinValue || clock.GetElapsedTime(_lastLine) >= PlainInterval)
        {
            _lastLine = clock.GetTimestamp();
            output.WriteLine(line);
        }
        output.Flush();
    }

    public static string Describe(ImportProgress value) => value.Phase switch
    {
        "reading" => "Reading the export (checking the whole file before writing anything)…",
        _ => $"{(value.Phase == "done" ? "Done" : "Importing")}: {value.ItemsDone:N0}/{value.ItemsTotal:N0} items, " +
             $"{value.CommentsDone:N0}/{value.CommentsTotal:N0} comments, {value.ItemsPerSecond:N0} items/s" +
             (value.Phase == "done" ? $", {value.Elapsed.TotalSeconds:N1} s" : value.Remaining is { } left ? $", about {Format(left)} left" : ""),
    };

    private static string Format(TimeSpan left) => left.TotalMinutes >= 1 ? $"{(int)left.TotalMinutes} min {left.Seconds} s" : $"{Math.Ceiling(left.TotalSeconds)} s";
}
