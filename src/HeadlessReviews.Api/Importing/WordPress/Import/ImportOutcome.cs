using System.Text.Json.Serialization;

namespace HeadlessReviews.Api.Importing.WordPress.Import;

/// <summary>What an import did with one item of the file (lower case in the report).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImportOutcome>))]
public enum ImportOutcome
{
    [JsonStringEnumMemberName("imported")] Imported,
    [JsonStringEnumMemberName("updated")] Updated,
    [JsonStringEnumMemberName("unchanged")] Unchanged,
    [JsonStringEnumMemberName("skipped")] Skipped,
    [JsonStringEnumMemberName("conflict")] Conflict,
}
