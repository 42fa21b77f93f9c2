using Marten;

namespace HeadlessReviews.Api.Storage.Paging;

/// <summary>Runs a <see cref="KeysetQuery"/> for one page: one round trip, plus one for the total when asked.</summary>
public static class KeysetPager
{
    public static async Task<Connection<T>> PageAsync<T>(IQuerySession session, KeysetQuery query, PageRequest page, CancellationToken cancellationToken)
        where T : notnull
    {
        var argument = page.Backward ? "before" : "after";
        var cursorValues = page.Cursor is null ? null : Cursor.Decode(page.Cursor, argument, query.Signature, query.Order);

        // Backward pages are read in the reverse order, then turned round.
        var order = page.Backward ? query.Order.Select(k => k.Reversed()).ToList() : query.Order;
        // Placeholders are positional: those of FROM, then the cursor's, then those of WHERE.
        var parameters = new List<object>(query.FromParameters);
        var from = query.From;
        var where = query.WhereClause;
        if (cursorValues is not null)
        {
            from += $" cross join (select {KeysetQuery.Placeholder}::jsonb as v) as cursor";
            parameters.Add(cursorValues);
            where += $" and ({KeysetQuery.AfterCursor(order)})";
        }
        parameters.AddRange(query.Parameters);

        var keys = string.Join(", ", query.Order.Select(k => k.Expression));
        var orderBy = string.Join(", ", order.Select(k => $"{k.Expression} {(k.Descending ? "desc" : "asc")}"));
        var sql = $"select row({query.Data}), row(jsonb_build_array({keys})::text){(query.ReadAlong is { } along ? $", row({along.Column})" : "")} " +
            $"from {from} where {where} order by {orderBy} limit {page.Size + 1}";

        IReadOnlyList<(T, string)> rows;
        if (query.ReadAlong is { } readAlong)
        {
            var read = await session.AdvancedSql.QueryAsync<T, string, int[]>(KeysetQuery.Placeholder, sql, cancellationToken, [.. parameters]).ConfigureAwait(false);
            foreach (var (item, _, values) in read) readAlong.Receive(item, values);
            rows = [.. read.Select(row => (row.Item1, row.Item2))];
        }
        else
        {
            rows = await session.AdvancedSql.QueryAsync<T, string>(KeysetQuery.Placeholder, sql, cancellationToken, [.. parameters]).ConfigureAwait(false);
        }
        var more = rows.Count > page.Size;
        var edges = rows.Take(page.Size).Select(row => new Edge<T>(Cursor.Encode(query.Signature, row.Item2), row.Item1)).ToList();
        if (page.Backward) edges.Reverse();

        var pageInfo = PageInfo.OfKeysetPage(page, more, edges);

        return new Connection<T>(edges, pageInfo, async token =>
        {
            var counts = await session.QueryAsync<long>(KeysetQuery.Placeholder,
                $"select count(*) from {query.From} where {query.WhereClause}", token, [.. query.FromParameters, .. query.Parameters]).ConfigureAwait(false);
            return counts[0];
        });
    }
}
