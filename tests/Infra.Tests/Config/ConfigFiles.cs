using DataPipeline.Config;

namespace DataPipeline.Tests.Config;

/// <summary>
/// A small valid configuration written to a temporary folder. Tests change one thing and read the errors.
/// Line numbers in expected messages refer to the texts below.
/// </summary>
public sealed class ConfigFiles : IDisposable
{
    public const string ValidPipeline = """
        project: acme
        environments:
          - name: dev
          - name: prod
            production: true
        datasets:
          - name: sales
            tables:
              - name: orders
                key: [order_id]
                columns:
                  - { name: order_id, type: string, required: true }
                  - { name: amount, type: double, rules: { min: 0 } }
                  - { name: ordered_on, type: date, required: true }
            queries:
              - { name: daily_total, sql: sql/sales/daily_total.sql }

        """;

    public const string ValidDev = """
        account: "123456789012"
        region: eu-west-1
        removal_policy: destroy
        crawler:
          schedule: cron(0 5 * * ? *)
        datasets:
          sales: {}

        """;

    public const string ValidProd = """
        account: "123456789012"
        region: eu-west-1
        removal_policy: retain
        datasets:
          sales: {}

        """;

    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("pipeline-config-").FullName;

    /// <summary>The folder the files are written to by <see cref="Load"/>.</summary>
    public string Directory => _directory;

    public Dictionary<string, string> Files { get; } = new()
    {
        ["pipeline.yaml"] = ValidPipeline,
        ["pipeline.dev.yaml"] = ValidDev,
        ["pipeline.prod.yaml"] = ValidProd,
        ["sql/sales/daily_total.sql"] = "SELECT ordered_on, SUM(amount) FROM \"{{database}}\".\"tbl_orders\" GROUP BY 1",
    };

    public ConfigFiles Change(string file, string from, string to)
    {
        Assert.Contains(from, Files[file], StringComparison.Ordinal);
        Files[file] = Files[file].Replace(from, to, StringComparison.Ordinal);
        return this;
    }

    public LoadedConfig Load()
    {
        Write();
        return ConfigLoader.Load(_directory);
    }

    public void Write()
    {
        foreach (var (name, text) in Files)
        {
            var path = Path.Combine(_directory, name);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }

    /// <summary>Every error of the configuration, as the user would read them.</summary>
    public IReadOnlyList<string> Errors()
    {
        try
        {
            Load();
            return [];
        }
        catch (ConfigException e)
        {
            return e.Errors.Select(x => x.ToString()).ToList();
        }
    }

    public void Dispose() => System.IO.Directory.Delete(_directory, recursive: true);
}
