using GraphQLParser.AST;

namespace HeadlessReviews.Api.Execution;

/// <summary>
/// How many fields share one response name in one selection set once its fragment spreads and inline
/// fragments are merged in, and in the sub-selections that merging joins (<c>a { x } a { x }</c> selects
/// <c>x</c> twice). GraphQL.NET's OverlappingFieldsCanBeMerged rule compares every pair of such fields,
/// so a document of 500 same-named fields costs seconds; this walk costs one visit per field and per
/// spread. Each selection set's (and so each fragment's) counts are computed once, capped at one past
/// the limit, so nested spreads cannot multiply the work.
/// </summary>
public sealed class SameNamedFields
{
    private readonly int _limit;
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = [];
    private readonly Dictionary<GraphQLSelectionSet, Dictionary<string, List<GraphQLField>>> _merged = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<GraphQLFragmentDefinition> _expanding = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, string?> _checked = [];
    private readonly Dictionary<GraphQLSelectionSet, int> _ids = new(ReferenceEqualityComparer.Instance);

    private SameNamedFields(GraphQLDocument document, int limit)
    {
        _limit = limit;
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
            _fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
    }

    /// <summary>The first response name selected more than <paramref name="limit"/> times in one merged selection set, or null.</summary>
    public static string? FirstOverLimit(GraphQLDocument document, int limit)
    {
        if (limit == 0) return null;
        var walk = new SameNamedFields(document, limit);
        foreach (var definition in document.Definitions)
        {
            var selection = definition switch
            {
                GraphQLOperationDefinition operation => operation.SelectionSet,
                GraphQLFragmentDefinition fragment => fragment.SelectionSet,
                _ => null,
            };
            if (selection is not null && walk.Check([selection]) is { } name) return name;
        }
        return null;
    }

    // Checks selection sets merged into one (a field's own, or those of same-named fields), then every
    // group of fields under one name, whose sub-selections merge in turn. The answer for each distinct
    // list of written selection sets is kept: a fragment spread many times, or a pair of same-named fields
    // repeated at every level of nested spreads, is checked once, not once per path.
    private string? Check(List<GraphQLSelectionSet> sets)
    {
        var key = string.Join(',', sets.Select(Id).Order());
        if (_checked.TryGetValue(key, out var known)) return known;
        _checked[key] = null; // a fragment cycle reaching the same sets again adds nothing
        var groups = sets.Count == 1 ? Merged(sets[0]) : Combine(sets.Select(Merged));
        string? found = null;
        foreach (var (name, fields) in groups)
        {
            if (fields.Count > _limit) { found = name; break; }
            var subSelections = fields.Select(field => field.SelectionSet).OfType<GraphQLSelectionSet>().ToList();
            if (subSelections.Count > 0 && Check(subSelections) is { } deeper) { found = deeper; break; }
        }
        _checked[key] = found;
        return found;
    }

    private int Id(GraphQLSelectionSet set)
    {
        if (!_ids.TryGetValue(set, out var id)) _ids[set] = id = _ids.Count;
        return id;
    }

    /// <summary>The fields of one written selection set by response name, its fragments merged in; computed once per set.</summary>
    private Dictionary<string, List<GraphQLField>> Merged(GraphQLSelectionSet set)
    {
        if (_merged.TryGetValue(set, out var known)) return known;
        var groups = new Dictionary<string, List<GraphQLField>>();
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    Add(groups, (field.Alias?.Name ?? field.Name).StringValue, [field]);
                    break;
                case GraphQLInlineFragment inline:
                    AddAll(groups, Merged(inline.SelectionSet));
                    break;
                case GraphQLFragmentSpread spread when _fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment) && _expanding.Add(fragment):
                    // A fragment that spreads itself contributes nothing the second time: NoFragmentCycles reports it.
                    AddAll(groups, Merged(fragment.SelectionSet));
                    _expanding.Remove(fragment);
                    break;
            }
        }
        _merged[set] = groups;
        return groups;
    }

    private Dictionary<string, List<GraphQLField>> Combine(IEnumerable<Dictionary<string, List<GraphQLField>>> parts)
    {
        var groups = new Dictionary<string, List<GraphQLField>>();
        foreach (var part in parts) AddAll(groups, part);
        return groups;
    }

    private void AddAll(Dictionary<string, List<GraphQLField>> groups, Dictionary<string, List<GraphQLField>> part)
    {
        foreach (var (name, fields) in part) Add(groups, name, fields);
    }

    // Saturating: past the limit the group is refused anyway, so it keeps no more than one field over.
    private void Add(Dictionary<string, List<GraphQLField>> groups, string name, List<GraphQLField> fields)
    {
        if (!groups.TryGetValue(name, out var group)) groups[name] = group = [];
        foreach (var field in fields)
        {
            if (group.Count > _limit) return;
            group.Add(field);
        }
    }
}
