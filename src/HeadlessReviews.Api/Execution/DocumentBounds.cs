using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace HeadlessReviews.Api.Execution;

/// <summary>
/// Bounds a document's text before the parser reads it, on every transport: at most
/// <see cref="ExecutionSettings.MaxDocumentCharacters"/> characters, <see cref="ExecutionSettings.MaxTokens"/>
/// tokens and <see cref="ExecutionSettings.MaxLineLength"/> characters on a line, refused with
/// <c>DOCUMENT_TOO_LARGE</c>, <c>DOCUMENT_TOO_MANY_TOKENS</c> or <c>DOCUMENT_LINE_TOO_LONG</c> (not
/// executed: a request error). The token count bounds the validator's work too. A document with long
/// lines is first parsed reflowed (<see cref="DocumentText"/>), so its syntax error costs linear time.
/// </summary>
public sealed class DocumentBounds(IOptions<ExecutionSettings> settings, IDocumentBuilder parser) : IConfigureExecution
{
    // Up to here GraphQLParser's error message costs next to nothing (its cost grows with the column squared).
    private const int ShortLine = 256;

    // After the document cache (a hit is parsed already), before GraphQL.NET parses the text.
    public float SortOrder => 250;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } text) return next(options);
        var limits = settings.Value;
        if (limits.MaxDocumentCharacters > 0 && text.Length > limits.MaxDocumentCharacters)
            return Refused(new ExecutionError($"The document is {text.Length} characters long; at most {limits.MaxDocumentCharacters} are allowed.") { Code = "DOCUMENT_TOO_LARGE" });

        var (tokens, longestLine) = DocumentText.Measure(text);
        if (limits.MaxTokens > 0 && tokens > limits.MaxTokens)
            return Refused(new ExecutionError($"The document holds {tokens} tokens; at most {limits.MaxTokens} are allowed.") { Code = "DOCUMENT_TOO_MANY_TOKENS" });
        if (limits.MaxLineLength > 0 && longestLine > limits.MaxLineLength)
            return Refused(new ExecutionError($"The document has a line of {longestLine} characters; at most {limits.MaxLineLength} are allowed on one line.") { Code = "DOCUMENT_LINE_TOO_LONG" });

        return longestLine > ShortLine && SyntaxErrorOf(text) is { } error ? Refused(error) : next(options);
    }

    /// <summary>The syntax error of a text with long lines, found in its reflowed copy and located in the text itself.</summary>
    private ExecutionError? SyntaxErrorOf(string text)
    {
        var copy = DocumentText.Reflow(text, out var origins);
        try
        {
            parser.Build(copy);
            return null;
        }
        // GraphQL.NET's builder wraps the parser's exception in its SyntaxError.
        catch (Exception thrown) when ((thrown as GraphQLParserException ?? thrown.InnerException as GraphQLParserException) is { } error)
        {
            var lineStart = 0;
            for (var line = 1; line < error.Location.Line && lineStart < copy.Length; line++)
                lineStart = copy.IndexOf('\n', lineStart) + 1;
            var offset = DocumentText.OriginalOffset(origins, lineStart + error.Location.Column - 1);
            var (atLine, atColumn) = DocumentText.LineAndColumn(text, offset);
            var syntaxError = new ExecutionError($"Error parsing query: {error.Description}") { Code = "SYNTAX_ERROR" };
            syntaxError.AddLocation(new(atLine, atColumn));
            return syntaxError;
        }
    }

    private static Task<ExecutionResult> Refused(ExecutionError error)
    {
        var result = new ExecutionResult { Executed = false };
        result.AddError(error);
        return Task.FromResult(result);
    }
}
