using System.Buffers;
using System.Data.Common;
using Marten;
using Npgsql;
using Weasel.Core;

namespace HeadlessReviews.Api.Storage;

/// <summary>
/// Marten's serializer, except for documents read from a <c>row(…)</c> column (the AdvancedSql queries of the
/// home page, the review page and every list): Npgsql's reader of such a column has no stream of its own, so
/// the base class copied each document through a growing MemoryStream and a fresh 4 kB buffer before Marten
/// parsed it asynchronously: at 20 cards a page that was a third of the bytes the service allocated. The
/// composite is in memory already, so here its bytes go into a pooled buffer and are parsed synchronously.
/// </summary>
public sealed class NestedRowJsonSerializer(Marten.ISerializer inner) : Marten.ISerializer
{
    // The first byte of jsonb's binary form; json has none (a JSON text cannot start with it).
    private const byte JsonbVersion = 1;

    public T FromJson<T>(DbDataReader reader, int index)
    {
        if (reader is not NpgsqlNestedDataReader) return inner.FromJson<T>(reader, index);
        using var json = PooledJson.Read(reader, index);
        return inner.FromJson<T>(json);
    }

    public object FromJson(Type type, DbDataReader reader, int index)
    {
        if (reader is not NpgsqlNestedDataReader) return inner.FromJson(type, reader, index);
        using var json = PooledJson.Read(reader, index);
        return inner.FromJson(type, json);
    }

    public ValueTask<T> FromJsonAsync<T>(DbDataReader reader, int index, CancellationToken cancellationToken = default) =>
        reader is NpgsqlNestedDataReader ? ValueTask.FromResult(FromJson<T>(reader, index)) : inner.FromJsonAsync<T>(reader, index, cancellationToken);

    public ValueTask<object> FromJsonAsync(Type type, DbDataReader reader, int index, CancellationToken cancellationToken = default) =>
        reader is NpgsqlNestedDataReader ? ValueTask.FromResult(FromJson(type, reader, index)) : inner.FromJsonAsync(type, reader, index, cancellationToken);

    /// <summary>A column's JSON in a pooled buffer, without jsonb's version byte; disposing it returns the buffer.</summary>
    private sealed class PooledJson : MemoryStream
    {
        private byte[]? _rented;

        private PooledJson(byte[] rented, int start, int count) : base(rented, start, count, writable: false) => _rented = rented;

        public static PooledJson Read(DbDataReader reader, int index)
        {
            var length = checked((int)reader.GetBytes(index, 0, null, 0, 0));
            var rented = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
            var read = (int)reader.GetBytes(index, 0, rented, 0, length);
            var start = read > 0 && rented[0] == JsonbVersion ? 1 : 0;
            return new PooledJson(rented, start, read - start);
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            // Once: a buffer returned twice would be handed to two renters.
            if (disposing && Interlocked.Exchange(ref _rented, null) is { } rented) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public EnumStorage EnumStorage => inner.EnumStorage;
    public Casing Casing => inner.Casing;
    public ValueCasting ValueCasting => inner.ValueCasting;
    public string ToJson(object? document) => inner.ToJson(document);
    public void WriteTo(IBufferWriter<byte> writer, object? value) => inner.WriteTo(writer, value);
    public string ToCleanJson(object? document) => inner.ToCleanJson(document);
    public void WriteToParameter(NpgsqlParameter parameter, object? value) => inner.WriteToParameter(parameter, value);
    public void WriteToCleanJson(IBufferWriter<byte> writer, object? value) => inner.WriteToCleanJson(writer, value);
    public string ToJsonWithTypes(object document) => inner.ToJsonWithTypes(document);
    public void WriteToJsonWithTypes(IBufferWriter<byte> writer, object value) => inner.WriteToJsonWithTypes(writer, value);
    public T FromJson<T>(Stream stream) => inner.FromJson<T>(stream);
    public object FromJson(Type type, Stream stream) => inner.FromJson(type, stream);
    public ValueTask<T> FromJsonAsync<T>(Stream stream, CancellationToken cancellationToken = default) => inner.FromJsonAsync<T>(stream, cancellationToken);
    public ValueTask<object> FromJsonAsync(Type type, Stream stream, CancellationToken cancellationToken = default) => inner.FromJsonAsync(type, stream, cancellationToken);
}
