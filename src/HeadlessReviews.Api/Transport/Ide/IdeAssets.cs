using System.Reflection;
using System.Text.Json;

namespace HeadlessReviews.Api.Transport.Ide;

/// <summary>
/// The IDE as built by <c>src/HeadlessReviews.Ide</c> (Vite) and embedded in this assembly under
/// <c>Ide/</c>: its files and, from Vite's manifest, which script and stylesheets the page loads.
/// Built without the IDE (<c>-p:BuildIde=false</c>): <see cref="IsBuilt"/> is false.
/// </summary>
public sealed class IdeAssets
{
    private const string Prefix = "Ide/";
    private const string EntrySource = "src/main.jsx";
    private static readonly string[] Codings = ["br", "gzip"];

    private readonly Assembly _assembly = typeof(IdeAssets).Assembly;
    private readonly Dictionary<string, IdeAsset> _byName = new(StringComparer.Ordinal);

    public IdeAssets()
    {
        var resources = _assembly.GetManifestResourceNames().Where(name => name.StartsWith(Prefix, StringComparison.Ordinal)).ToHashSet();
        if (!resources.Contains(Prefix + "manifest.json")) return;

        foreach (var resource in resources)
        {
            var name = resource[Prefix.Length..];
            if (name == "manifest.json" || Codings.Any(coding => name.EndsWith(Extension(coding), StringComparison.Ordinal))) continue;
            var byCoding = new Dictionary<string, string>(StringComparer.Ordinal) { ["identity"] = resource };
            foreach (var coding in Codings)
                if (resources.Contains(resource + Extension(coding))) byCoding[coding] = resource + Extension(coding);
            _byName[name] = new IdeAsset(name, ContentTypeOf(name), byCoding);
        }
        (EntryScript, Stylesheets, Preloads) = ReadEntry();
        IsBuilt = true;
    }

    public bool IsBuilt { get; }

    /// <summary>The page's module script, relative to the asset folder (<c>assets/main-….js</c>).</summary>
    public string EntryScript { get; } = "";

    /// <summary>Stylesheets the page links, the entry's and those of the chunks it imports.</summary>
    public IReadOnlyList<string> Stylesheets { get; } = [];

    /// <summary>Chunks the entry imports statically: fetched in parallel with it.</summary>
    public IReadOnlyList<string> Preloads { get; } = [];

    public IdeAsset? Find(string name) => _byName.GetValueOrDefault(name);

    public Stream Open(string resource) =>
        _assembly.GetManifestResourceStream(resource) ?? throw new InvalidOperationException($"IDE resource {resource} is missing.");

    private (string Script, IReadOnlyList<string> Styles, IReadOnlyList<string> Preloads) ReadEntry()
    {
        using var stream = Open(Prefix + "manifest.json");
        using var manifest = JsonDocument.Parse(stream);
        var chunks = manifest.RootElement;
        var styles = new List<string>();
        var preloads = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Collect(string key, bool isEntry)
        {
            if (!seen.Add(key) || !chunks.TryGetProperty(key, out var chunk)) return;
            if (!isEntry) preloads.Add(chunk.GetProperty("file").GetString()!);
            if (chunk.TryGetProperty("css", out var css)) styles.AddRange(css.EnumerateArray().Select(file => file.GetString()!));
            if (chunk.TryGetProperty("imports", out var imports))
                foreach (var import in imports.EnumerateArray()) Collect(import.GetString()!, isEntry: false);
        }

        Collect(EntrySource, isEntry: true);
        var script = chunks.GetProperty(EntrySource).GetProperty("file").GetString()!;
        return (script, styles.Distinct().ToList(), preloads);
    }

    private static string Extension(string coding) => coding == "br" ? ".br" : ".gz";

    private static string ContentTypeOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".js" or ".mjs" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".ttf" => "font/ttf",
        ".woff2" => "font/woff2",
        ".woff" => "font/woff",
        _ => "application/octet-stream",
    };
}
