using System.Globalization;
using System.IO.Compression;
using System.Text;
using DataPipeline.Local;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Local;

/// <summary>
/// A project of its own with files as they come from the outside world: match results with the headers a public
/// football dataset uses (mixed case, the reserved word AS, punctuation, columns not declared, another column order per
/// file), placeholders for missing values, Hive-style league=/season= folders, a gzip file, a stray quote in the
/// middle of a large file, empty and header-only files, other files that are no data; a Latin-1 table (semicolons), a
/// UTF-16 table, a table with a 16 MB field, and a JSON-array table. Tests change it and run it.
/// </summary>
public sealed class RealWorldProject : IDisposable
{
    public const string Pipeline = """
        project: acme
        environments:
          - name: dev
        datasets:
          - name: football
            tables:
              - name: matches
                source: { format: csv, null_values: [NA, "-"] }
                key: [match_date, home_team, away_team]
                folder_columns: [league, season]
                file_column: source_file
                partition_by:
                  - { name: league }
                columns:
                  - { name: match_date, from: Date, type: date, format: dd/MM/yyyy, required: true }
                  - { name: home_team, from: HomeTeam, type: string, required: true, rules: { trim: true } }
                  - { name: away_team, from: AwayTeam, type: string, required: true, rules: { trim: true } }
                  - { name: home_goals, from: FTHG, type: int, rules: { min: 0 } }
                  - { name: away_goals, from: FTAG, type: int, rules: { min: 0 } }
                  - { name: result, from: FTR, type: string, rules: { allowed_values: [H, D, A] } }
                  - { name: away_shots, from: AS, type: int }
                  - { name: attendance, from: "Attendance (k)", type: double }
                  - { name: referee, from: Referee, type: string, null_values: [not available] }
                  - { name: league, type: string, required: true }
                  - { name: season, type: int, required: true }
              - name: stadiums
                source: { format: csv, delimiter: ";", encoding: latin-1 }
                columns:
                  - { name: city, from: Stadt, type: string, required: true }
                  - { name: stadium, from: Name, type: string }
                  - { name: capacity, from: "Kapazität", type: int }
              - name: players
                source: { format: csv, encoding: utf-16 }
                key: [player_id]
                columns:
                  - { name: player_id, from: ID, type: string, required: true }
                  - { name: player_name, from: Name, type: string }
              - name: reports
                key: [report_id]
                columns:
                  - { name: report_id, type: int, required: true }
                  - { name: body, type: string }
              - name: transfers
                source: { format: json }
                key: [player_id]
                columns:
                  - { name: player_id, from: playerId, type: string, required: true }
                  - { name: fee, from: feeMillions, type: "decimal(10,2)" }

        """;

    public const string Dev = """
        account: "123456789012"
        region: eu-west-1
        datasets:
          football: {}

        """;

    public const int BigFileRows = 20_000;
    public const int StrayQuoteRow = 10_000;
    public const int BigFieldBytes = 16 * 1024 * 1024;

    private readonly TemporaryFolder _folder = new();

    public RealWorldProject()
    {
        Write("pipeline.yaml", Pipeline);
        Write("pipeline.dev.yaml", Dev);
        Write(Matches("league=premier/season=2023/matches.csv"),
            "Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR,AS,Attendance (k),Referee,B365H\r\n" +
            "E0,11/08/2023,Burnley,Man City,0,3,A,17,21.7,C Pawson,8.0\r\n" +
            "E0,12/08/2023, Arsenal ,Nott'm Forest,2,1,H,6,60.1,M Oliver,1.2\r\n" +
            "E0,12/08/2023,Bournemouth,West Ham,NA,1,D,14,-,not available,2.1\r\n" +
            "E0,12/08/2023,Brighton,Luton,4,1,H,NA,31.8,NA,1.3\r\n" +
            "E0,11/08/2023,Burnley,Man City,0,3,A,17,21.7,C Pawson,8.0\r\n" +
            "E0,13/08/2023,Everton,Fulham,0,1,X,12,39.0,S Hooper,2.5\r\n" +
            "E0,31/02/2023,Sheffield,Palace,0,1,A,9,30.1,J Brooks,3.0\r\n");
        WriteGzip(Matches("league=premier/season=2024/matches.csv.gz"),
            "date,hometeam,awayteam,ftag,fthg,ftr,as,attendance (k),referee\n" +
            "16/08/2024,Man United,Fulham,0,1,H,8,73.2,R Jones\n" +
            "17/08/2024,Ipswich,Liverpool,2,0,A,10,29.8,A Taylor\n");
        var big = new StringBuilder("Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR,AS,Attendance (k),Referee\n");
        for (var i = 1; i <= BigFileRows; i++)
        {
            var day = new DateOnly(2000, 1, 1).AddDays(i);
            big.Append(i == StrayQuoteRow
                ? $"{day:dd/MM/yyyy},Team {i},\"Rival {i},1,1,D,5,20.0,Ref\n"
                : $"{day:dd/MM/yyyy},Team {i},Rival {i},{i % 5},{i % 3},{(i % 5 > i % 3 ? "H" : i % 5 < i % 3 ? "A" : "D")},{i % 20},{i % 70}.5,Ref {i % 9}\n");
        }
        Write(Matches("league=liga/season=2023/big.csv"), big.ToString());
        Write(Matches("league=liga/season=2024/empty.csv"), "");
        Write(Matches("league=liga/season=2024/header-only.csv"), "Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR,AS,Attendance (k),Referee\n");
        Write(Matches("README.txt"), "Downloaded from a public football results site.\n");
        Write(Matches("league=liga/_SUCCESS"), "");

        WriteBytes("samples/football/stadiums/stadiums.csv", Encoding.Latin1.GetBytes(
            "Stadt;Name;Kapazität\nMünchen;Allianz Arena;75024\nKöln;RheinEnergieStadion;50000\nDüsseldorf;Merkur Spiel-Arena;nicht bekannt\n"));
        WriteBytes("samples/football/players/players.csv", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("ID,Name\r\np1,Zoë Ñúñez\r\np2,Łukasz\r\n")]);
        var field = new string('x', BigFieldBytes);
        Write("samples/football/reports/reports.csv", $"report_id,body\n1,\"{field}\"\n2,short\nnot-a-number,\"{field}\"\n");
        Write("samples/football/reports/short-lines.csv", "report_id,body\n3,also short\n");
        Write("samples/football/transfers/2024.json", """
            [
              {"playerId": "p1", "feeMillions": 12.5},
              {"playerId": "p2", "feeMillions": "n/a"},
              {"playerId": "p3"},
              "not an object"
            ]
            """);
    }

    public string Path => _folder.Path;

    public string Staging => System.IO.Path.Combine(Path, "samples", "football");

    public string Out => System.IO.Path.Combine(Path, "out");

    public LocalRunOptions Options => new() { ConfigDirectory = Path, Environment = "dev", Out = Out };

    public DatasetRunResult Run()
    {
        var (plan, staging) = LocalPipeline.Resolve(Options).Single();
        return LocalPipeline.RunDataset(plan, staging, Options, SilentProgress.Instance);
    }

    public static string Matches(string path) => "samples/football/matches/" + path;

    public void Write(string relative, string text) => WriteBytes(relative, Encoding.UTF8.GetBytes(text));

    public void WriteBytes(string relative, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    public void WriteGzip(string relative, string text)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }
        WriteBytes(relative, memory.ToArray());
    }

    /// <summary>Records in the files as counted without the engine: lines holding more than spaces, less each file's first such line when it is a header.</summary>
    public long RecordsIn(string table, bool header)
    {
        long records = 0;
        foreach (var file in Directory.EnumerateFiles(System.IO.Path.Combine(Staging, table), "*.csv*", SearchOption.AllDirectories))
        {
            using Stream stream = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(File.OpenRead(file), CompressionMode.Decompress) : File.OpenRead(file);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var lines = reader.ReadToEnd().Split('\n').Count(l => l.Trim().Length > 0);
            records += Math.Max(0, lines - (header && lines > 0 ? 1 : 0));
        }
        return records;
    }

    public static string Date(int day) => new DateOnly(2000, 1, 1).AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public void Dispose() => _folder.Dispose();
}
