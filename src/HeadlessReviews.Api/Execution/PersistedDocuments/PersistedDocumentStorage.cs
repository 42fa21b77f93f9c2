using Marten;
using Weasel.Postgresql.Tables;

namespace HeadlessReviews.Api.Execution.PersistedDocuments;

/// <summary>
/// The table of persisted documents, shared by every instance: a document's SHA-256 (hex), its text,
/// and whether an admin registered it (trusted) or a client did (automatic persisted queries); the
/// latter are capped in number and bytes, the least recently used evicted first.
/// </summary>
public static class PersistedDocumentStorage
{
    public const string Name = "public.hr_persisted_documents";

    public static void Configure(StoreOptions options)
    {
        var table = new Table(Name);
        table.AddColumn<string>("hash").AsPrimaryKey();
        table.AddColumn<string>("document").NotNull();
        table.AddColumn<bool>("trusted").NotNull().DefaultValueByExpression("false");
        table.AddColumn<DateTimeOffset>("created_at").NotNull().DefaultValueByExpression("now()");
        // For the caps on client-registered documents: their size, and when they were last used (written at most once per interval).
        table.AddColumn<int>("size_bytes").NotNull().DefaultValueByExpression("0");
        table.AddColumn<DateTimeOffset>("last_used_at").NotNull().DefaultValueByExpression("now()");
        options.Storage.ExtendedSchemaObjects.Add(table);
    }
}
