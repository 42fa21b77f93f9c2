using Npgsql;

namespace HeadlessReviews.Api.Storage.Sessions;

/// <summary>
/// A transaction that a DI scope's Marten sessions join instead of committing on their own: set it before the
/// scope's first session is opened, and every operation's <c>SaveChangesAsync</c> then only writes; the owner
/// commits or rolls back the whole. An import uses it to write a post with its film, people and comments as one
/// unit through the same editing operations as the mutations. Unset (the normal case), sessions commit themselves.
/// </summary>
public sealed class AmbientTransaction
{
    public NpgsqlTransaction? Transaction { get; private set; }

    public void Join(NpgsqlTransaction transaction)
    {
        if (Transaction is not null) throw new InvalidOperationException("This scope already joined a transaction.");
        Transaction = transaction;
    }
}
