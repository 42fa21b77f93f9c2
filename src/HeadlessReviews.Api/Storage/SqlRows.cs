using System.Data.Common;
using Marten.Linq.QueryHandlers;
using Weasel.Postgresql;
using Weasel.Storage;

namespace HeadlessReviews.Api.Storage;

/// <summary>
/// One hand-written statement as an item of a Marten batch query, its rows read by <paramref name="read"/>
/// from plain columns. For a read whose columns are more, or other, than AdvancedSql's three typed ones: the
/// review page's lookup reads the review, its version and one column for each feature reading along. Run
/// through the batch, it takes the session's path to the database (its connection, retries and logging).
/// Parameters stand at <paramref name="placeholder"/> in the text, in order.
/// </summary>
public sealed class SqlRows<T>(string sql, char placeholder, object[] parameters, Func<DbDataReader, IStorageSerializer, T> read)
    : IQueryHandler<IReadOnlyList<T>>
{
    public void ConfigureCommand(ICommandBuilder builder, IStorageSession session)
    {
        var slots = builder.AppendWithParameters(sql, placeholder);
        if (slots.Length != parameters.Length) throw new InvalidOperationException($"The statement has {slots.Length} parameters, {parameters.Length} were given.");
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i].Value = parameters[i];
            // The builder's slots start out as text; the type follows the value, as AdvancedSql's do.
            slots[i].NpgsqlDbType = PostgresqlProvider.Instance.ToParameterType(parameters[i].GetType());
        }
    }

    public async Task<IReadOnlyList<T>> HandleAsync(DbDataReader reader, IStorageSession session, CancellationToken token)
    {
        var rows = new List<T>();
        while (await reader.ReadAsync(token).ConfigureAwait(false)) rows.Add(read(reader, session.Serializer));
        return rows;
    }

    public Task<int> StreamJson(Stream stream, DbDataReader reader, CancellationToken token) =>
        throw new NotSupportedException("SqlRows reads typed rows only.");
}
