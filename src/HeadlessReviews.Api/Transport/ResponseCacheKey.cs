using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace HeadlessReviews.Api.Transport;

/// <summary>
/// What names a cached answer: the method (GET answers carry other headers), the response media type,
/// the document (its text, its <c>documentId</c>, or the hash in <c>extensions</c>), the operation name
/// and the variables, the last two maps written canonically (keys sorted, values tagged with their type),
/// so <c>{"a":1,"b":2}</c> and <c>{"b":2,"a":1}</c> find the same answer. Each part is length-prefixed:
/// no two requests share a key unless they are the same request.
/// </summary>
public static class ResponseCacheKey
{
    public static string Of(string method, string mediaType, GraphQLRequest request)
    {
        var key = new StringBuilder(64 + (request.Query?.Length ?? 0));
        Part(key, method);
        Part(key, mediaType);
        Part(key, request.OperationName);
        Part(key, request.DocumentId);
        Part(key, request.Query);
        Value(key, request.Extensions);
        Value(key, request.Variables);
        return key.ToString();
    }

    private static void Part(StringBuilder key, string? text)
    {
        if (text is null) key.Append('~');
        else key.Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(text);
    }

    private static void Value(StringBuilder key, object? value)
    {
        switch (value)
        {
            case null: key.Append('n'); break;
            case string text: key.Append('s'); Part(key, text); break;
            case bool flag: key.Append(flag ? 't' : 'f'); break;
            case int or long or short or byte or sbyte or uint or ulong or ushort or BigInteger:
                key.Append('i').Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append(';'); break;
            case decimal number: key.Append('d').Append(number.ToString(CultureInfo.InvariantCulture)).Append(';'); break;
            case double number: key.Append('r').Append(number.ToString("R", CultureInfo.InvariantCulture)).Append(';'); break;
            case float number: key.Append('r').Append(number.ToString("R", CultureInfo.InvariantCulture)).Append(';'); break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                var fields = map.OrderBy(field => field.Key, StringComparer.Ordinal).ToList();
                key.Append('{').Append(fields.Count.ToString(CultureInfo.InvariantCulture)).Append(':');
                foreach (var (name, item) in fields)
                {
                    Part(key, name);
                    Value(key, item);
                }
                key.Append('}');
                break;
            case IEnumerable list:
                key.Append('[');
                foreach (var item in list) Value(key, item);
                key.Append(']');
                break;
            // Anything else is written with its type: never the same key as a different value.
            default: key.Append('?').Append(value.GetType().FullName).Append(':'); Part(key, Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }
}
