using DataPipeline.Config.Checks.Grammar;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Config.Sql;

public sealed class NodeModulesTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Folder(params string[] parts)
    {
        var path = Path.Combine([_folder.Path, .. parts]);
        Directory.CreateDirectory(path);
        return path;
    }

    [Fact]
    public void The_parser_is_found_in_node_modules_next_to_pipeline_yaml()
    {
        var config = Folder("project");
        Folder("project", "node_modules", NodeModules.Package);
        Assert.Equal(Path.Combine(config, "node_modules"), NodeModules.Find(config, nodePath: null, appFolder: Folder("app")));
    }

    [Fact]
    public void The_parser_is_found_in_node_modules_of_a_folder_above_pipeline_yaml()
    {
        Folder("repo", "node_modules", NodeModules.Package);
        Assert.Equal(Path.Combine(_folder.Path, "repo", "node_modules"), NodeModules.Find(Folder("repo", "config"), nodePath: null, appFolder: Folder("app")));
    }

    [Fact]
    public void The_parser_is_found_through_node_path()
    {
        var modules = Folder("elsewhere", "node_modules");
        Folder("elsewhere", "node_modules", NodeModules.Package);
        Assert.Equal(modules, NodeModules.Find(Folder("project"), nodePath: modules, appFolder: Folder("app")));
    }

    [Fact]
    public void Node_modules_without_the_parser_are_not_found()
    {
        Folder("project", "node_modules", "aws-cdk");
        Assert.Null(NodeModules.Find(Folder("project"), nodePath: null, appFolder: Folder("app")));
    }
}
