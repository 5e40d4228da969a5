using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DataPipeline.Compiler;
using DataPipeline.Config.Model;
using DataPipeline.Local.Engine;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Contract;

/// <summary>
/// What both executors do outside the plan's SQL, tested against the vectors in tests/contract/ that the Python tests of
/// the Glue runner read too: which staging files are read, and a file's first line.
/// </summary>
public sealed class ExecutorContractTests
{
    private static string VectorFile(string name) => Path.Combine(RepoRoot.Path, "tests", "contract", name);

    private static JsonNode Vectors(string name) => JsonNode.Parse(File.ReadAllText(VectorFile(name)))!;

    private static readonly Dictionary<string, SourceKind> Formats = new()
    {
        ["csv"] = SourceKind.Csv,
        ["jsonl"] = SourceKind.JsonLines,
        ["json"] = SourceKind.Json,
    };

    private static string PatternOf(SourceKind kind) =>
        TransformCompiler.Compile(new TableDefinition
        {
            Name = "t",
            Source = new SourceFormat { Kind = kind },
            Columns = [new ColumnDefinition { Name = "a", Type = new ColumnType(ColumnKind.String) }],
        }, SqlDialect.Spark).Source!.FilePattern;

    [Fact]
    public void Vector_file_holds_the_file_patterns_the_compiler_writes_into_plans()
    {
        var vectors = Vectors("staging_files.json");
        var patterns = new JsonObject(Formats.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)PatternOf(f.Value))));
        if (Snapshot.Updating)
        {
            vectors["patterns"] = patterns;
            File.WriteAllText(VectorFile("staging_files.json"), vectors.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
            return;
        }
        Assert.Equal(patterns.ToJsonString(), vectors["patterns"]!.ToJsonString());
    }

    [Fact]
    public void Local_engine_reads_exactly_the_staging_files_the_vectors_name()
    {
        var wrong = new List<string>();
        foreach (var group in Vectors("staging_files.json")["cases"]!.AsArray().GroupBy(c => (string)c!["format"]!))
        {
            using var staging = new TemporaryFolder();
            foreach (var item in group)
            {
                var path = Path.Combine(staging.Path, "t", (string)item!["path"]!);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, "x\n");
            }
            var read = StagingFiles.Of(staging.Path, "t", new SourcePlan { Format = RecordFormat.Csv, Encoding = "utf-8", FilePattern = PatternOf(Formats[group.Key]) })
                .Files.Select(f => f.RelativePath).ToHashSet();
            wrong.AddRange(group.Where(c => read.Contains((string)c!["path"]!) != (bool)c!["read"]!).Select(c => $"{group.Key} {c!["path"]}"));
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public void Local_engine_reads_the_first_line_of_every_vector()
    {
        var wrong = new List<string>();
        foreach (var item in Vectors("first_lines.json")["cases"]!.AsArray())
        {
            using var bytes = new MemoryStream(Convert.FromBase64String((string)item!["bytes"]!));
            var line = FirstLine.Of(bytes, (string)item["encoding"]!, (bool)item["gzip"]!);
            if (line != (string?)item["first_line"])
            {
                wrong.Add($"{item["name"]}: {line?[..Math.Min(line.Length, 40)] ?? "null"}");
            }
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public void File_patterns_are_understood_alike_by_dotnet_and_python_regexes() =>
        Assert.All(Formats.Values.Select(PatternOf), p => Assert.Matches(@"^\(\?i\)\^[\w\\/()?:|*\[\].^$-]+\$$", p));
}
