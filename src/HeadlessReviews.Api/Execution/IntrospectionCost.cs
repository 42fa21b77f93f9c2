using System.Runtime.CompilerServices;
using GraphQL.Types;

namespace HeadlessReviews.Api.Execution;

/// <summary>
/// What introspection costs: <c>__schema</c> answers the whole schema, so it costs the schema's size
/// (types, fields, arguments, enum values, interfaces, possible types, directives — counted once, at
/// the first request), and <c>__type</c> the largest type's. One full schema query (GraphiQL's,
/// graphql-codegen's) fits under the default cost; a hundred aliased copies of it do not.
/// </summary>
public static class IntrospectionCost
{
    private sealed record Sizes(long Schema, long LargestType);

    // Once per schema instance (the service has one, built at start).
    private static readonly ConditionalWeakTable<ISchema, Sizes> Measured = [];

    /// <summary>Extra cost of a field over its selection: the schema's size for <c>__schema</c>, the largest type's for <c>__type</c>.</summary>
    public static long Of(ISchema schema, string field) => field switch
    {
        "__schema" => Measured.GetValue(schema, Measure).Schema,
        "__type" => Measured.GetValue(schema, Measure).LargestType,
        _ => 0,
    };

    /// <summary>An introspection field: <c>__schema</c>, <c>__type</c>, or any field of an introspection type (whose lists count each item once).</summary>
    public static bool IsIntrospection(IGraphType? parent, FieldType field) =>
        field.Name is "__schema" or "__type" || parent?.Name.StartsWith("__", StringComparison.Ordinal) == true;

    private static Sizes Measure(ISchema schema)
    {
        long total = 0, largest = 0;
        foreach (var type in schema.AllTypes)
        {
            long size = 1;
            if (type is IComplexGraphType complex)
                foreach (var field in complex.Fields) size += 1 + (field.Arguments?.Count ?? 0);
            if (type is EnumerationGraphType enumeration) size += enumeration.Values.Count;
            if (type is IImplementInterfaces implementing) size += implementing.ResolvedInterfaces.Count;
            if (type is IAbstractGraphType abstractType) size += abstractType.PossibleTypes.Count;
            total += size;
            largest = Math.Max(largest, size);
        }
        foreach (var directive in schema.Directives)
            total += 1 + (directive.Arguments?.Count ?? 0) + directive.Locations.Count;
        return new(total, largest);
    }
}
