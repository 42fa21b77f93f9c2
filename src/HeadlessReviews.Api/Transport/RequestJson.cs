using System.Text.Json;
using System.Text.Unicode;

namespace HeadlessReviews.Api.Transport;

/// <summary>
/// Reads the JSON a client sends (an HTTP body, a GET parameter, a WebSocket message) strictly, so that
/// nothing in it can fail later as a server fault: valid UTF-8 only, no property twice in one object
/// (which value would win is anyone's guess), and every string and property name readable as text
/// (a lone surrogate escape such as <c>"\ud800"</c> is not). A refusal is a <see cref="JsonException"/>.
/// </summary>
public static class RequestJson
{
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false };

    public static JsonDocument Parse(ReadOnlyMemory<byte> utf8)
    {
        if (!Utf8.IsValid(utf8.Span)) throw new JsonException("some bytes are not UTF-8.");
        return Checked(() => JsonDocument.Parse(utf8, Options));
    }

    public static JsonDocument Parse(string text) => Checked(() => JsonDocument.Parse(text, Options));

    private static JsonDocument Checked(Func<JsonDocument> parse)
    {
        JsonDocument document;
        // The duplicate check decodes property names, and a lone surrogate in one throws there.
        try { document = parse(); }
        catch (InvalidOperationException) { throw LoneSurrogate(); }
        return Checked(document);
    }

    private static JsonDocument Checked(JsonDocument document)
    {
        try
        {
            CheckText(document.RootElement);
            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    private static void CheckText(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Readable(() => property.Name);
                    CheckText(property.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) CheckText(item);
                break;
            case JsonValueKind.String:
                Readable(element.GetString);
                break;
        }
    }

    // System.Text.Json refuses to decode a lone surrogate escape (InvalidOperationException).
    private static void Readable(Func<string?> decode)
    {
        string? text;
        try { text = decode(); }
        catch (InvalidOperationException) { throw LoneSurrogate(); }
        if (text is not null && WellFormedText.HasLoneSurrogate(text)) throw LoneSurrogate();
    }

    private static JsonException LoneSurrogate() =>
        new("a string holds a lone surrogate escape (such as \\ud800), which is not text.");
}
