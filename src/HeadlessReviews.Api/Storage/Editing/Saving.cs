using Marten;
using JasperFx;
using Npgsql;

namespace HeadlessReviews.Api.Storage.Editing;

/// <summary>How a save ended: written, lost a race on the version, or on a unique slug.</summary>
public enum SaveOutcome
{
    Saved,
    VersionConflict,
    SlugTaken,
}

public static class Saving
{
    /// <summary>
    /// Commits the session's changes in one transaction. Marten's revision check and the unique slug
    /// index decide races between two writers; the loser gets an outcome, never an exception.
    /// </summary>
    public static async Task<SaveOutcome> SaveAsync(IDocumentSession session, CancellationToken cancellationToken)
    {
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return SaveOutcome.Saved;
        }
        catch (Exception exception) when (Find<ConcurrencyException>(exception) is not null)
        {
            return SaveOutcome.VersionConflict;
        }
        catch (Exception exception) when (Find<PostgresException>(exception) is { SqlState: PostgresErrorCodes.UniqueViolation }
            || Find<DocumentAlreadyExistsException>(exception) is not null)
        {
            return SaveOutcome.SlugTaken;
        }
    }

    private static T? Find<T>(Exception exception) where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match) return match;
            if (current is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions)
                    if (Find<T>(inner) is { } found) return found;
        }
        return null;
    }
}
