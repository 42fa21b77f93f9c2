using System.Buffers;
using System.Text;

namespace HeadlessReviews.Api.Execution;

/// <summary>
/// One linear scan of a document's text, before the parser sees it: how many tokens it holds, how long
/// its longest line is, and on request a <em>reflowed</em> copy with one token per line that parses
/// exactly when the text does. GraphQLParser's syntax error pads the error's column one character at a
/// time (quadratic in the column: seconds for an error 80 KB along one line); the copy keeps every
/// column short, so an error in a long line is found and located in linear time.
/// </summary>
public static class DocumentText
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>Tokens (names, numbers, strings, punctuators; ignored characters and comments not counted) and the longest line, in characters.</summary>
    public static (int Tokens, int LongestLine) Measure(string text)
    {
        var tokens = 0;
        for (var at = 0; NextToken(text, ref at, out _, out _); ) tokens++;
        return (tokens, LongestLine(text));
    }

    private static int LongestLine(string text)
    {
        int longest = 0, start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\n' or '\r')) continue;
            longest = Math.Max(longest, i - start);
            start = i + 1;
        }
        return Math.Max(longest, text.Length - start);
    }

    /// <summary>
    /// The text with every token on a line of its own, comments and separators dropped, and the plain
    /// run at the start of a string (characters and escapes that cannot be an error) left out, so any
    /// error is a few columns from its line's start. <paramref name="origins"/> maps back: for each
    /// token, its offset in the copy and in the text, its opening quote's length and how many string characters were left out.
    /// </summary>
    public static string Reflow(string text, out List<(int Copy, int Text, int Quote, int Skipped)> origins)
    {
        var copy = new StringBuilder(text.Length + 16);
        origins = [];
        for (var at = 0; NextToken(text, ref at, out var start, out var plainUntil);)
        {
            var quote = text[start] == '"' ? (text.AsSpan(start).StartsWith("\"\"\"") ? 3 : 1) : 0;
            var skipped = quote > 0 ? plainUntil - (start + quote) : 0;
            origins.Add((copy.Length, start, quote, skipped));
            copy.Append(text, start, quote).Append(text, start + quote + skipped, at - start - quote - skipped);
            // Raw line breaks survive only inside block strings, where \n for \r changes a value, never validity.
            if (quote == 3) copy.Replace('\r', '\n', copy.Length - (at - start - quote - skipped), at - start - quote - skipped);
            copy.Append('\n');
        }
        return copy.ToString();
    }

    /// <summary>The text offset of an offset in the reflowed copy.</summary>
    public static int OriginalOffset(List<(int Copy, int Text, int Quote, int Skipped)> origins, int offset)
    {
        int low = 0, high = origins.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (origins[middle].Copy <= offset) { found = middle; low = middle + 1; }
            else high = middle - 1;
        }
        if (found < 0) return 0;
        var (copy, text, quote, skipped) = origins[found];
        var into = offset - copy;
        // Past the opening quote, the left-out characters come before.
        return text + into + (into >= quote ? skipped : 0);
    }

    /// <summary>Line and column (1-based, as GraphQL counts: \r\n, \r or \n ends a line) of an offset.</summary>
    public static (int Line, int Column) LineAndColumn(string text, int offset)
    {
        int line = 1, start = 0;
        offset = Math.Clamp(offset, 0, text.Length);
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
            if (text[i] is '\n' or '\r') { line++; start = i + 1; }
        }
        return (line, offset - start + 1);
    }

    /// <summary>
    /// The next token from <paramref name="at"/>: its start, and for a string where its plain run ends
    /// (the first character that may be an error, or the closing quote). Never splits what the lexer
    /// reads as one token; may keep as one what it reads as several (harmless for the copy).
    /// </summary>
    private static bool NextToken(string text, ref int at, out int start, out int plainUntil)
    {
        var n = text.Length;
        while (at < n)
        {
            var c = text[at];
            if (c is ' ' or '\t' or ',' or '\n' or '\r' or '\uFEFF') at++;
            else if (c == '#') { while (at < n && text[at] is not ('\n' or '\r')) at++; }
            else break;
        }
        start = plainUntil = at;
        if (at >= n) return false;

        var first = text[at];
        if (text.AsSpan(at).StartsWith("\"\"\"")) at = BlockStringEnd(text, at + 3, out plainUntil);
        else if (first == '"') at = StringEnd(text, at + 1, out plainUntil);
        else if (text.AsSpan(at).StartsWith("...")) at += 3;
        else if (IsNameCharacter(first))
        {
            // A number reads digits, '.', exponents and signs; a name only name characters.
            var number = char.IsAsciiDigit(first);
            at++;
            while (at < n && (IsNameCharacter(text[at]) || (number && text[at] is '.' or '+' or '-' && !text.AsSpan(at).StartsWith("..."))))
                at++;
        }
        else if (first == '-')
        {
            at++;
            while (at < n && (IsNameCharacter(text[at]) || (text[at] is '.' or '+' or '-' && !text.AsSpan(at).StartsWith("...")))) at++;
        }
        else at++; // a punctuator, or a character the lexer refuses
        return true;
    }

    private static bool IsNameCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static int StringEnd(string text, int at, out int plainUntil)
    {
        plainUntil = -1;
        var n = text.Length;
        while (at < n)
        {
            var c = text[at];
            if (c is '\n' or '\r') break;
            if (c == '"')
            {
                if (plainUntil < 0) plainUntil = at;
                return at + 1;
            }
            if (c == '\\')
            {
                var escape = ValidEscapeLength(text, at);
                if (escape > 0) { at += escape; continue; }
            }
            if ((c == '\\' || (c < ' ' && c != '\t')) && plainUntil < 0) plainUntil = at;
            at++;
        }
        if (plainUntil < 0) plainUntil = at;
        return at;
    }

    private static int ValidEscapeLength(string text, int at)
    {
        if (at + 1 >= text.Length) return 0;
        if (text[at + 1] is '"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't') return 2;
        return text[at + 1] == 'u' && at + 5 < text.Length && !text.AsSpan(at + 2, 4).ContainsAnyExcept(HexDigits) ? 6 : 0;
    }

    private static int BlockStringEnd(string text, int at, out int plainUntil)
    {
        plainUntil = -1;
        var n = text.Length;
        while (at < n)
        {
            if (text.AsSpan(at).StartsWith("\\\"\"\"")) { at += 4; continue; }
            if (text.AsSpan(at).StartsWith("\"\"\""))
            {
                if (plainUntil < 0) plainUntil = at;
                return at + 3;
            }
            var c = text[at];
            if (c < ' ' && c is not ('\t' or '\n' or '\r') && plainUntil < 0) plainUntil = at;
            at++;
        }
        if (plainUntil < 0) plainUntil = at;
        return at;
    }
}
