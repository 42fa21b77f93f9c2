using GraphQL.Types;
using GraphQLParser.AST;

namespace HeadlessReviews.Api.Graph.Scalars;

/// <summary>The built-in <c>ID</c>, refusing text that cannot be stored (<see cref="StorableText"/>).</summary>
public sealed class StorableIdType : IdGraphType
{
    public override object? ParseValue(object? value) => base.ParseValue(StorableText.Check(value));

    public override object? ParseLiteral(GraphQLValue value) => base.ParseLiteral(StorableText.Check(value));

    // Validation asks this first; answering false here would hide the reason behind a generic message.
    public override bool CanParseLiteral(GraphQLValue value) => base.CanParseLiteral(StorableText.Check(value));

    public override bool CanParseValue(object? value) => base.CanParseValue(StorableText.Check(value));
}
