using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using HeadlessReviews.Api.Storage;
using Marten;
using Weasel.Core;

namespace HeadlessReviews.Api.Comments;

/// <summary>
/// The read model behind <c>commentCount</c>: per review, how many comments readers see
/// (<see cref="CommentVisibility"/>). Kept by statement-level triggers on the comment table, so every
/// write (a post, an import, a moderation decision, a cascade, a spam purge, a bulk load) updates it in
/// its own transaction, whatever code path made it. A change locks the review's count row first and
/// recounts in a later statement, whose READ COMMITTED snapshot sees every change committed before the
/// lock was granted: two posts at once on one review both end up counted. `migrate` creates the
/// objects and back-fills the counts and the derived comment columns of existing rows.
/// </summary>
public sealed class CommentCountStorage : ISchemaObject
{
    public const string Name = "public.hr_comment_counts";
    private const string Refresh = "public.hr_comment_counts_refresh";
    private const string Changed = "public.hr_comment_counts_changed";
    private const string Add = "public.hr_comment_counts_add";
    private static readonly string[] Triggers = ["hr_comment_counts_insert", "hr_comment_counts_update", "hr_comment_counts_delete"];

    // Transaction-local: a batch that defers the recount cannot leave it off for anyone else.
    private const string DeferredSetting = "hr.comment_counts_deferred";

    /// <summary>
    /// For a batch of many comments on few reviews (an import): the triggers skip their recount from here on, in this
    /// session's transaction, until <see cref="Resume"/> recounts the given reviews once. Queued in order with the writes.
    /// </summary>
    /// <remarks>Statements without a result set: Marten reads the results of a batch in order.</remarks>
    public static void Defer(IDocumentSession session) => session.QueueSqlCommand($"set local {DeferredSetting} = 'on'");

    public static void Resume(IDocumentSession session, Guid[] reviewIds)
    {
        session.QueueSqlCommand($"set local {DeferredSetting} = 'off'");
        // The ids as a literal (Guids, nothing to escape): a generic plan for a parameter array scans every comment.
        var ids = $"'{{{string.Join(',', reviewIds)}}}'::uuid[]";
        session.QueueSqlCommand(Lock(ids));
        session.QueueSqlCommand(Recount(ids));
    }

    public static void Configure(StoreOptions options) => options.Storage.ExtendedSchemaObjects.Add(new CommentCountStorage());

    /// <summary>Locks every count row of <paramref name="reviewIds"/> (a SQL <c>uuid[]</c>) in id order: a change touching several reviews in several statements takes them up front, so it cannot deadlock.</summary>
    public static string Lock(string reviewIds) =>
        $"insert into {Name} as c (review_id, shown) select distinct r, 0 from unnest({reviewIds}) r order by r on conflict (review_id) do update set shown = c.shown";

    /// <summary>Recounts every review of <paramref name="reviewIds"/> (a SQL <c>uuid[]</c>); runs after <see cref="Lock"/>, in a later statement.</summary>
    private static string Recount(string reviewIds) =>
        $"update {Name} c set shown = coalesce(s.n, 0) from unnest({reviewIds}) k(review_id) " +
        $"left join (select v.review_id, count(*) n from {CommentVisibility.Shown(reviewIds)} v group by v.review_id) s on s.review_id = k.review_id " +
        "where c.review_id = k.review_id";

    // Recounts the given reviews: lock first (one statement), count after (the next one, a fresh snapshot).
    private static readonly string RefreshBody =
        "\nbegin\n" +
        "  if reviews is null or cardinality(reviews) = 0 then return; end if;\n" +
        $"  {Lock("reviews")};\n" +
        $"  {Recount("reviews")};\n" +
        "end\n";

    // New comments that reply to no earlier row: each shown one adds itself alone, found by walking up its
    // ancestors, so a post costs the same on a review with twenty comments or twenty thousand. Counted after
    // the lock, in a later statement, as the recount is.
    private static readonly string AddBody =
        "\nbegin\n" +
        "  if reviews is null or cardinality(reviews) = 0 then return; end if;\n" +
        $"  {Lock("reviews")};\n" +
        $"  update {Name} c set shown = c.shown + s.n from (select v.review_id, count(*) n from {CommentVisibility.ShownAmong("ids")} v group by v.review_id) s " +
        "where c.review_id = s.review_id;\n" +
        "end\n";

    // Only changes that can change what readers see: an approved row coming or going, a status or thread change.
    private static readonly string ChangedBody =
        "\ndeclare touched uuid[];\nbegin\n" +
        $"  if current_setting('{DeferredSetting}', true) = 'on' then return null; end if;\n" +
        "  if tg_op = 'UPDATE' then\n" +
        "    select array_agg(distinct r) into touched from (select n.review_id, o.review_id from changed n join previous o on o.id = n.id " +
        "where n.status is distinct from o.status or n.parent_id is distinct from o.parent_id or n.review_id is distinct from o.review_id) x(a, b), " +
        "unnest(array[a, b]) r where r is not null;\n" +
        "  else\n" +
        $"    select array_agg(distinct review_id) into touched from changed where status = '{CommentStorage.Approved}';\n" +
        // An earlier row replying to a new one (a parent written after its replies, as an import may) can show
        // more than the new rows: recount. Otherwise the new rows alone change the count.
        $"    if tg_op = 'INSERT' and not exists (select 1 from {Tables.Comments} c join changed n on c.parent_id = n.id " +
        $"where n.status = '{CommentStorage.Approved}' and not exists (select 1 from changed m where m.id = c.id)) then\n" +
        $"      perform {Add}(touched, array(select id from changed where status = '{CommentStorage.Approved}'));\n" +
        "      return null;\n" +
        "    end if;\n" +
        "  end if;\n" +
        $"  perform {Refresh}(touched);\n" +
        "  return null;\nend\n";

    // The comment table's composite indexes are Marten's own (CommentStorage.AddIndexes): Marten drops any it does not know.
    private static readonly string[] Indexes = [];

    public DbObjectName Identifier { get; } = Weasel.Postgresql.PostgresqlProvider.Instance.Parse(Name);

    public IEnumerable<DbObjectName> AllNames() => [Identifier];

    public void WriteCreateStatement(Migrator migrator, TextWriter writer)
    {
        writer.WriteLine($"create table if not exists {Name} (review_id uuid primary key, shown integer not null default 0);");
        writer.WriteLine($"create or replace function {Refresh}(reviews uuid[]) returns void language plpgsql as $${RefreshBody}$$;");
        writer.WriteLine($"create or replace function {Add}(reviews uuid[], ids uuid[]) returns void language plpgsql as $${AddBody}$$;");
        writer.WriteLine($"create or replace function {Changed}() returns trigger language plpgsql as $${ChangedBody}$$;");
        writer.WriteLine(DropTriggers());
        writer.WriteLine($"create trigger {Triggers[0]} after insert on {Tables.Comments} referencing new table as changed for each statement execute function {Changed}();");
        writer.WriteLine($"create trigger {Triggers[1]} after update on {Tables.Comments} referencing old table as previous new table as changed for each statement execute function {Changed}();");
        writer.WriteLine($"create trigger {Triggers[2]} after delete on {Tables.Comments} referencing old table as changed for each statement execute function {Changed}();");
        // Rows written before these columns existed: derive them as the document does (Comment.AuthorEmailKey, BodyFingerprint).
        writer.WriteLine($"update {Tables.Comments} set parent_id = (data ->> 'ParentId')::uuid, client_address_hash = data ->> 'ClientAddressHash', " +
            $"author_email_key = lower(btrim(data ->> 'AuthorEmail')), body_fingerprint = {Screening.RepeatedBodyRule.FingerprintSql("data ->> 'Body'")} " +
            "where body_fingerprint is null or author_email_key is null;");
        foreach (var index in Indexes) writer.WriteLine(index);
        writer.WriteLine($"select {Refresh}(array(select id from {Tables.Reviews}));");
    }

    public void WriteDropStatement(Migrator rules, TextWriter writer)
    {
        writer.WriteLine(DropTriggers());
        writer.WriteLine($"drop function if exists {Changed}();");
        writer.WriteLine($"drop function if exists {Refresh}(uuid[]);");
        writer.WriteLine($"drop function if exists {Add}(uuid[], uuid[]);");
        writer.WriteLine($"drop table if exists {Name};");
    }

    private static string DropTriggers() => string.Join(" ", Triggers.Select(t => $"drop trigger if exists {t} on {Tables.Comments};"));

    public void ConfigureQueryCommand(Weasel.Core.DbCommandBuilder builder) =>
        builder.Append(
            $"select to_regclass('{Name}') is not null, " +
            $"(select count(*) from pg_trigger t where t.tgrelid = to_regclass('{Tables.Comments}') and t.tgname like 'hr_comment_counts_%'), " +
            $"(select string_agg(encode(sha256(convert_to(p.prosrc, 'UTF8')), 'hex'), ',' order by p.proname) from pg_proc p where p.pronamespace = 'public'::regnamespace and p.proname in ('hr_comment_counts_add', 'hr_comment_counts_changed', 'hr_comment_counts_refresh')), " +
            // Marten applies extended objects before document tables: until the comment table has its derived columns, wait for the next pass.
            $"(select count(*) from pg_indexes where schemaname = 'public' and tablename = 'mt_doc_comment' and indexname like 'hr_comment_%'), " +
            $"exists (select 1 from information_schema.columns where table_schema = 'public' and table_name = 'mt_doc_comment' and column_name = 'body_fingerprint');");

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct)
    {
        var tableExists = false;
        long triggers = 0;
        string? functions = null;
        var commentsReady = false;
        long indexes = 0;
        if (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            tableExists = reader.GetBoolean(0);
            triggers = reader.GetInt64(1);
            functions = await reader.IsDBNullAsync(2, ct).ConfigureAwait(false) ? null : reader.GetString(2);
            indexes = reader.GetInt64(3);
            commentsReady = reader.GetBoolean(4);
        }
        var expected = $"{Sha256(AddBody)},{Sha256(ChangedBody)},{Sha256(RefreshBody)}";
        var difference = !commentsReady ? SchemaPatchDifference.None
            : !tableExists ? SchemaPatchDifference.Create
            : triggers == Triggers.Length && indexes == Indexes.Length && functions == expected ? SchemaPatchDifference.None
            : SchemaPatchDifference.Update;
        return new RecreatingDelta(this, difference);
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
