using System.Runtime.CompilerServices;
using GraphQL;
using GraphQLParser.AST;

namespace HeadlessReviews.Api.Graph;

/// <summary>
/// What a field's selection set asks for, read from the document before its value is loaded, so a loader
/// can read part of a document when the rest is not wanted (a film card for a list of reviews).
/// </summary>
public static class SelectionScope
{
    /// <summary>
    /// True when every field directly under the resolving field, through fragment spreads and inline
    /// fragments too, is one of <paramref name="fields"/>. GraphQL.NET hands a resolver of merged fields
    /// (<c>film { title } film { cast { … } }</c>) one field whose selection set holds both, so nothing
    /// asked for can be missed. Anything unusual (a fragment the document lacks) answers false: load all.
    /// </summary>
    public static bool AsksOnlyFor(IResolveFieldContext context, IReadOnlySet<string> fields) =>
        Within(context.FieldAst.SelectionSet, context.Document, fields, null);

    /// <summary>
    /// True when a field named <paramref name="field"/> is selected anywhere below the resolving field, through
    /// fragments too, whatever its parent: a conservative answer for reading a value along with a list.
    /// </summary>
    public static bool Mentions(IResolveFieldContext context, string field) =>
        Mentions(context.FieldAst.SelectionSet, context.Document, name => name == field, null);

    /// <summary>As <see cref="Mentions(IResolveFieldContext, string)"/>, for any of <paramref name="fields"/>, in one walk.</summary>
    public static bool MentionsAny(IResolveFieldContext context, IReadOnlySet<string> fields) =>
        Mentions(context.FieldAst.SelectionSet, context.Document, fields.Contains, null);

    /// <summary>
    /// Every field named <paramref name="field"/> selected anywhere below the resolving field, through fragments
    /// too, whatever its parent (to read their arguments; the same field may appear with several).
    /// </summary>
    public static IReadOnlyList<GraphQLField> FieldsNamed(IResolveFieldContext context, string field)
    {
        var found = new List<GraphQLField>();
        Mentions(context.FieldAst.SelectionSet, context.Document, name => name == field, null, found);
        return found;
    }

    // With `found`, walks everything and collects each wanted field instead of stopping at the first.
    private static bool Mentions(GraphQLSelectionSet? selections, GraphQLDocument document, Func<string, bool> wanted, HashSet<string>? spread, List<GraphQLField>? found = null)
    {
        if (selections is null) return false;
        RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var selection in selections.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    if (wanted(field.Name.StringValue))
                    {
                        if (found is null) return true;
                        found.Add(field);
                    }
                    if (Mentions(field.SelectionSet, document, wanted, spread, found) && found is null) return true;
                    break;
                case GraphQLInlineFragment inline:
                    if (Mentions(inline.SelectionSet, document, wanted, spread, found) && found is null) return true;
                    break;
                case GraphQLFragmentSpread fragmentSpread:
                    if (!FirstSpread(fragmentSpread, ref spread)) break;
                    // A fragment the document lacks fails validation before this runs; be safe anyway.
                    if (Fragment(document, fragmentSpread) is not { } fragment) return true;
                    if (Mentions(fragment.SelectionSet, document, wanted, spread, found) && found is null) return true;
                    break;
            }
        }
        return false;
    }

    private static bool Within(GraphQLSelectionSet? selections, GraphQLDocument document, IReadOnlySet<string> fields, HashSet<string>? spread)
    {
        if (selections is null) return true;
        RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var selection in selections.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    if (!fields.Contains(field.Name.StringValue)) return false;
                    break;
                case GraphQLInlineFragment inline:
                    if (!Within(inline.SelectionSet, document, fields, spread)) return false;
                    break;
                case GraphQLFragmentSpread fragmentSpread:
                    if (!FirstSpread(fragmentSpread, ref spread)) break;
                    if (Fragment(document, fragmentSpread) is not { } fragment || !Within(fragment.SelectionSet, document, fields, spread)) return false;
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    // A fragment spread twice below one field is read once.
    private static bool FirstSpread(GraphQLFragmentSpread fragmentSpread, ref HashSet<string>? spread) =>
        (spread ??= []).Add(fragmentSpread.FragmentName.Name.StringValue);

    private static GraphQLFragmentDefinition? Fragment(GraphQLDocument document, GraphQLFragmentSpread fragmentSpread) =>
        document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(f => f.FragmentName.Name.StringValue == fragmentSpread.FragmentName.Name.StringValue);
}
