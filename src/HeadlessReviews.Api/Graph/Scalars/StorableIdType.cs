using GraphQL.Types;
using GraphQLParser.AST;

namespace HeadlessReviews.Api.Graph.Scalars;

/// <summary>The built-in <c>ID</c>, without text that cannot be stored (<see cref="StorableText"/>).</summary>
public sealed class StorableIdType : IdGraphType
{
    public StorableIdType() => Name = "ID";

    public override object? ParseValue(object? value) => StorableText.Clean(base.ParseValue(value));

    public override object? ParseLiteral(GraphQLValue value) => StorableText.Clean(base.ParseLiteral(value));

    // Validation asks this of a literal in the document: false makes it an ARGUMENTS_OF_CORRECT_TYPE error.
    public override bool CanParseLiteral(GraphQLValue value) => StorableText.IsStorable(value) && base.CanParseLiteral(value);
}
