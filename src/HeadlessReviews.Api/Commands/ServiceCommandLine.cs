using HeadlessReviews.Api.Importing.WordPress.Cli;

namespace HeadlessReviews.Api.Commands;

/// <summary>What the binary was asked to do: serve (the default), migrate, or import a WordPress export.</summary>
public enum ServiceCommand
{
    Serve,
    Migrate,
    ImportWordPress,
    Help,
    Invalid,
}

/// <summary>
/// The command line, read before the host is built: a command word first (<c>migrate</c>, <c>import-wordpress</c>),
/// else host settings (<c>--urls …</c>, <c>--Key=value</c>) for serving. A word that is neither is an error with the
/// usage, never a silent start of the server.
/// </summary>
public sealed record ServiceCommandLine(ServiceCommand Command, string[] HostArgs, ImportCommandLine? Import, string? Error)
{
    public const string Usage = """
        Usage: HeadlessReviews.Api [command] [options]

        Commands:
          (none)                       run the service (settings as --Key=value or environment variables)
          migrate                      apply the database schema changes of this version, then exit
          import-wordpress <file.xml>  import a WordPress export (see: import-wordpress --help)
        """;

    public static ServiceCommandLine Parse(string[] args)
    {
        if (args.Length == 0) return new(ServiceCommand.Serve, args, null, null);
        var first = args[0];
        switch (first)
        {
            case "migrate":
                return new(ServiceCommand.Migrate, args[1..], null, null);
            case ImportWordPressCommand.Name when args.Skip(1).Any(a => a is "--help" or "-h"):
                return new(ServiceCommand.Help, [], null, ImportCommandLine.Usage);
            case ImportWordPressCommand.Name:
                var (import, error) = ImportCommandLine.Parse(args[1..]);
                // The command's own options are not host settings: the host sees none of them.
                return import is null
                    ? new(ServiceCommand.Invalid, [], null, $"{error}\n\n{ImportCommandLine.Usage}")
                    : new(ServiceCommand.ImportWordPress, [], import, null);
            case "--help" or "-h" or "help":
                return new(ServiceCommand.Help, [], null, Usage);
        }
        // Host settings: "--key value", "--key=value", "/key value" or "key=value" (ASP.NET Core's command-line configuration).
        if (first.StartsWith('-') || first.StartsWith('/') || first.Contains('=', StringComparison.Ordinal))
            return new(ServiceCommand.Serve, args, null, null);
        return new(ServiceCommand.Invalid, [], null, $"Unknown command \"{first}\".\n\n{Usage}");
    }
}
