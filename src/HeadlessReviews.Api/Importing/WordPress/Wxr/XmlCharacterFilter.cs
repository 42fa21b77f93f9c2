using System.Text;

namespace HeadlessReviews.Api.Importing.WordPress.Wxr;

/// <summary>
/// Real exports contain characters XML 1.0 forbids (backspace, escape, lone surrogates pasted from Word):
/// they are dropped before the XML reader sees them and counted, so one stray byte does not reject a whole site.
/// Newlines are never dropped, so line numbers in errors stay true.
/// </summary>
internal sealed class XmlCharacterFilter(TextReader inner) : TextReader
{
    private readonly char[] _source = new char[16 * 1024];
    private char? _pendingHigh;
    private char? _carry;

    /// <summary>Characters removed so far, from the raw text and from character references (see <see cref="Strip"/>).</summary>
    public long Removed { get; private set; }

    public static bool IsAllowed(char c) =>
        c is '\t' or '\n' or '\r' or (>= '\u0020' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');

    /// <summary>Removes forbidden characters that reached a value through character references (&amp;#8;).</summary>
    public string Strip(string value)
    {
        var clean = true;
        for (var i = 0; i < value.Length && clean; i++) clean = IsAllowed(value[i]) || char.IsSurrogate(value[i]);
        if (clean) return value;
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (IsAllowed(c) || char.IsSurrogate(c)) builder.Append(c);
            else Removed++;
        }
        return builder.ToString();
    }

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty) return 0;
        var written = 0;
        if (_carry is char carried)
        {
            buffer[written++] = carried;
            _carry = null;
        }
        while (written == 0)
        {
            // A surrogate pair may straddle two reads: leave room for the held high half.
            var room = buffer.Length - written - (_pendingHigh is null ? 0 : 1);
            var read = inner.Read(_source, 0, Math.Min(_source.Length, Math.Max(1, room)));
            if (read == 0)
            {
                if (_pendingHigh is not null) { Removed++; _pendingHigh = null; }
                return written;
            }
            for (var i = 0; i < read; i++) Emit(_source[i], buffer, ref written);
        }
        return written;
    }

    private void Emit(char c, Span<char> buffer, ref int written)
    {
        if (_pendingHigh is char high)
        {
            _pendingHigh = null;
            if (char.IsLowSurrogate(c))
            {
                buffer[written++] = high;
                if (written < buffer.Length) buffer[written++] = c;
                else _carry = c;
                return;
            }
            Removed++;
        }
        if (char.IsHighSurrogate(c)) _pendingHigh = c;
        else if (IsAllowed(c)) buffer[written++] = c;
        else Removed++;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
