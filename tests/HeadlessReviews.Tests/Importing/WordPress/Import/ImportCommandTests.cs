using System.Diagnostics;
using System.Text.Json.Nodes;
using HeadlessReviews.Tests.Infrastructure;
using Npgsql;

namespace HeadlessReviews.Tests.Importing.WordPress.Import;

/// <summary>
/// <c>dotnet HeadlessReviews.Api.dll import-wordpress …</c> as an operator runs it (the real binary, a process of its own):
/// exit codes, the usage for mistakes, the summary and the report file, and a broken file refused with its line.
/// </summary>
public sealed class ImportCommandTests : IAsyncLifetime
{
    private string _database = "";
    private readonly string _folder = Directory.CreateTempSubdirectory("hr-import-cli-").FullName;

    public async Task InitializeAsync() => _database = await ServiceHost.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        await ServiceHost.DropDatabaseAsync(_database);
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "HeadlessReviews.Api.dll"), .. args])
        {
            Environment = { ["ConnectionStrings__Reviews"] = _database, ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Logging__LogLevel__Default"] = "Warning" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _folder,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    private async Task<long> ReviewsAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from information_schema.tables where table_name = 'mt_doc_review'", connection);
        if ((long)(await command.ExecuteScalarAsync())! == 0) return 0;
        await using var count = new NpgsqlCommand("select count(*) from mt_doc_review", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task An_unknown_command_or_option_is_an_error_with_the_usage_never_a_server()
    {
        var unknown = await RunAsync("import-wordpres", "export.xml");
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("Unknown command \"import-wordpres\"", unknown.Err);
        Assert.Contains("import-wordpress <file.xml>", unknown.Err);

        var option = await RunAsync("import-wordpress", WxrFixtures.PathOf("blog-export.xml"), "--dryrun");
        Assert.Equal(2, option.Exit);
        Assert.Contains("Unknown option \"--dryrun\"", option.Err);
        Assert.Contains("--review-title-pattern", option.Err);

        var help = await RunAsync("import-wordpress", "--help");
        Assert.Equal(0, help.Exit);
        Assert.Contains("--media-base-url", help.Out);
    }

    [Fact]
    public async Task A_dry_run_then_an_import_write_the_report_and_print_the_summary()
    {
        var report = Path.Combine(_folder, "report.json");
        var dry = await RunAsync("import-wordpress", WxrFixtures.PathOf("blog-export.xml"), "--dry-run", "--report", report);
        Assert.True(dry.Exit == 0, dry.Err);
        Assert.Contains("dry run", dry.Out);
        Assert.Equal(0, await ReviewsAsync());
        Assert.True((bool)JsonNode.Parse(File.ReadAllText(report))!["dryRun"]!);

        var real = await RunAsync("import-wordpress", WxrFixtures.PathOf("blog-export.xml"), "--report", report, "--media-base-url", "https://media.example/files/");
        Assert.True(real.Exit == 0, real.Err);
        Assert.Matches(@"posts\s+9\s+0\s+0\s+3\s+0", real.Out);
        Assert.Contains("Done: 17/17 items", real.Err);
        Assert.Equal(9, await ReviewsAsync());
        var json = JsonNode.Parse(File.ReadAllText(report))!;
        Assert.Equal(17, json["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_truncated_file_exits_non_zero_with_its_line_and_position_and_writes_nothing()
    {
        var whole = File.ReadAllText(WxrFixtures.PathOf("blog-export.xml"));
        var truncated = Path.Combine(_folder, "truncated.xml");
        File.WriteAllText(truncated, whole[..(whole.Length / 2)]);

        var result = await RunAsync("import-wordpress", truncated);

        Assert.Equal(1, result.Exit);
        Assert.Matches(@"line \d+, position \d+", result.Err);
        Assert.Contains("Nothing was written", result.Err);
        Assert.Equal(0, await ReviewsAsync());
    }
}
