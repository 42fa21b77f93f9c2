using Marten;
using Weasel.Postgresql.Tables;

namespace HeadlessReviews.Api.Execution.PersistedDocuments;

/// <summary>
/// The table of persisted documents, shared by every instance: a document's SHA-256 (hex), its text,
/// and whether an admin registered it (trusted) or a client did (automatic persisted queries).
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
        options.Storage.ExtendedSchemaObjects.Add(table);
    }
}
