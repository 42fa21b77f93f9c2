using System.Runtime.CompilerServices;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace HeadlessReviews.Api.Execution;

/// <summary>
/// Depth and estimated cost of one operation, in time linear in the document: every fragment is
/// measured once, however often and however deeply it is spread. The model: each field costs 1, and a
/// list field's selection counts once per item it may hold — its <c>first</c>/<c>last</c> (or those of
/// the connection field above it), else the default page size — clamped to [0, max page size] so no
/// argument lowers or overflows the estimate. Sums saturate instead of overflowing.
/// </summary>
public sealed class OperationMeasure
{
    /// <summary>A selection's measure: <see cref="Fixed"/> + (page size of the enclosing connection) × <see cref="PerItem"/>.</summary>
    /// <remarks>
    /// The page size of a connection (<c>reviews(first: 100) { nodes { … } }</c>) applies to the list
    /// fields directly under it, which a fragment on the connection type may hold; keeping that part
    /// apart lets a fragment's measure be computed once whatever connection spreads it.
    /// </remarks>
    private readonly record struct Measure(long Fixed, long PerItem, int Depth);

    private readonly ValidationContext _context;
    private readonly int _defaultPageSize;
    private readonly int _maxPageSize;
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<GraphQLFragmentDefinition, Measure?> _measured = [];

    private OperationMeasure(ValidationContext context, int defaultPageSize, int maxPageSize)
    {
        _context = context;
        _defaultPageSize = Math.Clamp(defaultPageSize, 0, maxPageSize);
        _maxPageSize = maxPageSize;
        foreach (var definition in context.Document.Definitions)
            if (definition is GraphQLFragmentDefinition fragment) _fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
    }

    /// <summary>Depth (fields nested, a leaf counting 1) and cost of the operation being validated; null when it nests too deep to walk.</summary>
    public static (int Depth, long Cost)? Of(ValidationContext context, int defaultPageSize, int maxPageSize)
    {
        var measure = new OperationMeasure(context, defaultPageSize, maxPageSize);
        var root = context.Operation.Operation switch
        {
            OperationType.Mutation => context.Schema.Mutation,
            OperationType.Subscription => context.Schema.Subscription,
            _ => (IGraphType?)context.Schema.Query,
        };
        try
        {
            var result = measure.Of(context.Operation.SelectionSet, root as IComplexGraphType);
            return (result.Depth, Add(result.Fixed, Multiply(measure._defaultPageSize, result.PerItem)));
        }
        catch (InsufficientExecutionStackException)
        {
            return null;
        }
    }

    private Measure Of(GraphQLSelectionSet? selections, IComplexGraphType? type)
    {
        if (selections is null) return default;
        RuntimeHelpers.EnsureSufficientExecutionStack();
        long fixedCost = 0, perItem = 0;
        var depth = 0;
        foreach (var selection in selections.Selections)
        {
            if (!_context.ShouldIncludeNode(selection)) continue;
            var measure = selection switch
            {
                GraphQLField field => OfField(field, type),
                GraphQLInlineFragment inline => Of(inline.SelectionSet, TypeNamed(inline.TypeCondition) ?? type),
                GraphQLFragmentSpread spread => OfFragment(spread),
                _ => default,
            };
            fixedCost = Add(fixedCost, measure.Fixed);
            perItem = Add(perItem, measure.PerItem);
            depth = Math.Max(depth, measure.Depth);
        }
        return new(fixedCost, perItem, depth);
    }

    private Measure OfFragment(GraphQLFragmentSpread spread)
    {
        if (!_fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)) return default;
        if (_measured.TryGetValue(fragment, out var known))
            // Null: being measured (a cycle, which validation refuses anyway): it adds nothing here.
            return known ?? default;
        _measured[fragment] = null;
        var measure = Of(fragment.SelectionSet, TypeNamed(fragment.TypeCondition));
        _measured[fragment] = measure;
        return measure;
    }

    private Measure OfField(GraphQLField field, IComplexGraphType? parent)
    {
        var definition = FieldDefinition(field.Name.StringValue, parent);
        var type = definition?.ResolvedType;
        var isList = Unwrap(ref type);
        var children = Of(field.SelectionSet, type as IComplexGraphType);
        var depth = children.Depth + 1;

        // The schema's description is read from memory, but a whole one is a large answer: it costs
        // what the schema holds, and the lists inside introspection count each item once.
        if (definition is not null && IntrospectionCost.IsIntrospection(parent, definition))
        {
            var inner = Add(children.Fixed, children.PerItem);
            return new(Add(Add(1, IntrospectionCost.Of(_context.Schema, definition.Name)), inner), 0, depth);
        }

        var pageSize = PageSize(field);
        if (isList)
        {
            // A list selects its children once per item; without first/last, the enclosing connection's page size applies.
            var items = pageSize ?? (IsIdLookup(field) ? 1 : (int?)null);
            var perItemChildren = Add(children.Fixed, Multiply(_defaultPageSize, children.PerItem));
            return items is { } count
                ? new(Add(1, Multiply(count, perItemChildren)), 0, depth)
                : new(1, perItemChildren, depth);
        }
        // A connection: its page size multiplies the lists right under it.
        var size = pageSize ?? _defaultPageSize;
        return new(Add(Add(1, children.Fixed), Multiply(size, children.PerItem)), 0, depth);
    }

    /// <summary>first, else last, clamped: a negative or huge value is refused when it runs, and must not change the estimate's sign or overflow it.</summary>
    private int? PageSize(GraphQLField field)
    {
        if (_context.ArgumentValues?.TryGetValue(field, out var arguments) != true || arguments is null) return null;
        foreach (var name in (ReadOnlySpan<string>)["first", "last"])
            if (arguments.TryGetValue(name, out var value) && value.Value is int count) return Math.Clamp(count, 0, _maxPageSize);
        return null;
    }

    private bool IsIdLookup(GraphQLField field) =>
        _context.ArgumentValues?.TryGetValue(field, out var arguments) == true && arguments?.ContainsKey("id") == true;

    private FieldType? FieldDefinition(string name, IComplexGraphType? parent) => name switch
    {
        "__typename" => _context.Schema.TypeNameMetaFieldType,
        "__schema" when parent == _context.Schema.Query => _context.Schema.SchemaMetaFieldType,
        "__type" when parent == _context.Schema.Query => _context.Schema.TypeMetaFieldType,
        _ => parent?.GetField(name),
    };

    private IComplexGraphType? TypeNamed(GraphQLTypeCondition? condition) =>
        condition is null ? null : _context.Schema.AllTypes[condition.Type.Name.StringValue] as IComplexGraphType;

    /// <summary>Strips non-null and list wrappers; true when there was a list.</summary>
    private static bool Unwrap(ref IGraphType? type)
    {
        var isList = false;
        while (type is NonNullGraphType or ListGraphType)
        {
            isList |= type is ListGraphType;
            type = ((IProvideResolvedType)type).ResolvedType;
        }
        return isList;
    }

    private static long Add(long a, long b) => long.MaxValue - a < b ? long.MaxValue : a + b;

    private static long Multiply(long a, long b) => a == 0 || b == 0 ? 0 : long.MaxValue / a < b ? long.MaxValue : a * b;
}
