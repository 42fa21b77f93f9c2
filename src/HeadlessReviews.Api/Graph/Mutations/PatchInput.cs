using GraphQL.Types;

namespace HeadlessReviews.Api.Graph.Mutations;

/// <summary>
/// An update input: fields left out stay as they are, fields sent as null are cleared. GraphQL.NET
/// maps both to null, so the type records which fields the client actually sent.
/// </summary>
public abstract class PatchInput : MutationInput
{
    public IReadOnlySet<string> Sent { get; set; } = new HashSet<string>();

    public bool Has(string field) => Sent.Contains(field);
}

/// <summary>Input type of a <see cref="PatchInput"/>: remembers the fields present in the request.</summary>
public abstract class PatchInputType<T> : InputObjectGraphType<T> where T : PatchInput
{
    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        var input = (T)base.ParseDictionary(value);
        input.Sent = value.Keys.ToHashSet(StringComparer.Ordinal);
        return input;
    }
}
