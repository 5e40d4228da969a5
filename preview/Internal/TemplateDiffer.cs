using System.Text.Json;

namespace DataPipeline.Preview;

/// <summary>
/// Diffs the templates of two synthesized cloud assemblies offline, stack by stack, with the CDK's own diff library
/// (@aws-cdk/cloudformation-diff, the code behind <c>cdk diff --template</c>) through preview/template-diff.js.
/// </summary>
internal static class TemplateDiffer
{
    private const string TemplateSuffix = ".template.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Script { get; } = Path.Combine(AppContext.BaseDirectory, "preview", "template-diff.js");

    public static async Task<IReadOnlyList<StackDiff>> DiffAsync(string baseCdkOut, string headCdkOut, string nodeModulesHint, string workFolder, CancellationToken cancellation)
    {
        var before = Templates(baseCdkOut);
        var after = Templates(headCdkOut);
        var stacks = before.Keys.Union(after.Keys).Order(StringComparer.Ordinal).ToList();
        var request = Path.Combine(workFolder, "template-diff-request.json");
        await File.WriteAllTextAsync(request, JsonSerializer.Serialize(new
        {
            stacks = stacks.Select(name => new { name, old = before.GetValueOrDefault(name), @new = after.GetValueOrDefault(name) }),
        }), cancellation);
        string output;
        try
        {
            output = await ChildProcess.RunAsync("node", [Script, request], workFolder, cancellation, new Dictionary<string, string?>
            {
                ["FORCE_COLOR"] = "0",
                ["NODE_PATH"] = nodeModulesHint,
            });
        }
        catch (PreviewException e) when (e.Message.Contains("Cannot find module '@aws-cdk/cloudformation-diff'", StringComparison.Ordinal))
        {
            throw new PreviewException("The template diff needs the npm package @aws-cdk/cloudformation-diff; run 'npm ci' in the repository.", e);
        }
        var response = JsonSerializer.Deserialize<TemplateDiffResponse>(output, Json)
            ?? throw new PreviewException($"{Script} printed no diff.");
        return response.Stacks.Select(stack => ToStackDiff(stack, before.ContainsKey(stack.Name), after.ContainsKey(stack.Name))).ToList();
    }

    private static Dictionary<string, string> Templates(string cdkOut) =>
        Directory.EnumerateFiles(cdkOut, "*" + TemplateSuffix)
            .ToDictionary(file => Path.GetFileName(file)[..^TemplateSuffix.Length], file => file);

    private static StackDiff ToStackDiff(DiffedStack stack, bool inBase, bool inHead)
    {
        var resources = PairRenamed(stack.Resources.Select(r => r.ToResourceChange(stack.Name)).ToList());
        return new StackDiff
        {
            Stack = stack.Name,
            Kind = (inBase, inHead) switch
            {
                (false, _) => StackChangeKind.Added,
                (_, false) => StackChangeKind.Removed,
                _ when stack.Text.Length == 0 => StackChangeKind.Unchanged,
                _ => StackChangeKind.Modified,
            },
            Resources = resources,
            IamStatements = stack.IamStatements,
            ManagedPolicies = stack.ManagedPolicies,
            PermissionsBroadened = stack.PermissionsBroadened,
            Text = stack.Text,
        };
    }

    /// <summary>
    /// A renamed construct gets a new logical id: the library sees one resource removed and one added. When both are of
    /// one type and carry the same physical name, they are one resource replaced; this folds the pair into one change.
    /// </summary>
    private static List<ResourceChange> PairRenamed(List<ResourceChange> changes)
    {
        var removed = changes.Where(c => c.Kind == ResourceChangeKind.Removed).ToList();
        var result = new List<ResourceChange>();
        foreach (var change in changes.Where(c => c.Kind != ResourceChangeKind.Removed))
        {
            var predecessor = change.Kind == ResourceChangeKind.Added
                ? removed.FirstOrDefault(old => old.Type == change.Type && old.Names.Any(n => change.Names.GetValueOrDefault(n.Key) == n.Value))
                : null;
            if (predecessor is not null)
            {
                removed.Remove(predecessor);
            }
            result.Add(predecessor is null ? change : change with { RenamedFrom = predecessor });
        }
        return result.Concat(removed).OrderBy(c => c.Label, StringComparer.Ordinal).ToList();
    }
}
