using System.Reflection;
using System.Text.RegularExpressions;
using HeadlessReviews.Api.Transport;
using HeadlessReviews.Tests.Infrastructure;

namespace HeadlessReviews.Tests.Transport.Standalone;

/// <summary>
/// Dependencies run one way: the application uses <c>Transport/</c>, never the other way round, so
/// the transports could ship as a package. Checked in the source (usings, qualified names, crefs) and
/// in the compiled types' signatures.
/// </summary>
public sealed partial class TransportDependencyTests
{
    private const string Root = "HeadlessReviews.Api";
    private const string TransportNamespace = Root + ".Transport";

    private static readonly Assembly Api = typeof(GraphQLRequest).Assembly;

    [Fact]
    public void Transport_source_names_no_other_folder_of_the_application()
    {
        var otherFolders = Api.GetTypes()
            .Select(type => type.Namespace)
            .OfType<string>()
            .Where(name => name.StartsWith(Root + ".", StringComparison.Ordinal) && !IsTransport(name))
            .Select(name => name.Split('.')[2])
            .Distinct()
            .ToList();
        Assert.Contains("Execution", otherFolders);
        // `HeadlessReviews.Api.Storage…` anywhere, or `Storage.X` unqualified (Transport's namespace nests
        // in the application's, so a sibling folder is reachable by its short name); `System.Security.X` is not ours.
        var shortName = new Regex($@"(?<![\w.])({string.Join('|', otherFolders)})\.\w");
        var transport = Path.Combine(Repository.Root, "src", Root, "Transport");

        var offences = new List<string>();
        foreach (var file in Directory.EnumerateFiles(transport, "*.cs", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(file);
            for (var number = 0; number < lines.Length; number++)
            {
                if (QualifiedName().IsMatch(lines[number]) || shortName.IsMatch(lines[number]))
                    offences.Add($"{Path.GetRelativePath(transport, file)}:{number + 1}: {lines[number].Trim()}");
            }
        }
        Assert.True(offences.Count == 0, "Transport/ refers to the application:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void Transport_types_take_and_give_no_type_of_the_application()
    {
        var offences = new List<string>();
        foreach (var type in Api.GetTypes().Where(type => type.Namespace is { } name && IsTransport(name)))
        {
            foreach (var (where, used) in SignatureTypes(type))
                if (IsApplication(used)) offences.Add($"{type.FullName} {where}: {used.FullName}");
        }
        Assert.True(offences.Count == 0, "Transport/ types use application types:\n" + string.Join('\n', offences));
    }

    private static bool IsTransport(string name) =>
        name == TransportNamespace || name.StartsWith(TransportNamespace + ".", StringComparison.Ordinal);

    private static bool IsApplication(Type type)
    {
        if (type.HasElementType) return IsApplication(type.GetElementType()!);
        if (type.IsGenericType && !type.IsGenericTypeDefinition && type.GetGenericArguments().Any(IsApplication)) return true;
        return type.Assembly == Api && type.Namespace is { } name && !IsTransport(name);
    }

    private static IEnumerable<(string Where, Type Used)> SignatureTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.BaseType is { } baseType) yield return ("base", baseType);
        foreach (var contract in type.GetInterfaces()) yield return ("interface", contract);
        foreach (var field in type.GetFields(all)) yield return ($"field {field.Name}", field.FieldType);
        foreach (var property in type.GetProperties(all)) yield return ($"property {property.Name}", property.PropertyType);
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info) yield return ($"{method.Name} returns", info.ReturnType);
            foreach (var parameter in method.GetParameters()) yield return ($"{method.Name}({parameter.Name})", parameter.ParameterType);
            foreach (var local in method.GetMethodBody()?.LocalVariables ?? []) yield return ($"{method.Name} local", local.LocalType);
        }
    }

    [GeneratedRegex(@"HeadlessReviews\.Api\.(?!Transport\b)\w")]
    private static partial Regex QualifiedName();
}
