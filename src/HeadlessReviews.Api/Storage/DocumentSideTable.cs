using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;

namespace HeadlessReviews.Api.Storage;

/// <summary>
/// A read model with one row per document of a Marten table: <c>(id, column)</c>, the column an
/// expression over the document's JSON, kept by triggers on the document table in the same transaction
/// as every insert, update, delete or truncate (Marten's upserts, patches and bulk inserts alike).
/// A side table because Marten's schema check drops columns of its document tables it did not declare.
/// Part of Marten's schema: <c>migrate</c> creates it and back-fills existing rows; the Production
/// schema check refuses a database whose definition is older.
/// </summary>
public sealed class DocumentSideTable : ISchemaObject
{
    private readonly string _documentTable;
    private readonly string _column;
    private readonly string _columnType;
    private readonly string _valueOfNew;
    private readonly string _valueOfData;
    private readonly string _setup;
    private readonly string _marker;

    /// <param name="name">The side table's name (in <c>public</c>).</param>
    /// <param name="documentTable">Marten's document table, schema-qualified.</param>
    /// <param name="column">The kept column's name and type (<c>vector tsvector</c>).</param>
    /// <param name="value">The column's value, an expression over a JSON column; takes the column's name.</param>
    /// <param name="setup">Storage settings and indexes of the side table (<c>public.{name}</c>), run at each migration.</param>
    public DocumentSideTable(string name, string documentTable, (string Name, string Type) column, Func<string, string> value, string setup = "")
    {
        Identifier = PostgresqlProvider.Instance.Parse("public", name);
        _documentTable = documentTable;
        (_column, _columnType) = column;
        _valueOfNew = value("new.data");
        _valueOfData = value("d.data");
        _setup = setup;
        // Any change of the definition changes the marker, so the schema check and migrate see it.
        _marker = "side table v2 " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{_columnType}|{_valueOfNew}|{_setup}")))[..16];
    }

    public DbObjectName Identifier { get; }

    /// <summary>The side table, schema-qualified, for hand-written SQL.</summary>
    public string Table => Identifier.QualifiedName;

    private string Function => $"{Identifier.QualifiedName}_sync";
    private string RowTrigger => $"{Identifier.Name}_row";
    private string TruncateTrigger => $"{Identifier.Name}_truncate";

    /// <summary>
    /// Registers side tables as a feature of their own: Marten applies registered features after the
    /// document tables (its extended schema objects come before them), and the triggers need those tables.
    /// Marten keeps one feature per storage type, so each registration names its <paramref name="owner"/>.
    /// </summary>
    public static void Register(StoreOptions options, Type owner, string featureName, params DocumentSideTable[] tables) =>
        options.Storage.Add(new Feature(owner, featureName, options.Advanced.Migrator, tables));

    private sealed class Feature(Type owner, string name, Migrator migrator, DocumentSideTable[] tables) : FeatureSchemaBase(name, migrator)
    {
        public override Type StorageType => owner;
        protected override IEnumerable<ISchemaObject> schemaObjects() => tables;
    }

    public void WriteCreateStatement(Migrator migrator, TextWriter writer)
    {
        writer.WriteLine($"""
            create table if not exists {Table} (id uuid primary key, {_column} {_columnType} not null);
            do $retype$ begin
              -- A table made by an older definition keeps its column type until told: convert it in place.
              if (select format_type(atttypid, atttypmod) from pg_attribute
                    where attrelid = '{Table}'::regclass and attname = '{_column}') <> '{_columnType}' then
                alter table {Table} alter column {_column} type {_columnType} using {_column}::{_columnType};
              end if;
            end $retype$;
            {_setup}
            create or replace function {Function}() returns trigger language plpgsql as $sync$
            begin
              if tg_op = 'TRUNCATE' then
                truncate {Table};
                return null;
              elsif tg_op = 'DELETE' then
                delete from {Table} where id = old.id;
                return old;
              end if;
              insert into {Table} (id, {_column}) values (new.id, {_valueOfNew})
                on conflict (id) do update set {_column} = excluded.{_column};
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
            insert into {Table} (id, {_column}) select d.id, {_valueOfData} from {_documentTable} d
              on conflict (id) do update set {_column} = excluded.{_column};
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
