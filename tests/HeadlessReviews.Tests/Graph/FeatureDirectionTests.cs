using System.Text.RegularExpressions;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Graph;

/// <summary>
/// Features depend one way, Comments → Reviews → Films → People, and none on the folders above them
/// (Search, Demo, Webhooks, Accounts). A feature that needs a field on a lower feature's type, or a
/// step in a lower feature's deletion, contributes it (ITypeFields, IDeletionCascade) instead of being named there.
/// </summary>
public sealed partial class FeatureDirectionTests
{
    /// <summary>Lowest first: a feature may name those before it, never those after (Images/ is what films and people share).</summary>
    private static readonly string[] Features = ["Images", "People", "Films", "Reviews", "Comments"];

    private static readonly string[] Above = ["Search", "Demo", "Webhooks", "Accounts"];

    [Fact]
    public void No_feature_names_a_feature_above_it()
    {
        var backReferences = new List<string>();
        for (var rank = 0; rank < Features.Length; rank++)
        {
            var forbidden = Features.Skip(rank + 1).Concat(Above).ToArray();
            var folder = Path.Combine(Repository.Root, "src", "HeadlessReviews.Api", Features[rank]);
            foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            {
                var lines = File.ReadAllLines(file);
                for (var number = 0; number < lines.Length; number++)
                    foreach (var name in NamedFeatures(lines[number]).Where(forbidden.Contains))
                        backReferences.Add($"{Path.GetRelativePath(Repository.Root, file)}:{number + 1} names {name}: {lines[number].Trim()}");
            }
        }
        Assert.True(backReferences.Count == 0,
            "A feature names one above it; let the higher feature contribute instead (ITypeFields<T>, IDeletionCascade<T>):\n" + string.Join("\n", backReferences));
    }

    /// <summary>The shared layers below the features, which must name none of them.</summary>
    private static readonly string[] Shared = ["Editing", "Storage", "Execution", "Security", "Realtime", "Webhooks", "RateLimiting", "Graph"];

    /// <summary>Where the service is put together, and so names every feature: the composition root.</summary>
    private static readonly string[] SharedExceptions = [Path.Combine("Graph", "GraphRegistration.cs")];

    [Fact]
    public void The_shared_layers_name_no_feature()
    {
        var references = new List<string>();
        var source = Path.Combine(Repository.Root, "src", "HeadlessReviews.Api");
        foreach (var layer in Shared)
            foreach (var file in Directory.EnumerateFiles(Path.Combine(source, layer), "*.cs", SearchOption.AllDirectories))
            {
                if (SharedExceptions.Contains(Path.GetRelativePath(source, file))) continue;
                var lines = File.ReadAllLines(file);
                for (var number = 0; number < lines.Length; number++)
                    foreach (var name in NamedFeatures(lines[number]).Where(Features.Contains))
                        references.Add($"{Path.GetRelativePath(Repository.Root, file)}:{number + 1} names {name}: {lines[number].Trim()}");
            }
        Assert.True(references.Count == 0,
            "A shared layer names a feature; let the feature implement the layer's interface instead (IAnnouncedNode, ITypeFields<T>…):\n" + string.Join("\n", references));
    }

    [Theory]
    [InlineData("using HeadlessReviews.Api.Comments.Posting;", "Comments")]
    [InlineData("public Films.Image? Image { get; set; }", "Films")]
    [InlineData("var x = new HeadlessReviews.Api.Reviews.ReviewType();", "Reviews")]
    [InlineData("/// <see cref=\"Reviews.Review\"/>", "Reviews")]
    public void A_back_reference_is_seen_however_it_is_written(string line, string feature) =>
        Assert.Contains(feature, NamedFeatures(line));

    [Theory]
    [InlineData("delete from {Tables.Reviews} where film_id = ?")]
    [InlineData("film.Reviews.Count")]
    [InlineData("namespace HeadlessReviews.Api.People;")]
    public void A_name_that_only_looks_like_a_feature_is_not_one(string line) =>
        Assert.DoesNotContain(NamedFeatures(line), name => name != "People" && Features.Concat(Above).Contains(name));

    /// <summary>Feature folders a line names: by namespace (<c>using</c>, fully qualified) or relative to the root one (<c>Films.Image</c>).</summary>
    private static IEnumerable<string> NamedFeatures(string line) =>
        NamespaceReference().Matches(line).Select(match => match.Groups["feature"].Value)
            .Concat(RelativeReference().Matches(line).Select(match => match.Groups["feature"].Value))
            .Distinct();

    [GeneratedRegex(@"HeadlessReviews\.Api\.(?<feature>[A-Z]\w*)")]
    private static partial Regex NamespaceReference();

    [GeneratedRegex(@"(?<![\w.])(?<feature>Images|People|Films|Reviews|Comments|Search|Demo|Webhooks|Accounts)\.[A-Z]")]
    private static partial Regex RelativeReference();
}
