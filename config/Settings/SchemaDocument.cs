using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPipeline.Config.Settings;

/// <summary>The JSON schema of a YAML file, for editors that complete and check keys as the user types.</summary>
public static class SchemaDocument
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string PipelineFile => Write(PipelineFileSettings.File, "pipeline.schema.json");

    public static string EnvironmentFile => Write(EnvironmentFileSettings.File, "pipeline.env.schema.json");

    public static string Write(SettingGroup file, string id)
    {
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = id,
            ["title"] = file.Title,
            ["description"] = "Generated from config/Settings; the app validates more than a schema can (names after environment parts are added, files that exist, cron expressions).",
        };
        foreach (var (key, value) in file.ObjectSchema().ToList())
        {
            if (key != "description")
            {
                schema[key] = value?.DeepClone();
            }
        }
        var definitions = new JsonObject();
        foreach (var group in Definitions(file).OrderBy(g => g.Definition, StringComparer.Ordinal))
        {
            definitions[group.Definition!] = group.ObjectSchema();
        }
        if (definitions.Count > 0)
        {
            schema["$defs"] = definitions;
        }
        return schema.ToJsonString(Indented) + "\n";
    }

    private static IEnumerable<SettingGroup> Definitions(SettingGroup root)
    {
        var seen = new HashSet<SettingGroup>();
        var pending = new Stack<SettingGroup>([root]);
        while (pending.TryPop(out var group))
        {
            foreach (var child in group.Members.Select(m => m.Group).OfType<SettingGroup>())
            {
                if (seen.Add(child))
                {
                    pending.Push(child);
                }
            }
        }
        return seen.Where(g => g.Definition is not null);
    }
}
