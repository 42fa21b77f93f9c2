using HeadlessReviews.Api.Importing.WordPress.Import;
using HeadlessReviews.Api.Importing.WordPress.Wxr;
using HeadlessReviews.Api.Storage;

namespace HeadlessReviews.Api.Importing.WordPress.Cli;

/// <summary>
/// <c>dotnet HeadlessReviews.Api.dll import-wordpress &lt;file.xml&gt; [options]</c>: the same binary and configuration as
/// the service, no server started. Exit codes: 0 the file was processed (skipped items included), 1 the file is not a
/// readable WXR file (nothing written), 2 a mistake on the command line (with the usage), 3 another import is running.
/// </summary>
public static class ImportWordPressCommand
{
    public const string Name = "import-wordpress";

    public static async Task<int> RunAsync(WebApplication app, ImportCommandLine command, TextWriter output, TextWriter errors)
    {
        if (!File.Exists(command.File))
        {
            await errors.WriteLineAsync($"import-wordpress: there is no file \"{command.File}\".");
            return 2;
        }
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler cancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
        Console.CancelKeyPress += cancel;
        try
        {
            await MigrateCommand.ApplySchemaAsync(app.Services, stop.Token);
            var live = !Console.IsErrorRedirected && errors == Console.Error;
            var progress = new ProgressDisplay(errors, live, TimeProvider.System);
            var report = await app.Services.GetRequiredService<WordPressImporter>().RunAsync(command.File, command.Options, progress, stop.Token);
            if (command.ReportPath is { } path) await File.WriteAllTextAsync(path, report.ToJson(), stop.Token);
            await output.WriteAsync(ReportTable.Of(report, command.ReportPath));
            return 0;
        }
        catch (WxrFormatException error)
        {
            await errors.WriteLineAsync($"import-wordpress: \"{command.File}\": {error.Message} Nothing was written.");
            return 1;
        }
        catch (ImportAlreadyRunningException error)
        {
            await errors.WriteLineAsync($"import-wordpress: {error.Message} Nothing was written.");
            return 3;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await errors.WriteLineAsync("import-wordpress: stopped. Every post written so far is whole; run the same command again to complete the import.");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= cancel;
        }
    }
}
