using HeadlessReviews.Bench.Raw;
using Npgsql;

// The floor no GraphQL layer on this stack can beat without caching: each page is one SQL statement over
// the service's tables, written as {"data": …}; the home page's JSON is written here (HomePage), the others'
// built by PostgreSQL (PageSql).
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
var connectionString = builder.Configuration.GetConnectionString("Reviews")
    ?? throw new InvalidOperationException("ConnectionStrings__Reviews is not set");
// Prepared statements and no DISCARD ALL on return to the pool, as the service has them (Storage/StorageRegistration).
var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 10, NoResetOnClose = true }.ConnectionString);
var app = builder.Build();

app.MapPost("/review", (Request request, HttpContext http) => PageAsync(http, PageSql.Review, request.Slug ?? ""));
app.MapPost("/home", (HttpContext http) => HomePage.WriteAsync(dataSource, http));
app.MapPost("/search", (Request request, HttpContext http) => PageAsync(http, PageSql.Search, request.Query ?? ""));
app.MapPost("/comment", (Request request, HttpContext http) => PageAsync(http, PageSql.PostComment, request.ReviewId ?? ""));
app.Run();

async Task PageAsync(HttpContext http, string sql, string? parameter)
{
    await using var command = dataSource.CreateCommand(sql);
    if (parameter is not null) command.Parameters.Add(new NpgsqlParameter { Value = parameter });
    var json = (string?)await command.ExecuteScalarAsync(http.RequestAborted) ?? "null";
    http.Response.ContentType = "application/json; charset=utf-8";
    await http.Response.WriteAsync($"{{\"data\":{json}}}", http.RequestAborted);
}

internal sealed record Request(string? Slug, string? Query, string? ReviewId);

