using GraphQLParser.AST;

namespace HeadlessReviews.Api.Execution;

/// <summary>
/// How many fragments the document's selection sets merge in, summed over every selection set: each
/// counts the fragments it spreads and, transitively, those they spread at the same level. GraphQL.NET's
/// OverlappingFieldsCanBeMerged rule compares each selection set with every fragment so merged, so a
/// chain of 500 fragments each spreading the next (125,000 merges) costs it a second while the text is
/// small. Counted in one walk, each fragment's count once (spreads of one fragment twice count twice, an
/// upper bound), saturating just past the limit.
/// </summary>
public sealed class FragmentMerges
{
    private readonly long _cap;
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = [];
    private readonly Dictionary<GraphQLSelectionSet, long> _merges = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<GraphQLSelectionSet> _counting = new(ReferenceEqualityComparer.Instance);
    private long _total;

    private FragmentMerges(GraphQLDocument document, int limit)
    {
        _cap = limit + 1L;
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
            _fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
    }

    /// <summary>True when the document needs more than <paramref name="limit"/> fragment merges in all.</summary>
    public static bool OverLimit(GraphQLDocument document, int limit)
    {
        if (limit == 0) return false;
        var walk = new FragmentMerges(document, limit);
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLOperationDefinition operation) walk.Visit(operation.SelectionSet);
            else if (definition is GraphQLFragmentDefinition fragment) walk.Visit(fragment.SelectionSet);
            if (walk._total >= walk._cap) return true;
        }
        return false;
    }

    // Every written selection set, as the overlap rule visits each of them.
    private void Visit(GraphQLSelectionSet set)
    {
        _total = Math.Min(_cap, _total + Merges(set));
        foreach (var selection in set.Selections)
        {
            if (_total >= _cap) return;
            if (selection is GraphQLField { SelectionSet: { } fieldSet }) Visit(fieldSet);
            else if (selection is GraphQLInlineFragment inline) Visit(inline.SelectionSet);
        }
    }

    /// <summary>Fragments merged into one selection set at its own level; once per set.</summary>
    private long Merges(GraphQLSelectionSet set)
    {
        if (_merges.TryGetValue(set, out var known)) return known;
        // A cycle counts nothing the second time round: NoFragmentCycles reports it.
        if (!_counting.Add(set)) return 0;
        long merges = 0;
        foreach (var selection in set.Selections)
        {
            merges += selection switch
            {
                GraphQLInlineFragment inline => Merges(inline.SelectionSet),
                GraphQLFragmentSpread spread => 1 + (_fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment) ? Merges(fragment.SelectionSet) : 0),
                _ => 0,
            };
            if (merges >= _cap) break;
        }
        merges = Math.Min(_cap, merges);
        _counting.Remove(set);
        _merges[set] = merges;
        return merges;
    }
}
