using Weasel.Core;

namespace HeadlessReviews.Api.Storage;

/// <summary>
/// The change to a hand-written schema object (triggers, side tables, functions) whose create script is
/// idempotent and recomputes what it keeps: updating it is running that script again, rolling back is
/// dropping it. Its <see cref="ISchemaObject.CreateDeltaAsync"/> says whether anything differs.
/// </summary>
public sealed class RecreatingDelta(ISchemaObject schemaObject, SchemaPatchDifference difference) : ISchemaObjectDelta
{
    public ISchemaObject SchemaObject => schemaObject;
    public SchemaPatchDifference Difference => difference;
    public void WriteUpdate(Migrator rules, TextWriter writer) => schemaObject.WriteCreateStatement(rules, writer);
    public void WriteRollback(Migrator rules, TextWriter writer) => schemaObject.WriteDropStatement(rules, writer);
    public void WriteRestorationOfPreviousState(Migrator rules, TextWriter writer) => schemaObject.WriteDropStatement(rules, writer);
}
