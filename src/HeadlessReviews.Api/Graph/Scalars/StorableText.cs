using GraphQLParser.AST;
using HeadlessReviews.Api.Transport;

namespace HeadlessReviews.Api.Graph.Scalars;

/// <summary>
/// The rule for every String and ID a client sends, as a variable or in the document: text PostgreSQL
/// can hold. It refuses U+0000 (no text column or jsonb value can store it) and lone surrogates (no
/// UTF-8 for them), which would otherwise fail deep in a query as a server fault.
/// </summary>
public static class StorableText
{
    public static bool IsStorable(ReadOnlySpan<char> text) => !text.Contains('\0') && !WellFormedText.HasLoneSurrogate(text);

    public static bool IsStorable(GraphQLValue value) => value is not GraphQLStringValue text || IsStorable(text.Value.Span);

    public static object? Check(object? value) =>
        value is string text && !IsStorable(text) ? throw new UnstorableTextException() : value;

    public static GraphQLValue Check(GraphQLValue value) => IsStorable(value) ? value : throw new UnstorableTextException();
}

/// <summary>Answered with <c>BAD_USER_INPUT</c> (see <see cref="Execution.ErrorDetails"/>).</summary>
public sealed class UnstorableTextException()
    : FormatException("Text may not contain the NUL character (U+0000) or a lone surrogate (such as \\ud800).");
