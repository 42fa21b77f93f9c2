using System.Text;
using HeadlessReviews.Api.Importing.WordPress.Import;

namespace HeadlessReviews.Api.Importing.WordPress.Cli;

/// <summary>The report as a terminal reads it: counts by outcome and kind, then every skip and conflict with its reason.</summary>
public static class ReportTable
{
    private static readonly ImportOutcome[] Columns = [ImportOutcome.Imported, ImportOutcome.Updated, ImportOutcome.Unchanged, ImportOutcome.Skipped, ImportOutcome.Conflict];

    public static string Of(ImportReport report, string? reportPath)
    {
        var text = new StringBuilder();
        text.AppendLine(report.DryRun ? "WordPress import (dry run: nothing was written)" : "WordPress import");
        text.AppendLine($"  site      {report.Site}");
        text.AppendLine($"  took      {report.Seconds:N1} s");
        text.AppendLine();
        text.AppendLine("                 imported  updated  unchanged  skipped  conflict");
        string Row(string label, IEnumerable<ImportedItem> items)
        {
            var list = items.ToList();
            var counts = Columns.Select(outcome => list.Count(item => item.Outcome == outcome)).ToArray();
            return $"  {label,-13}{counts[0],9:N0}{counts[1],9:N0}{counts[2],11:N0}{counts[3],9:N0}{counts[4],9:N0}";
        }
        text.AppendLine(Row("posts", report.Items.Where(i => i.Type == "post")));
        text.AppendLine(Row("other items", report.Items.Where(i => i.Type != "post")));
        var c = report.Comments;
        text.AppendLine($"  {"comments",-13}{c.Imported,9:N0}{c.Updated,9:N0}{c.Unchanged,11:N0}{c.Skipped,9:N0}{c.Conflicts,9:N0}");
        text.AppendLine($"  films: {report.Films.Created:N0} created, {report.Films.Matched:N0} matched; people: {report.People.Created:N0} created, {report.People.Matched:N0} matched");

        var notable = report.Items.Where(i => i.Outcome is ImportOutcome.Skipped or ImportOutcome.Conflict).ToList();
        if (notable.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Left behind:");
            foreach (var group in notable.GroupBy(i => (i.Outcome, i.Reason)).OrderByDescending(g => g.Count()).Take(20))
                text.AppendLine($"  {group.Count(),6:N0} × {group.Key.Outcome.ToString().ToLowerInvariant()}: {group.Key.Reason}");
        }
        if (report.Warnings.Count > 0)
        {
            text.AppendLine();
            text.AppendLine($"Warnings: {report.Warnings.Count:N0}{(reportPath is null ? " (--report writes them all)" : "")}");
            foreach (var warning in report.Warnings.Take(10)) text.AppendLine($"  {warning}");
            if (report.Warnings.Count > 10) text.AppendLine($"  … and {report.Warnings.Count - 10:N0} more");
        }
        if (reportPath is not null) text.AppendLine().AppendLine($"Report: {reportPath}");
        return text.ToString();
    }
}
