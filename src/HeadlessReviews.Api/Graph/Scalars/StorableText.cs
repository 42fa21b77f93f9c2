using GraphQLParser.AST;
using HeadlessReviews.Api.Transport;

namespace HeadlessReviews.Api.Graph.Scalars;

/// <summary>
/// The rule for every String and ID a client sends, as a variable or in the document: text PostgreSQL
/// can hold. U+0000 (which no text column or jsonb value stores) is removed, as other control
/// characters are from comments; a lone surrogate (no UTF-8 for it) is refused. Either would otherwise
/// fail deep in a query as a server fault.
/// </summary>
public static class StorableText
{
    public static bool IsStorable(GraphQLValue value) => value is not GraphQLStringValue text || !WellFormedText.HasLoneSurrogate(text.Value.Span);

    /// <summary>The value with any U+0000 removed; a lone surrogate is an <see cref="UnstorableTextException"/>.</summary>
    public static object? Clean(object? value) => value switch
    {
        string text when WellFormedText.HasLoneSurrogate(text) => throw new UnstorableTextException(),
        string text when text.Contains('\0', StringComparison.Ordinal) => text.Replace("\0", "", StringComparison.Ordinal),
        _ => value,
    };
}

/// <summary>Answered with <c>BAD_USER_INPUT</c> (see <see cref="Execution.ErrorDetails"/>).</summary>
public sealed class UnstorableTextException()
    : FormatException("Text may not contain a lone surrogate (such as \\ud800).");
