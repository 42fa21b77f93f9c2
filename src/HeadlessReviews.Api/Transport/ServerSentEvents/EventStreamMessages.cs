using System.Text;

namespace HeadlessReviews.Api.Transport.ServerSentEvents;

/// <summary>The events of <c>graphql-sse</c> (distinct connections mode), as UTF-8 bytes ready to write.</summary>
public static class EventStreamMessages
{
    public static readonly byte[] Complete = "event: complete\ndata:\n\n"u8.ToArray();

    /// <summary>A comment line: ignored by clients, keeps proxies from closing an idle stream.</summary>
    public static readonly byte[] KeepAlive = ":\n\n"u8.ToArray();

    /// <summary><c>event: next</c> with <paramref name="resultJson"/> (an ExecutionResult) as data, one <c>data:</c> line per line of JSON.</summary>
    public static byte[] Next(string resultJson)
    {
        var text = new StringBuilder(resultJson.Length + 32).Append("event: next\n");
        foreach (var line in resultJson.Split('\n')) text.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        return Encoding.UTF8.GetBytes(text.Append('\n').ToString());
    }
}
