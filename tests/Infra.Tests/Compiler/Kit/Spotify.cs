using DataPipeline.Config;
using DataPipeline.Config.Model;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Compiler.Kit;

/// <summary>The spotify dataset shipped in pipeline.yaml, loaded and validated once.</summary>
internal static class Spotify
{
    private static readonly Lazy<DatasetDefinition> Dataset = new(() => ConfigLoader.Load(RepoRoot.Path).Pipeline.Dataset("spotify"));

    public static TheoryData<string> TableNames => ["artists", "albums", "tracks", "features"];

    public static TableDefinition Table(string name) => Dataset.Value.Tables.Single(t => t.Name == name);

    public static DerivedTableDefinition Derived(string name) => Dataset.Value.Derived.Single(d => d.Name == name);
}
