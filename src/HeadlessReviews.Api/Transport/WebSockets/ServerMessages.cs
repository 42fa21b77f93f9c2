using System.Buffers;
using System.Text.Json;

namespace HeadlessReviews.Api.Transport.WebSockets;

/// <summary>The server's messages, as UTF-8 JSON ready to send; payloads are already-serialized JSON.</summary>
public static class ServerMessages
{
    public static readonly byte[] ConnectionAck = Write("connection_ack", null, null);
    public static readonly byte[] Ping = Write("ping", null, null);
    public static readonly byte[] Pong = Write("pong", null, null);

    public static byte[] Next(string id, string resultJson) => Write("next", id, resultJson);

    /// <summary><paramref name="errorsJson"/> is a JSON array of GraphQL errors.</summary>
    public static byte[] Error(string id, string errorsJson) => Write("error", id, errorsJson);

    public static byte[] Complete(string id) => Write("complete", id, null);

    private static byte[] Write(string type, string? id, string? payloadJson)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + (payloadJson?.Length ?? 0));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (id is not null) writer.WriteString("id", id);
            writer.WriteString("type", type);
            if (payloadJson is not null)
            {
                writer.WritePropertyName("payload");
                writer.WriteRawValue(payloadJson, skipInputValidation: true);
            }
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
