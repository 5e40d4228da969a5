using YamlDotNet.RepresentationModel;

namespace DataPipeline.Preview;

/// <summary>
/// The <c>key:</c> of each table in a revision's pipeline.yaml, read on its own: the base may be older than the
/// config reader of the current app, and rows are matched by each revision's own keys.
/// </summary>
internal static class TableKeys
{
    /// <summary>Table name to key columns, for one dataset; tables without a key are absent.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Of(string configDirectory, string dataset)
    {
        var file = Path.Combine(configDirectory, "pipeline.yaml");
        var keys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (!File.Exists(file))
        {
            return keys;
        }
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(file);
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return keys; // the revision's own run already refused it; without keys, rows are compared whole
        }
        if (stream.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode root)
        {
            return keys;
        }
        var definition = Items(root, "datasets").FirstOrDefault(d => Scalar(d, "name") == dataset);
        foreach (var table in definition is null ? [] : Items(definition, "tables"))
        {
            if (Scalar(table, "name") is { } name && Child(table, "key") is YamlSequenceNode key)
            {
                keys[name] = key.Children.OfType<YamlScalarNode>().Select(k => k.Value ?? "").ToList();
            }
        }
        return keys;
    }

    private static IEnumerable<YamlMappingNode> Items(YamlMappingNode node, string name) =>
        Child(node, name) is YamlSequenceNode list ? list.Children.OfType<YamlMappingNode>() : [];

    private static string? Scalar(YamlMappingNode node, string name) => (Child(node, name) as YamlScalarNode)?.Value;

    private static YamlNode? Child(YamlMappingNode node, string name) =>
        node.Children.TryGetValue(new YamlScalarNode(name), out var child) ? child : null;
}
