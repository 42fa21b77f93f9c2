using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using HeadlessReviews.Api.Storage;
using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;

namespace HeadlessReviews.Api.Search;

/// <summary>
/// The stored search vector of each document of one kind: a side table <c>(id, vector)</c> with a GIN
/// index, kept by triggers on the document table in the same transaction as every insert, update,
/// delete or truncate (Marten's upserts, patches and bulk inserts alike), so search ranks stored
/// vectors instead of rebuilding each match's vector from its (toasted) JSON. A side table because
/// Marten's schema check drops columns of its document tables it did not declare.
/// Part of Marten's schema: <c>migrate</c> creates it and back-fills existing rows; the
/// Production schema check refuses a database whose vector definition is older.
/// </summary>
public sealed class StoredSearchVectors : ISchemaObject
{
    private readonly string _documentTable;
    private readonly string _vectorOfNew;
    private readonly string _vectorOfData;
    private readonly string _marker;

    /// <param name="kind">Short name of the kind, used in the side table's name (<c>review</c>).</param>
    /// <param name="documentTable">Marten's document table, schema-qualified.</param>
    /// <param name="vector">The weighted vector, an expression over a JSON column; takes the column's name.</param>
    public StoredSearchVectors(string kind, string documentTable, Func<string, string> vector)
    {
        Identifier = PostgresqlProvider.Instance.Parse("public", $"hr_search_{kind}");
        _documentTable = documentTable;
        _vectorOfNew = vector("new.data");
        _vectorOfData = vector("d.data");
        // Any change of the expression changes the marker, so the schema check and migrate see it.
        _marker = "search vectors v2 " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_vectorOfNew)))[..16];
    }

    public DbObjectName Identifier { get; }

    /// <summary>The side table, schema-qualified, for the search SQL.</summary>
    public string Table => Identifier.QualifiedName;

    private string Function => $"{Identifier.QualifiedName}_sync";
    private string RowTrigger => $"{Identifier.Name}_row";
    private string TruncateTrigger => $"{Identifier.Name}_truncate";

    /// <summary>
    /// Registers the three as a feature of their own: Marten applies registered features after the
    /// document tables (its extended schema objects come before them), and the triggers need those tables.
    /// </summary>
    public static void Configure(StoreOptions options) => options.Storage.Add(new Feature(options.Advanced.Migrator));

    private sealed class Feature(Migrator migrator) : FeatureSchemaBase("Search vectors", migrator)
    {
        protected override IEnumerable<ISchemaObject> schemaObjects() => All;
    }

    public static readonly StoredSearchVectors Reviews = new("review", Tables.Reviews, SearchVectors.Review);
    public static readonly StoredSearchVectors Films = new("film", Tables.Films, SearchVectors.Film);
    public static readonly StoredSearchVectors People = new("person", Tables.People, SearchVectors.Person);
    private static readonly StoredSearchVectors[] All = [Reviews, Films, People];

    public void WriteCreateStatement(Migrator migrator, TextWriter writer)
    {
        writer.WriteLine($"""
            create table if not exists {Table} (id uuid primary key, vector tsvector not null);
            -- Inline (compressed) rather than out of line: a review's vector is ~4 kB, and ranking
            -- the matches then reads their heap pages only; it also shows the planner what a
            -- sequential scan costs, so it takes the GIN index.
            alter table {Table} alter column vector set storage main;
            create index if not exists {Identifier.Name}_vector on {Table} using gin (vector);
            create or replace function {Function}() returns trigger language plpgsql as $sync$
            begin
              if tg_op = 'TRUNCATE' then
                truncate {Table};
                return null;
              elsif tg_op = 'DELETE' then
                delete from {Table} where id = old.id;
                return old;
              end if;
              insert into {Table} (id, vector) values (new.id, {_vectorOfNew})
                on conflict (id) do update set vector = excluded.vector;
              return new;
            end
            $sync$;
            drop trigger if exists {RowTrigger} on {_documentTable};
            create trigger {RowTrigger} after insert or update of data or delete on {_documentTable}
              for each row execute function {Function}();
            drop trigger if exists {TruncateTrigger} on {_documentTable};
            create trigger {TruncateTrigger} after truncate on {_documentTable}
              for each statement execute function {Function}();
            delete from {Table} s where not exists (select from {_documentTable} d where d.id = s.id);
            insert into {Table} (id, vector) select d.id, {_vectorOfData} from {_documentTable} d
              on conflict (id) do update set vector = excluded.vector;
            comment on table {Table} is '{_marker}';
            """);
    }

    public void WriteDropStatement(Migrator rules, TextWriter writer)
    {
        writer.WriteLine($"drop trigger if exists {RowTrigger} on {_documentTable};");
        writer.WriteLine($"drop trigger if exists {TruncateTrigger} on {_documentTable};");
        writer.WriteLine($"drop function if exists {Function}();");
        writer.WriteLine($"drop table if exists {Table};");
    }

    public void ConfigureQueryCommand(Weasel.Core.DbCommandBuilder builder)
    {
        // Up to date when the table carries this version's marker and both triggers are in place.
        builder.Append($"""
            select obj_description(to_regclass('{Table}'), 'pg_class'),
                   (select count(*) from pg_trigger where tgrelid = to_regclass('{_documentTable}')
                      and tgname in ('{RowTrigger}', '{TruncateTrigger}'));
            """);
    }

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct)
    {
        var difference = SchemaPatchDifference.Create;
        if (await reader.ReadAsync(ct).ConfigureAwait(false) && !await reader.IsDBNullAsync(0, ct).ConfigureAwait(false))
        {
            var marker = reader.GetString(0);
            var triggers = reader.GetInt64(1);
            difference = marker == _marker && triggers == 2 ? SchemaPatchDifference.None : SchemaPatchDifference.Update;
        }
        return new RecreatingDelta(this, difference);
    }

    public IEnumerable<DbObjectName> AllNames()
    {
        yield return Identifier;
    }
}
