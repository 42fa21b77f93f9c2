using Marten;
using Weasel.Postgresql.Tables;

namespace HeadlessReviews.Api.Webhooks;

/// <summary>
/// The outbox: one row per event and receiver, written in the transaction of the change it announces
/// (so nothing is announced for a change that rolled back, and nothing is lost when a receiver is
/// down), then delivered and marked by whichever instance takes it first.
/// </summary>
public static class WebhookOutboxStorage
{
    public const string Name = "public.hr_webhook_outbox";

    public static void Configure(StoreOptions options)
    {
        var table = new Table(Name);
        table.AddColumn("id", "bigserial").AsPrimaryKey();
        table.AddColumn<string>("endpoint").NotNull();
        table.AddColumn<Guid>("event_id").NotNull();
        table.AddColumn<string>("event_type").NotNull();
        table.AddColumn("payload", "jsonb").NotNull();
        table.AddColumn<DateTimeOffset>("created_at").NotNull().DefaultValueByExpression("now()");
        table.AddColumn<int>("attempts").NotNull().DefaultValueByExpression("0");
        table.AddColumn<DateTimeOffset>("next_attempt_at").NotNull().DefaultValueByExpression("now()");
        table.AddColumn<DateTimeOffset>("delivered_at");
        table.AddColumn<DateTimeOffset>("given_up_at");
        table.AddColumn<string>("last_error");
        // The dispatcher's question: what is due and still open?
        table.Indexes.Add(new IndexDefinition("ix_hr_webhook_outbox_due") { Columns = ["next_attempt_at"], Predicate = "delivered_at is null and given_up_at is null" });
        options.Storage.ExtendedSchemaObjects.Add(table);
    }
}
