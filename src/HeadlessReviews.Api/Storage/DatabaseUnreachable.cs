using System.Net.Sockets;
using Npgsql;

namespace HeadlessReviews.Api.Storage;

/// <summary>
/// Tells a database outage (nothing a client did, nothing wrong in our code: PostgreSQL cannot be
/// reached, is shutting down, or dropped the connection) from every other failure.
/// </summary>
public static class DatabaseUnreachable
{
    /// <summary>True when the exception, or any exception inside it, says PostgreSQL is unavailable.</summary>
    public static bool Is(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // 08xxx: connection exceptions; 57P01..57P05: admin or crash shutdown, cannot connect now.
                case PostgresException postgres when postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                    || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal):
                    return true;
                case PostgresException:
                    return false; // the server answered: whatever it said is not an outage
                // Npgsql's own exceptions (no SQL state) are about the connection: refused, cut, timed out, pool exhausted.
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(Is):
                    return true;
            }
        }
        return false;
    }
}
