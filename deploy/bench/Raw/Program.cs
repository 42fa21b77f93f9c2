using HeadlessReviews.Bench.Raw;
using Npgsql;

// The floor no GraphQL layer on this stack can beat without caching: each page is one SQL statement
// over the service's Marten tables that builds the page's JSON in PostgreSQL, written as {"data": …}.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
var connectionString = builder.Configuration.GetConnectionString("Reviews")
    ?? throw new InvalidOperationException("ConnectionStrings__Reviews is not set");
var dataSource = NpgsqlDataSource.Create(connectionString);
var app = builder.Build();

app.MapPost("/review", (Request request, HttpContext http) => PageAsync(http, PageSql.Review, request.Slug ?? ""));
app.MapPost("/home", (HttpContext http) => PageAsync(http, PageSql.Home, null));
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

