using GraphQL;
using GraphQL.Utilities;

namespace HeadlessReviews.Api.Graph;

/// <summary>The schema as SDL, printed once: served at <c>/schema.graphql</c> and kept in <c>schema/schema.graphql</c>.</summary>
public sealed class SchemaDocument(HeadlessReviewsSchema schema)
{
    private readonly Lazy<string> _sdl = new(() =>
    {
        schema.Initialize();
        return schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true, StringComparison = StringComparison.Ordinal })
            .ReplaceLineEndings("\n").TrimEnd() + "\n";
    });

    public string Sdl => _sdl.Value;
}
