using System.Globalization;
using System.Text;

namespace HeadlessReviews.Api.Importing.WordPress.Wxr;

/// <summary>
/// Reads PHP's serialize() format (s, i, d, b, N, a, O) into a <see cref="PhpValue"/> tree. String lengths count
/// UTF-8 bytes, so the text is read as bytes. Exports are often damaged (re-encoded strings whose byte counts no longer
/// match): every malformed input is a failure with a reason, never an exception; nesting is bounded.
/// </summary>
public static class PhpUnserializer
{
    public const int MaxDepth = 32;

    public static bool TryParse(string text, out PhpValue? value, out string? error)
    {
        var parser = new Parser(Encoding.UTF8.GetBytes(text));
        try
        {
            value = parser.ReadValue(0);
            if (parser.Position != parser.Length) throw new FormatException($"unexpected data after the value at byte {parser.Position}");
            error = null;
            return true;
        }
        catch (FormatException e)
        {
            value = null;
            error = e.Message;
            return false;
        }
    }

    private sealed class Parser(byte[] bytes)
    {
        private static readonly UTF8Encoding Utf8 = new(false, throwOnInvalidBytes: false);

        public int Position { get; private set; }
        public int Length => bytes.Length;

        public PhpValue ReadValue(int depth)
        {
            if (Position >= bytes.Length) throw new FormatException("unexpected end of data");
            var type = (char)bytes[Position++];
            switch (type)
            {
                case 'N':
                    Expect(';');
                    return PhpNull.Instance;
                case 'b':
                    Expect(':');
                    var flag = ReadUntil(';');
                    return flag switch
                    {
                        "0" => new PhpBoolean(false),
                        "1" => new PhpBoolean(true),
                        _ => throw new FormatException($"bad boolean \"{flag}\""),
                    };
                case 'i':
                    Expect(':');
                    var integer = ReadUntil(';');
                    return long.TryParse(integer, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
                        ? new PhpInteger(i)
                        : throw new FormatException($"bad integer \"{integer}\"");
                case 'd':
                    Expect(':');
                    return new PhpFloat(ParseFloat(ReadUntil(';')));
                case 's':
                    Expect(':');
                    var text = ReadString();
                    Expect(';');
                    return new PhpString(text);
                case 'a':
                    Expect(':');
                    return new PhpArray(ReadEntries(depth));
                case 'O':
                    Expect(':');
                    var className = ReadString();
                    Expect(':');
                    return new PhpObject(className, ReadEntries(depth));
                default:
                    throw new FormatException($"unsupported type '{type}' at byte {Position - 1}");
            }
        }

        /// <summary>count:{key value …} — shared by arrays and objects.</summary>
        private List<PhpEntry> ReadEntries(int depth)
        {
            if (depth >= MaxDepth) throw new FormatException($"nested deeper than {MaxDepth} levels");
            var count = ReadCount(':');
            Expect('{');
            var entries = new List<PhpEntry>(Math.Min(count, 64));
            for (var n = 0; n < count; n++)
            {
                var key = ReadValue(depth + 1) switch
                {
                    PhpInteger k => k.Value.ToString(CultureInfo.InvariantCulture),
                    PhpString k => k.Value,
                    _ => throw new FormatException($"array key must be an integer or a string (byte {Position})"),
                };
                entries.Add(new PhpEntry(key, ReadValue(depth + 1)));
            }
            Expect('}');
            return entries;
        }

        /// <summary>length:"bytes" — the length is in UTF-8 bytes.</summary>
        private string ReadString()
        {
            var length = ReadCount(':');
            Expect('"');
            if (length > bytes.Length - Position) throw new FormatException($"string of {length} bytes runs past the end");
            var text = Utf8.GetString(bytes, Position, length);
            Position += length;
            Expect('"');
            return text;
        }

        private int ReadCount(char terminator)
        {
            var digits = ReadUntil(terminator);
            return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                ? count
                : throw new FormatException($"bad length \"{digits}\"");
        }

        private static double ParseFloat(string text) => text switch
        {
            "INF" => double.PositiveInfinity,
            "-INF" => double.NegativeInfinity,
            "NAN" => double.NaN,
            _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? d
                : throw new FormatException($"bad float \"{text}\""),
        };

        private string ReadUntil(char terminator)
        {
            var end = Array.IndexOf(bytes, (byte)terminator, Position);
            // Numbers and lengths are short; a missing terminator nearby means the data is not serialised.
            if (end < 0 || end - Position > 32) throw new FormatException($"expected '{terminator}' after byte {Position}");
            var text = Encoding.ASCII.GetString(bytes, Position, end - Position);
            Position = end + 1;
            return text;
        }

        private void Expect(char c)
        {
            if (Position >= bytes.Length || bytes[Position] != (byte)c)
                throw new FormatException($"expected '{c}' at byte {Position}");
            Position++;
        }
    }
}
