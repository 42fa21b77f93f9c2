using System.Text.RegularExpressions;
using HeadlessReviews.Api.Importing.WordPress.Import;

namespace HeadlessReviews.Api.Importing.WordPress.Cli;

/// <summary>The arguments of <c>import-wordpress</c>: the file, where the report goes, and the import's options.</summary>
public sealed record ImportCommandLine(string File, string? ReportPath, WordPressImportOptions Options)
{
    public const string Usage = """
        Usage: HeadlessReviews.Api import-wordpress <file.xml> [options]

        Imports a WordPress export (Tools → Export, a WXR file): reviews with their films, people and comments.
        Safe to run again: unchanged items stay as they are, items edited here since are reported as conflicts.

        Options:
          --report <report.json>           also write the report as JSON to this file
          --dry-run                        report what would happen; write nothing
          --review-title-pattern <regex>   which post titles are reviews; the group (?<film>…) names the film
                                           (default: ^\s*Review\s*[–—:-]\s*(?<film>.+)$, case-insensitive)
          --review-category <slug>         posts in this category are reviews too
          --media-base-url <url>           rewrite image addresses under /wp-content/uploads/ to this address
          --help                           show this text

        Configuration (the database: ConnectionStrings__Reviews) is the service's own.
        """;

    /// <summary>The command line after <c>import-wordpress</c>, or the mistake in it.</summary>
    public static (ImportCommandLine? Command, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? file = null, report = null, category = null;
        Regex? pattern = null;
        Uri? media = null;
        var dryRun = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value()
            {
                var at = arg.IndexOf('=', StringComparison.Ordinal);
                if (arg.StartsWith("--", StringComparison.Ordinal) && at > 0) return arg[(at + 1)..];
                return i + 1 < args.Count ? args[++i] : null;
            }
            var name = arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0 ? arg[..eq] : arg;
            switch (name)
            {
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--report":
                    report = Value();
                    if (string.IsNullOrWhiteSpace(report)) return (null, "--report needs a file name.");
                    break;
                case "--review-category":
                    category = Value();
                    if (string.IsNullOrWhiteSpace(category)) return (null, "--review-category needs a category slug.");
                    break;
                case "--review-title-pattern":
                    var text = Value();
                    if (string.IsNullOrEmpty(text)) return (null, "--review-title-pattern needs a regular expression.");
                    pattern = WordPressImportOptions.TitlePattern(text, out var problem);
                    if (pattern is null) return (null, $"--review-title-pattern {problem}");
                    break;
                case "--media-base-url":
                    var url = Value();
                    if (!Uri.TryCreate(url, UriKind.Absolute, out media) || media.Scheme is not ("http" or "https"))
                        return (null, "--media-base-url needs an absolute http(s) address.");
                    break;
                default:
                    if (arg.StartsWith('-')) return (null, $"Unknown option \"{arg}\".");
                    if (file is not null) return (null, $"One file at a time: \"{arg}\" is a second one.");
                    file = arg;
                    break;
            }
        }
        if (file is null) return (null, "Which file? Give the WordPress export (.xml) to import.");
        return (new ImportCommandLine(file, report, new WordPressImportOptions
        {
            DryRun = dryRun,
            ReviewTitlePattern = pattern,
            ReviewCategory = category?.Trim(),
            MediaBaseUrl = media,
        }), null);
    }
}
