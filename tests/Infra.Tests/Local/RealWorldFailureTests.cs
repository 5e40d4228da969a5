using System.Text;
using DataPipeline.Local;

namespace DataPipeline.Tests.Local;

/// <summary>Files that cannot be read as the table says stop the run with a message naming the file and what to do.</summary>
public sealed class RealWorldFailureTests : IDisposable
{
    private readonly RealWorldProject _project = new();

    private string Staging(string relative) => Path.Combine(_project.Staging, relative);

    private string Error()
    {
        var message = Assert.Throws<LocalRunException>(_project.Run).Message;
        var state = $"\nNothing was written to {Path.Combine(_project.Out, "football")}.";
        Assert.EndsWith(state, message, StringComparison.Ordinal);
        return message[..^state.Length];
    }

    [Fact]
    public void A_header_without_a_declared_column_names_the_file_and_the_column()
    {
        var file = RealWorldProject.Matches("league=premier/season=2023/matches.csv");
        var text = File.ReadAllText(Path.Combine(_project.Path, file)).Replace("Attendance (k),Referee", "Attendance (k),Ref", StringComparison.Ordinal);
        _project.Write(file, text);

        Assert.Equal(
            $"Table 'matches' cannot be read:\n  {Staging("matches")}/league=premier/season=2023/matches.csv: the header has no column Referee (header names are matched ignoring case); rename the column in the file, or set from: on the column to the name the file uses. The header reads: Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR,AS,Attendance (k),Ref,B365H",
            Error());
    }

    [Fact]
    public void A_gzip_file_ending_in_upper_case_GZ_is_refused_as_Spark_would_not_decompress_it()
    {
        _project.WriteGzip(RealWorldProject.Matches("league=premier/season=2025/matches.csv.GZ"), "Date,HomeTeam,AwayTeam\n01/08/2025,A,B\n");

        Assert.Equal(
            $"Table 'matches' cannot be read:\n  {Staging("matches")}/league=premier/season=2025/matches.csv.GZ: ends in '.GZ', which Spark does not read as gzip (it decompresses only files ending in '.gz', in lower case); rename the file to end in .gz.",
            Error());
    }

    [Fact]
    public void Files_whose_paths_hold_characters_spark_reads_as_a_pattern_or_a_uri_are_refused_in_path_order()
    {
        _project.Write(RealWorldProject.Matches("league=premier/season=2025:b/matches.csv"), "Date,HomeTeam,AwayTeam\n01/08/2025,A,B\n");
        _project.Write(RealWorldProject.Matches("league=premier/season=2025/matches[1].csv"), "Date,HomeTeam,AwayTeam\n01/08/2025,A,B\n");

        Assert.Equal(
            $"Table 'matches' cannot be read:\n  {Staging("matches")}/league=premier/season=2025/matches[1].csv: holds '[', which Spark reads as part of a pattern or a URI, not as a name; rename the file (or its folder) without * ? [ ] {{ }} \\ or :.\n" +
            $"  {Staging("matches")}/league=premier/season=2025:b/matches.csv: holds ':', which Spark reads as part of a pattern or a URI, not as a name; rename the file (or its folder) without * ? [ ] {{ }} \\ or :.",
            Error());
    }

    [Fact]
    public void Latin_1_bytes_in_a_table_read_as_utf_8_name_the_file_line_and_setting()
    {
        _project.Write("pipeline.yaml", RealWorldProject.Pipeline.Replace("delimiter: \";\", encoding: latin-1", "delimiter: \";\"", StringComparison.Ordinal));

        Assert.Equal($"{Staging("stadiums")}/stadiums.csv line 1 (and 3 more lines): holds bytes that are not valid utf-8; set the table's source encoding to the files' encoding (utf-8, latin-1 or utf-16), or fix the file.", Error());
    }

    [Fact]
    public void A_file_read_again_for_a_long_line_counts_only_the_lines_it_cannot_read()
    {
        // Line 3 is longer than the first read's limit, so the file is read again with the larger one, which reads it.
        _project.WriteBytes("samples/football/reports/mixed.csv",
            [.. Encoding.UTF8.GetBytes("report_id,body\n3,caf"), 0xE9, .. Encoding.UTF8.GetBytes("\n4," + new string('x', 3 * 1024 * 1024) + "\n")]);

        Assert.Equal($"{Staging("reports")}/mixed.csv line 2: holds bytes that are not valid utf-8; set the table's source encoding to the files' encoding (utf-8, latin-1 or utf-16), or fix the file.", Error());
    }

    [Fact]
    public void A_json_array_in_a_json_lines_table_says_to_read_it_as_json()
    {
        _project.Write("pipeline.yaml", RealWorldProject.Pipeline.Replace("source: { format: json }", "source: { format: jsonl }", StringComparison.Ordinal));

        Assert.Equal($"Table 'transfers' cannot be read:\n  {Staging("transfers")}/2024.json: holds a JSON array, not one JSON object per line; set the table's source format: json.", Error());
    }

    [Fact]
    public void A_json_file_that_is_not_an_array_is_named()
    {
        _project.Write("samples/football/transfers/2024.json", "{\"playerId\": \"p1\"}\n{\"playerId\": \"p2\"}\n");

        Assert.StartsWith($"{Staging("transfers")}/2024.json: is not one JSON array (format: json reads files holding [ {{...}}, {{...}} ]); fix the file, or set format: jsonl if it holds one object per line (", Error(), StringComparison.Ordinal);
    }

    [Fact]
    public void More_rejected_rows_than_the_table_allows_fail_the_run()
    {
        _project.Write("pipeline.yaml", RealWorldProject.Pipeline.Replace("      - name: stadiums\n", "      - name: stadiums\n        max_reject_share: 0.2\n", StringComparison.Ordinal));

        Assert.Equal("Table 'stadiums' rejected 1 of 3 rows (33.3%), more than its max_reject_share of 20%; nothing was written. The reasons: bad_type:capacity 1.", Error());
    }

    [Fact]
    public void A_failed_run_leaves_no_output()
    {
        _project.Write("samples/football/transfers/2024.json", "not json");

        Assert.Throws<LocalRunException>(_project.Run);

        Assert.False(Directory.Exists(Path.Combine(_project.Out, "football")));
    }

    public void Dispose() => _project.Dispose();
}
