using Amazon.CDK;
using Amazon.CDK.Assertions;
using DataPipeline.Stacks;
using DataPipeline.Tests.Config;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Stacks;

[Collection(CdkCollection.Name)]
public sealed class CustomScriptTests
{
    private static string ScriptLocation(Action<ConfigFiles> change)
    {
        using var files = new ConfigFiles();
        change(files);
        var stack = PipelineApp.Build(new App(), files.Load(), "dev").Single();
        return new TemplateJson(Template.FromStack(stack)).Single("AWS::Glue::Job").SelectToken("Properties.Command.ScriptLocation")!.ToString();
    }

    [Fact]
    public void A_table_that_names_its_own_script_runs_it_instead_of_the_generic_runner()
    {
        var generic = ScriptLocation(_ => { });
        var custom = ScriptLocation(files =>
        {
            files.Change("pipeline.yaml", "key: [order_id]", "key: [order_id]\n        script: etl/sales/orders.py");
            files.Files["etl/sales/orders.py"] = "print('custom')\n";
        });
        Assert.EndsWith(".py", generic.Split('"').First(p => p.Contains(".py", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.NotEqual(generic, custom);
    }
}
