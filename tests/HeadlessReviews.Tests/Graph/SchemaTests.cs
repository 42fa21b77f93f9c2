using GraphQL.Types;
using HeadlessReviews.Api.Graph;
using HeadlessReviews.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HeadlessReviews.Tests.Graph;

public sealed class SchemaTests(ApiFactory api) : ApiTest(api)
{
    private static readonly string SchemaFile = Path.Combine(Repository.Root, "schema", "schema.graphql");

    [Fact]
    public async Task Served_schema_equals_the_committed_schema_file()
    {
        var served = await GraphQL.Http.GetStringAsync("/schema.graphql");
        // HEADLESSREVIEWS_UPDATE_SCHEMA=true rewrites the file; review the diff before committing it.
        if (Environment.GetEnvironmentVariable("HEADLESSREVIEWS_UPDATE_SCHEMA") == "true")
            await File.WriteAllTextAsync(SchemaFile, served);
        var committed = File.Exists(SchemaFile) ? await File.ReadAllTextAsync(SchemaFile) : "";
        Assert.True(committed == served,
            "schema/schema.graphql differs from the schema the service serves. Run the tests with HEADLESSREVIEWS_UPDATE_SCHEMA=true, review the diff and note breaking changes in the README.");
    }

    [Fact]
    public void Every_type_field_argument_and_enum_value_has_a_description()
    {
        var schema = Api.Services.GetRequiredService<HeadlessReviewsSchema>();
        schema.Initialize();
        var missing = new List<string>();
        foreach (var type in schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal) && t is not ScalarGraphType { Name: "String" or "Int" or "Float" or "Boolean" or "ID" }))
        {
            if (string.IsNullOrWhiteSpace(type.Description)) missing.Add(type.Name);
            if (type is IComplexGraphType complex)
                foreach (var field in complex.Fields)
                {
                    if (string.IsNullOrWhiteSpace(field.Description)) missing.Add($"{type.Name}.{field.Name}");
                    foreach (var argument in field.Arguments ?? [])
                        if (string.IsNullOrWhiteSpace(argument.Description)) missing.Add($"{type.Name}.{field.Name}({argument.Name})");
                }
            if (type is EnumerationGraphType enumeration)
                foreach (var value in enumeration.Values)
                    if (string.IsNullOrWhiteSpace(value.Description)) missing.Add($"{type.Name}.{value.Name}");
        }
        Assert.True(missing.Count == 0, "Missing descriptions: " + string.Join(", ", missing));
    }
}
