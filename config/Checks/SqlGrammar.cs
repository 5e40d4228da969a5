using DataPipeline.Config.Checks.Grammar;
using DataPipeline.Config.Model;

namespace DataPipeline.Config.Checks;

/// <summary>
/// Checks the user's SQL with the engines' own grammars before anything is synthesized or run: each derived table's
/// SQL with Spark SQL's (Glue), each saved query, placeholders filled, with Trino's (Athena engine version 3), both
/// through dt-sql-parser in one Node.js run. Every function called must be one of that engine's built-in functions,
/// and shapes that give other values on the engine than on DuckDB are refused: AVG of a decimal and integer division
/// in a saved query, ROUND of a double in a derived table.
/// </summary>
internal static class SqlGrammar
{
    private const string Spark = "Spark SQL (Glue)";
    private const string Athena = "Athena (Trino)";

    public static void Check(PipelineConfig pipeline, IReadOnlyList<EnvironmentConfig> environments, IReadOnlyDictionary<string, DatasetSchema> schemas, ICollection<ConfigError> errors)
    {
        var texts = Texts(pipeline, environments, schemas).ToList();
        if (texts.Count == 0)
        {
            return;
        }
        if (NodeModules.Find(pipeline.RootDirectory) is not { } nodeModules)
        {
            errors.Add(new ConfigError(ConfigLoader.PipelineFile, 1, "",
                $"the SQL checks need the npm package {NodeModules.Package}, which is not installed next to this file; run 'npm ci' in {pipeline.RootDirectory}."));
            return;
        }
        IReadOnlyList<ParsedStatement> parsed;
        try
        {
            parsed = GrammarProcess.Parse(texts.Select(t => (t.Dialect, t.Sql)).ToList(), nodeModules);
        }
        catch (InvalidOperationException e)
        {
            errors.Add(new ConfigError(ConfigLoader.PipelineFile, 1, "", $"the SQL files could not be checked with the engines' grammars: {e.Message}"));
            return;
        }
        foreach (var (text, statement) in texts.Zip(parsed))
        {
            var scope = new ColumnScope(statement.Tables, text.ColumnsOf);
            var problems = text.Dialect == SqlDialectName.Spark ? DerivedProblems(text, statement, scope) : QueryProblems(statement, scope);
            foreach (var (line, message) in problems)
            {
                errors.Add(new ConfigError(text.File, line, "", message));
            }
        }
    }

    private static IEnumerable<(int Line, string Message)> DerivedProblems(SqlText text, ParsedStatement statement, ColumnScope scope)
    {
        if (statement.Errors.Count > 0)
        {
            yield return SparkSyntax(statement.Errors[0]);
            yield break;
        }
        foreach (var call in statement.Functions.DistinctBy(f => (f.Name.ToLowerInvariant(), f.Line)))
        {
            var missing = text.GlueVersions.Select(FunctionLists.ForGlue).Zip(text.GlueVersions)
                .FirstOrDefault(v => !v.First.Functions.Contains(call.Name));
            if (missing.Second is { } glue)
            {
                yield return (call.Line, $"Spark {missing.First.Spark} (Glue {glue}) has no function '{call.Name}'; use one of the built-in functions of Spark {missing.First.Spark}.");
            }
        }
        foreach (var round in statement.Rounds.Where(r => ExpressionTypes.Of(r.Argument, scope, SqlDialectName.Spark) == ValueKind.Double))
        {
            yield return (round.Line, $"{round.Text} rounds a double, which Spark rounds by its decimal text and DuckDB by its binary value (1.025 gives 1.03 and 1.02); CAST the value AS DECIMAL first, e.g. ROUND(CAST(AVG(x) AS DECIMAL(18,6)), 2).");
        }
    }

    private static IEnumerable<(int Line, string Message)> QueryProblems(ParsedStatement statement, ColumnScope scope)
    {
        if (statement.Errors.Count > 0)
        {
            yield return AthenaSyntax(statement.Errors[0]);
            yield break;
        }
        foreach (var identifier in statement.Backquoted)
        {
            yield return (identifier.Line, $"{Athena} does not accept the backquoted identifier {identifier.Text}; quote it with double quotes (\"{identifier.Text.Trim('`')}\").");
        }
        foreach (var call in statement.Functions.DistinctBy(f => (f.Name.ToLowerInvariant(), f.Line)).Where(f => !FunctionLists.Trino.Contains(f.Name)))
        {
            yield return (call.Line, $"{Athena} has no function '{call.Name}'; use one of Trino's functions.");
        }
        foreach (var average in statement.Averages.Where(a => ExpressionTypes.Of(a.Argument, scope, SqlDialectName.Trino) == ValueKind.Decimal))
        {
            yield return (average.Line, $"{average.Text} averages a decimal, which {Athena} returns as a decimal rounded to the argument's scale and DuckDB as a double (0.3 against 0.333); average a double: write 1e0 for 1.0, or CAST the argument AS DOUBLE.");
        }
        foreach (var division in statement.Divisions.Where(d =>
                     ExpressionTypes.Of(d.Left, scope, SqlDialectName.Trino) == ValueKind.Integer
                     && ExpressionTypes.Of(d.Right, scope, SqlDialectName.Trino) == ValueKind.Integer))
        {
            yield return (division.Line, $"{division.Text} divides an integer by an integer, which {Athena} truncates to an integer and DuckDB does not (7 / 2 gives 3 and 3.5); CAST one side AS DOUBLE.");
        }
    }

    private static (int, string) SparkSyntax(SyntaxProblem error)
    {
        var around = error.Before.Append(error.Token).ToList();
        var message = error switch
        {
            { Token: ":", After: ":" } => $"{Spark} does not accept DuckDB's '::' cast; write CAST(value AS type).",
            _ when around.Contains("EXCLUDE", StringComparer.OrdinalIgnoreCase) => $"{Spark} does not accept DuckDB's SELECT * EXCLUDE (...); list the columns to keep.",
            _ when around.Contains("QUALIFY", StringComparer.OrdinalIgnoreCase) => $"{Spark} has no QUALIFY (DuckDB has); filter on the window function in an outer query.",
            _ => $"{Spark} cannot parse this: {error.Message}; write SQL that both Spark and DuckDB accept.",
        };
        return (error.Line, message);
    }

    private static (int, string) AthenaSyntax(SyntaxProblem error)
    {
        var message = error switch
        {
            { Token: ":", After: ":" } => $"{Athena} does not accept DuckDB's '::' cast; write CAST(value AS type).",
            _ when error.Token.Equals("ILIKE", StringComparison.OrdinalIgnoreCase) => $"{Athena} has no ILIKE; write LOWER(value) LIKE with a lower-case pattern.",
            _ => $"{Athena} cannot parse this: {error.Message}; write SQL that both Athena and DuckDB accept.",
        };
        return (error.Line, message);
    }

    /// <summary>Every derived table's SQL as written and every saved query with its placeholders filled, as in <see cref="SchemaDescriber"/>.</summary>
    private static IEnumerable<SqlText> Texts(PipelineConfig pipeline, IReadOnlyList<EnvironmentConfig> environments, IReadOnlyDictionary<string, DatasetSchema> schemas)
    {
        foreach (var dataset in pipeline.Datasets.Where(d => schemas.ContainsKey(d.Name)))
        {
            var schema = schemas[dataset.Name];
            var plans = environments
                .Select(e => (Environment: e, Selection: e.Datasets.FirstOrDefault(d => d.Name == dataset.Name)))
                .Where(x => x.Selection is not null)
                .Select(x => PipelinePlanner.Plan(pipeline, x.Environment, x.Selection!))
                .ToList();
            if (plans.Count == 0)
            {
                plans.Add(PipelinePlanner.Plan(pipeline, environments[0], new DatasetOverrides { Name = dataset.Name }));
            }
            foreach (var derived in dataset.Derived)
            {
                var glueVersions = plans.Select(p => p.Etl.For(derived.Name).GlueVersion).Distinct().Order(StringComparer.Ordinal).ToList();
                yield return new SqlText
                {
                    File = derived.SqlFile,
                    Dialect = SqlDialectName.Spark,
                    Sql = File.ReadAllText(Path.Combine(pipeline.RootDirectory, derived.SqlFile)),
                    GlueVersions = glueVersions,
                    ColumnsOf = parts => parts.Count == 1 ? Columns(schema, parts[0]) : null,
                };
            }
            foreach (var query in dataset.Queries)
            {
                yield return new SqlText
                {
                    File = query.SqlFile,
                    Dialect = SqlDialectName.Trino,
                    Sql = QueryTemplate.Fill(File.ReadAllText(Path.Combine(pipeline.RootDirectory, query.SqlFile)), plans[0]),
                    ColumnsOf = parts => schema.Tables.Keys.Concat(schema.Derived.Keys)
                        .Where(name => string.Equals(ResourceNames.CatalogTable(name), parts[^1], StringComparison.OrdinalIgnoreCase))
                        .Select(name => Columns(schema, name))
                        .FirstOrDefault(),
                };
            }
        }
    }

    private static IReadOnlyList<DescribedColumn>? Columns(DatasetSchema schema, string table) =>
        schema.Tables.TryGetValue(table, out var columns) || schema.Derived.TryGetValue(table, out columns) ? columns : null;
}
