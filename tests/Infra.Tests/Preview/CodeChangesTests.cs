using DataPipeline.Preview;

namespace DataPipeline.Tests.Preview;

public sealed class CodeChangesTests
{
    [Theory]
    [InlineData("components/DataLake/DataLake.cs", true)]
    [InlineData("Infra.csproj", true)]
    [InlineData("Directory.Build.props", true)]
    [InlineData("etl/glue_runner.py", true)]
    [InlineData("etl/spotify/plays.py", false)]
    [InlineData("etl/spotify/track_details.sql", false)]
    [InlineData("pipeline.yaml", false)]
    [InlineData("sql/spotify/top_labels.sql", false)]
    [InlineData("cdk.json", false)]
    [InlineData("tests/Infra.Tests/Preview/CodeChangesTests.cs", false)]
    [InlineData("bench/Program.cs", false)]
    public void Only_files_built_into_the_app_make_the_preview_build_the_base(string file, bool isAppCode) =>
        Assert.Equal(isAppCode, CodeChanges.In([file]).Count == 1);
}
