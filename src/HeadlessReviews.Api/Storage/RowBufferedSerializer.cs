using System.Buffers;
using System.Data.Common;
using Npgsql;
using Weasel.Core;

namespace HeadlessReviews.Api.Storage;

/// <summary>
/// Marten's System.Text.Json serializer, except that a document read from a row is parsed in one synchronous
/// pass over bytes the row already holds. Marten's own async path wraps the column in a stream and runs
/// System.Text.Json's resumable async deserializer over it, which cost the home page more CPU than every other
/// part of reading its documents (profiled under load: 12 % of the service's samples for ~90 kB of JSON).
/// Our readers never use <see cref="System.Data.CommandBehavior.SequentialAccess"/>, so Npgsql has buffered
/// the whole row before a column is read and nothing here waits on the network.
/// </summary>
public sealed class RowBufferedSerializer(Marten.Services.SystemTextJsonSerializer inner) : Marten.ISerializer
{
    public Marten.ValueCasting ValueCasting => inner.ValueCasting;

    public EnumStorage EnumStorage
    {
        get => inner.EnumStorage;
        set => inner.EnumStorage = value;
    }

    public Casing Casing
    {
        get => inner.Casing;
        set => inner.Casing = value;
    }

    public string ToJson(object? document) => inner.ToJson(document);

    public string ToCleanJson(object? document) => inner.ToCleanJson(document);

    public string ToJsonWithTypes(object document) => inner.ToJsonWithTypes(document);

    public void WriteTo(IBufferWriter<byte> writer, object? value) => inner.WriteTo(writer, value);

    public void WriteToCleanJson(IBufferWriter<byte> writer, object? value) => inner.WriteToCleanJson(writer, value);

    public void WriteToJsonWithTypes(IBufferWriter<byte> writer, object value) => inner.WriteToJsonWithTypes(writer, value);

    public void WriteToParameter(NpgsqlParameter parameter, object? value) => inner.WriteToParameter(parameter, value);

    public T FromJson<T>(Stream stream) => inner.FromJson<T>(stream);

    public T FromJson<T>(DbDataReader reader, int index) => inner.FromJson<T>(reader, index);

    public ValueTask<T> FromJsonAsync<T>(Stream stream, CancellationToken cancellationToken = default) =>
        inner.FromJsonAsync<T>(stream, cancellationToken);

    public ValueTask<T> FromJsonAsync<T>(DbDataReader reader, int index, CancellationToken cancellationToken = default) =>
        Buffered(reader) ? ValueTask.FromResult(inner.FromJson<T>(reader, index)) : inner.FromJsonAsync<T>(reader, index, cancellationToken);

    public object FromJson(Type type, Stream stream) => inner.FromJson(type, stream);

    public object FromJson(Type type, DbDataReader reader, int index) => inner.FromJson(type, reader, index);

    public ValueTask<object> FromJsonAsync(Type type, Stream stream, CancellationToken cancellationToken = default) =>
        inner.FromJsonAsync(type, stream, cancellationToken);

    public ValueTask<object> FromJsonAsync(Type type, DbDataReader reader, int index, CancellationToken cancellationToken = default) =>
        Buffered(reader) ? ValueTask.FromResult(inner.FromJson(type, reader, index)) : inner.FromJsonAsync(type, reader, index, cancellationToken);

    // Anything but Npgsql's reader keeps Marten's path.
    private static bool Buffered(DbDataReader reader) => reader is NpgsqlDataReader;
}
