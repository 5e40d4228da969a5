using System.Text.RegularExpressions;
using DataPipeline.Config.Model;
using DataPipeline.Config.Reading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DataPipeline.Config;

/// <summary>
/// Reads pipeline.yaml and every pipeline.&lt;env&gt;.yaml of a folder, validates all of them in one pass, and
/// throws a <see cref="ConfigException"/> listing every error. Nothing is deployed or written on error.
/// </summary>
public static partial class ConfigLoader
{
    public const string PipelineFile = "pipeline.yaml";

    public static LoadedConfig Load(string rootDirectory)
    {
        var root = Path.GetFullPath(rootDirectory);
        var diagnostics = new Diagnostics();
        var pipelineRoot = ReadYaml(root, PipelineFile, Settings.PipelineFileSettings.File, diagnostics);
        if (pipelineRoot is null)
        {
            diagnostics.ThrowIfAny();
            throw new ConfigException([new ConfigError(PipelineFile, 1, "", "this file is missing; create it in " + root + ".")]);
        }
        var pipeline = new PipelineFileReader().Read(pipelineRoot, root);
        var validator = new ConfigValidator(diagnostics);
        validator.ValidatePipeline(pipeline);

        var environments = new List<EnvironmentConfig>();
        foreach (var declaration in pipeline.Environments.DistinctBy(e => e.Name))
        {
            var file = $"pipeline.{declaration.Name}.yaml";
            if (!File.Exists(Path.Combine(root, file)))
            {
                diagnostics.Add(declaration.Origin.Error("name", $"declares environment '{declaration.Name}', but {file} does not exist; create it or remove the environment."));
                continue;
            }
            var section = ReadYaml(root, file, Settings.EnvironmentFileSettings.File, diagnostics);
            if (section is null)
            {
                continue;
            }
            var environment = new EnvironmentFileReader().Read(section, declaration);
            validator.ValidateEnvironment(pipeline, environment);
            environments.Add(environment);
        }
        foreach (var orphan in OrphanEnvironmentFiles(root, pipeline))
        {
            diagnostics.Add(new ConfigError(orphan.File, 1, "", $"this file is for environment '{orphan.Name}', which pipeline.yaml does not declare; add it under environments or delete the file."));
        }
        var schemas = diagnostics.HasErrors ? [] : Describe(pipeline, environments, diagnostics);
        diagnostics.ThrowIfAny();
        return new LoadedConfig(pipeline, environments) { Schemas = schemas };
    }

    /// <summary>
    /// Describes every dataset's tables and SQL on embedded DuckDB (names as in the first environment that deploys it);
    /// only for a configuration without other errors, whose SQL errors would otherwise follow from those.
    /// </summary>
    private static Dictionary<string, Checks.DatasetSchema> Describe(PipelineConfig pipeline, IReadOnlyList<EnvironmentConfig> environments, Diagnostics diagnostics)
    {
        var schemas = new Dictionary<string, Checks.DatasetSchema>(StringComparer.Ordinal);
        if (environments.Count == 0)
        {
            return schemas;
        }
        foreach (var dataset in pipeline.Datasets)
        {
            var environment = environments.FirstOrDefault(e => e.Datasets.Any(d => d.Name == dataset.Name)) ?? environments[0];
            var selection = environment.Datasets.FirstOrDefault(d => d.Name == dataset.Name) ?? new DatasetOverrides { Name = dataset.Name };
            var errors = new List<ConfigError>();
            schemas[dataset.Name] = Checks.SchemaDescriber.Describe(PipelinePlanner.Plan(pipeline, environment, selection), errors);
            _ = Dashboards.DashboardResolver.Resolve(dataset, schemas[dataset.Name], errors);
            errors.ForEach(diagnostics.Add);
        }
        var grammarErrors = new List<ConfigError>();
        Checks.SqlGrammar.Check(pipeline, environments, schemas, grammarErrors);
        grammarErrors.ForEach(diagnostics.Add);
        return schemas;
    }

    private static IEnumerable<(string File, string Name)> OrphanEnvironmentFiles(string root, PipelineConfig pipeline) =>
        Directory.GetFiles(root, "pipeline.*.yaml")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Select(f => (File: f, Match: EnvironmentFile().Match(f)))
            .Where(x => x.Match.Success && pipeline.Environments.All(e => e.Name != x.Match.Groups[1].Value))
            .Select(x => (x.File, x.Match.Groups[1].Value))
            .OrderBy(x => x.File, StringComparer.Ordinal);

    private static YamlSection? ReadYaml(string root, string file, Settings.SettingGroup group, Diagnostics diagnostics)
    {
        var path = Path.Combine(root, file);
        if (!File.Exists(path))
        {
            return null;
        }
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        var parser = new Parser(reader);
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            diagnostics.Add(new ConfigError(file, (int)e.Start.Line, "", $"this is not valid YAML ({reason.Trim()}); fix the indentation or quoting."));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some unclosed brackets.
            var line = (int)(parser.Current?.End.Line ?? 1);
            diagnostics.Add(new ConfigError(file, line, "", "this is not valid YAML (a bracket or quote opened here is not closed); fix the indentation or quoting."));
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            diagnostics.Add(new ConfigError(file, 1, "", "this file must be a mapping of settings (key: value lines)."));
            return null;
        }
        return new YamlSection(file, "", group, mapping, diagnostics);
    }

    [GeneratedRegex(@"^pipeline\.([^.]+)\.yaml$")]
    private static partial Regex EnvironmentFile();
}
