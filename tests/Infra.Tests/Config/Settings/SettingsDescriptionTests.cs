using DataPipeline.Config.Settings;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Config.Settings;

/// <summary>The schemas and the README's settings tables are produced from the one description of each setting.</summary>
public sealed class SettingsDescriptionTests
{
    private static string SchemaFile(string name) => Path.Combine(RepoRoot.Path, "schema", name);

    [Fact]
    public void Pipeline_schema_is_the_one_produced_from_the_settings()
    {
        Snapshot.File(SchemaFile("pipeline.schema.json"), SchemaDocument.PipelineFile);
    }

    [Fact]
    public void Environment_schema_is_the_one_produced_from_the_settings()
    {
        Snapshot.File(SchemaFile("pipeline.env.schema.json"), SchemaDocument.EnvironmentFile);
    }

    [Fact]
    public void Readme_lists_every_pipeline_setting_as_described()
    {
        Snapshot.Section(Path.Combine(RepoRoot.Path, "README.md"), "settings:pipeline", SettingsTable.PipelineFile);
    }

    [Fact]
    public void Readme_lists_every_environment_setting_as_described()
    {
        Snapshot.Section(Path.Combine(RepoRoot.Path, "README.md"), "settings:environment", SettingsTable.EnvironmentFile);
    }

    [Fact]
    public void Settings_table_shows_type_default_and_doc_of_a_setting()
    {
        Assert.Contains("| `etl.workers` | whole number, 2 to 299 (Glue Spark jobs need at least 2 workers) | `2` | Workers per job run (the most it may use with auto_scaling). |", SettingsTable.EnvironmentFile, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_of_a_whole_number_carries_its_range_and_default()
    {
        var schema = EnvironmentFileSettings.Workers.Schema();
        Assert.Equal("""{"type":"integer","minimum":2,"maximum":299,"description":"Workers per job run (the most it may use with auto_scaling).","default":2}""", schema.ToJsonString());
    }

    [Fact]
    public void A_group_used_in_several_places_is_written_once_as_a_definition()
    {
        var schema = SchemaDocument.EnvironmentFile;
        Assert.Contains("\"$ref\": \"#/$defs/etl\"", schema, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(schema, "\"batch_window_minutes\""));
    }
}
