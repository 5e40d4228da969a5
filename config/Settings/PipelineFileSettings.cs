using DataPipeline.Config.Model;
using DataPipeline.Config.Model.Dashboards;

namespace DataPipeline.Config.Settings;

/// <summary>
/// Every key of pipeline.yaml, described once. The reader (Config.Reading.PipelineFileReader), the JSON schema
/// (schema/pipeline.schema.json) and the README's settings table come from these descriptions.
/// </summary>
public static class PipelineFileSettings
{
    /// <summary>Glue and Athena names: lowercase letters, digits and underscores, starting with a letter.</summary>
    public const string NamePattern = "^[a-z][a-z0-9_]*$";

    public static readonly TextSetting Project = new() { Key = "project", Required = true, Pattern = "^[a-z][a-z0-9-]{1,19}$", Describe = "2 to 20 lowercase letters, digits and -", Example = "acme", Doc = "Short name of the pipeline, the first part of every resource name." };

    // environments[]
    public static readonly TextSetting EnvironmentName = new() { Key = "name", Required = true, Pattern = "^[a-z][a-z0-9]{1,9}$", Describe = "2 to 10 lowercase letters and digits", Example = "dev", Doc = "The environment; its settings live in pipeline.<name>.yaml." };
    public static readonly BoolSetting Production = new() { Key = "production", Default = false, Doc = "A production environment refuses removal_policy: destroy and Flex, and gets termination protection." };
    public static readonly SettingGroup EnvironmentKeys = new("An environment the pipeline deploys to.", [EnvironmentName, Production]);

    // columns[].rules
    public static readonly BoolSetting Trim = new() { Key = "trim", Default = false, Doc = "Strip leading and trailing spaces (other types than string are always trimmed)." };
    public static readonly BoolSetting Lowercase = new() { Key = "lowercase", Default = false, Doc = "Lower-case the text." };
    public static readonly BoolSetting EmptyAsNull = new() { Key = "empty_as_null", Default = false, Doc = "An empty text counts as missing (numbers, dates and booleans always do)." };
    public static readonly NumberSetting Min = new() { Key = "min", Doc = "Smallest value; for strings, the shortest length." };
    public static readonly NumberSetting Max = new() { Key = "max", Doc = "Largest value; for strings, the longest length." };
    public static readonly TextListSetting AllowedValues = new() { Key = "allowed_values", AnyScalar = true, Doc = "The cleaned text must be one of these." };
    public static readonly TextSetting Regex = new() { Key = "regex", Describe = "regular expression", Doc = "The cleaned text must match this regular expression (anchor it with ^ and $)." };
    public static readonly SettingGroup RuleKeys = new("How a column's values are cleaned and checked.", [Trim, Lowercase, EmptyAsNull, Min, Max, AllowedValues, Regex]);

    // columns[]
    public static readonly TextSetting ColumnName = new() { Key = "name", Required = true, Pattern = NamePattern, MaxLength = 255, Describe = "lowercase name", Example = "name_x", Doc = "The column's name in the warehouse and in Athena." };
    public static readonly TextSetting ColumnFrom = new() { Key = "from", MinLength = 1, Describe = "name as in the file", Doc = "The column's name in the file when it differs: a CSV header name (matched ignoring case and surrounding spaces), a JSON key, or for a folder column the folder key; default: name." };
    public static readonly TextListSetting ColumnNullValues = new() { Key = "null_values", AnyScalar = true, Doc = "Texts that mean a missing value in this column, instead of the source's null_values (compared after removing surrounding spaces and tabs)." };
    public static readonly TextSetting ColumnType = new() { Key = "type", Required = true, Pattern = @"^(string|int|bigint|double|boolean|date|timestamp|decimal\(\d+,\s*\d+\))$", Describe = "string, int, bigint, double, decimal(p,s), boolean, date or timestamp", Example = "string", Doc = "The column's type." };
    public static readonly BoolSetting ColumnRequired = new() { Key = "required", Default = false, Doc = "A row without a value is rejected as missing_required." };
    public static readonly BoolSetting ColumnOptionalInHeader = new() { Key = "optional_in_header", Default = false, Doc = "CSV with a header: a file whose header lacks this column is read with the column NULL in its rows, instead of stopping the table (for a column added after some files were written); each run counts such files and warns. Not with required." };
    public static readonly TextSetting DateFormat = new() { Key = "format", Describe = "pattern of yyyy MM dd HH mm ss SSS", Doc = "Date or timestamp pattern; default yyyy-MM-dd, or yyyy-MM-dd HH:mm:ss for timestamps." };
    public static readonly SectionSetting Rules = new() { Key = "rules", Keys = RuleKeys, Doc = "How the column's values are cleaned and checked." };
    public static readonly SettingGroup ColumnKeys = new("A column of a cleaned table.", [ColumnName, ColumnFrom, ColumnType, ColumnRequired, ColumnOptionalInHeader, DateFormat, ColumnNullValues, Rules]);

    // tables[].source
    public static readonly ChoiceSetting<SourceKind> Format = new()
    {
        Key = "format",
        Choices = new Dictionary<string, SourceKind> { ["csv"] = SourceKind.Csv, ["jsonl"] = SourceKind.JsonLines, ["json"] = SourceKind.Json },
        Default = SourceKind.Csv,
        Doc = "How the staging files are written: csv (one record per line), jsonl (one JSON object per line) or json (each file one JSON array of objects).",
    };
    public static readonly BoolSetting Header = new() { Key = "header", Default = true, Doc = "CSV: the first line holds the column names." };
    public static readonly TextSetting Delimiter = new() { Key = "delimiter", Default = ",", MinLength = 1, MaxLength = 1, Describe = "one character", Doc = "CSV: the character between fields." };
    public static readonly TextSetting Quote = new() { Key = "quote", Default = "\"", MinLength = 1, MaxLength = 1, Describe = "one character", Doc = "CSV: the character around a field that holds the delimiter; doubled inside it." };
    public static readonly ChoiceSetting<SourceEncoding> Encoding = new()
    {
        Key = "encoding",
        Choices = new Dictionary<string, SourceEncoding> { ["utf-8"] = SourceEncoding.Utf8, ["latin-1"] = SourceEncoding.Latin1, ["utf-16"] = SourceEncoding.Utf16 },
        Default = SourceEncoding.Utf8,
        Doc = "The files' character encoding; utf-16 is little-endian, with or without a byte-order mark (json files are always utf-8).",
    };
    public static readonly TextListSetting NullValues = new() { Key = "null_values", AnyScalar = true, Doc = "Texts that mean a missing value in every column, e.g. [NA, \"-\", not available] (compared after removing surrounding spaces and tabs)." };
    public static readonly SettingGroup SourceKeys = new("How a table's staging files are read.", [Format, Header, Delimiter, Quote, Encoding, NullValues]);

    // tables[].partition_by[]
    public static readonly TextSetting PartitionName = new() { Key = "name", Required = true, Pattern = NamePattern, MaxLength = 255, Describe = "lowercase name", Example = "name_x", Doc = "The partition column: a column of the table, or a new one computed with from and transform." };
    public static readonly TextSetting PartitionFrom = new() { Key = "from", Describe = "column name", Doc = "The date or timestamp column the partition value is computed from." };
    public static readonly ChoiceSetting<PartitionTransform> Transform = new()
    {
        Key = "transform",
        Choices = new Dictionary<string, PartitionTransform>
        {
            ["identity"] = PartitionTransform.Identity, ["year"] = PartitionTransform.Year,
            ["month"] = PartitionTransform.Month, ["day"] = PartitionTransform.Day,
        },
        Default = PartitionTransform.Identity,
        Doc = "How the partition value is computed from the from column.",
    };
    public static readonly SettingGroup PartitionKeys = new("A Hive-style partition column of the warehouse table.", [PartitionName, PartitionFrom, Transform]);

    // tables[]
    public static readonly TextSetting TableName = new() { Key = "name", Required = true, Pattern = NamePattern, MaxLength = 255, Describe = "lowercase name", Example = "name_x", Doc = "The table; staging/<name>/ holds its files, and the catalog calls it tbl_<name>." };
    public static readonly SectionSetting Source = new() { Key = "source", Keys = SourceKeys, Doc = "How the table's staging files are read." };
    public static readonly TextListSetting Key = new() { Key = "key", Doc = "Columns that identify a row; of several rows with the same key, one is kept." };
    public static readonly TextListSetting OrderBy = new() { Key = "order_by", ItemPattern = @"^\s*[A-Za-z0-9_]+(\s+(asc|desc|ASC|DESC))?\s*$", Example = "[x desc]", Doc = "Which row of a key is kept: the first in this order (column, optionally asc or desc)." };
    public static readonly SectionListSetting PartitionBy = new() { Key = "partition_by", Item = PartitionKeys, Doc = "Hive-style partitions of the warehouse table." };
    public static readonly TextSetting Script = new() { Key = "script", Describe = "path", Doc = "The table's own Glue script instead of the generic runner, relative to the folder of pipeline.yaml." };
    public static readonly SectionListSetting Columns = new() { Key = "columns", Required = true, Item = ColumnKeys, Doc = "The table's columns; a CSV file's header must name each (in any order), and other header columns are not read." };
    public static readonly TextListSetting FolderColumns = new() { Key = "folder_columns", Doc = "Columns (declared under columns) whose values come from Hive-style folders of each file's path, e.g. league=premier/season=2024/." };
    public static readonly TextSetting FileColumn = new() { Key = "file_column", Pattern = NamePattern, MaxLength = 255, Describe = "lowercase name", Example = "source_file", Doc = "Adds a string column of this name holding each row's staging file, as a path under staging/<table>/." };
    public static readonly NumberSetting MaxRejectShare = new() { Key = "max_reject_share", Min = 0, Max = 1, Doc = "A run that rejects a larger share of a table's rows fails (0.05: more than 5%); default: no limit." };
    public static readonly SettingGroup TableKeys = new("A table cleaned from staging files into the warehouse.", [TableName, Source, Key, OrderBy, PartitionBy, Script, Columns, FolderColumns, FileColumn, MaxRejectShare]);

    // derived[]
    public static readonly TextSetting DerivedName = new() { Key = "name", Required = true, Pattern = NamePattern, MaxLength = 255, Describe = "lowercase name", Example = "name_x", Doc = "The derived table." };
    public static readonly TextSetting DerivedSql = new() { Key = "sql", Required = true, Describe = "path", Doc = "Its SELECT, in etl/<dataset>/<name>.sql." };
    public static readonly TextListSetting DependsOn = new() { Key = "depends_on", Required = true, Doc = "The cleaned tables the SQL reads; its job may read only these." };
    public static readonly TextListSetting DerivedPartitionBy = new() { Key = "partition_by", Doc = "Columns of its result that partition it." };
    public static readonly SettingGroup DerivedKeys = new("A table computed by SQL from cleaned tables.", [DerivedName, DerivedSql, DependsOn, DerivedPartitionBy]);

    // queries[]
    public static readonly TextSetting QueryName = new() { Key = "name", Required = true, Pattern = NamePattern, MaxLength = 255, Describe = "lowercase name", Example = "name_x", Doc = "The saved query (an Athena named query)." };
    public static readonly TextSetting QuerySql = new() { Key = "sql", Required = true, Describe = "path", Doc = "Its SQL, in sql/<dataset>/<name>.sql." };
    public static readonly TextSetting QueryDescription = new() { Key = "description", Describe = "text", Doc = "What the query answers." };
    public static readonly ChoiceSetting<ChartKind> Chart = new()
    {
        Key = "chart",
        Choices = new Dictionary<string, ChartKind> { ["auto"] = ChartKind.Auto, ["bar"] = ChartKind.Bar, ["line"] = ChartKind.Line, ["table"] = ChartKind.Table },
        Default = ChartKind.Auto,
        Doc = "How the local report shows its result, as a one-visual dashboard (QuickSight gets only the dashboards: section); auto picks bar or line from the result's shape.",
    };
    public static readonly SettingGroup QueryKeys = new("A saved query.", [QueryName, QuerySql, QueryDescription, Chart]);

    // dashboards[] (sheets[].visuals[], filters[], refresh)
    public static readonly TextSetting VisualQuery = new() { Key = "query", Required = true, Pattern = NamePattern, Describe = "name of a saved query", Example = "name_x", Doc = "The saved query whose result the visual shows." };
    public static readonly ChoiceSetting<VisualKind> VisualKind = new()
    {
        Key = "kind",
        Required = true,
        Choices = new Dictionary<string, VisualKind>
        {
            ["bar"] = Model.Dashboards.VisualKind.Bar, ["line"] = Model.Dashboards.VisualKind.Line, ["table"] = Model.Dashboards.VisualKind.Table,
            ["kpi"] = Model.Dashboards.VisualKind.Kpi, ["heatmap"] = Model.Dashboards.VisualKind.Heatmap, ["pie"] = Model.Dashboards.VisualKind.Pie,
        },
        Doc = "What the visual draws: bar, line, table (every column), kpi (one number), heatmap (x against group, coloured by the value) or pie.",
    };
    public static readonly TextSetting VisualTitle = new() { Key = "title", Describe = "text", Doc = "The visual's title; default: the query's description, or its name." };
    public static readonly TextSetting VisualX = new() { Key = "x", Pattern = NamePattern, Describe = "column of the query's result", Example = "name_x", Doc = "The category: x axis, pie slices or heatmap columns; default: the first column that is not a value or the group." };
    public static readonly TextListSetting VisualY = new() { Key = "y", Example = "[name_x]", Doc = "The values (one series each): bar, line; one value for kpi, heatmap and pie; default: the first numeric column that is not x or the group." };
    public static readonly TextSetting VisualGroup = new() { Key = "group", Pattern = NamePattern, Describe = "column of the query's result", Example = "name_x", Doc = "bar, line: a column whose values split the value into series (colours); heatmap: the rows (default: the first column after x)." };
    public static readonly ChoiceSetting<Aggregation> VisualAggregation = new()
    {
        Key = "aggregation",
        Choices = new Dictionary<string, Aggregation>
        {
            ["sum"] = Aggregation.Sum, ["avg"] = Aggregation.Avg, ["min"] = Aggregation.Min, ["max"] = Aggregation.Max,
            ["count"] = Aggregation.Count, ["distinct_count"] = Aggregation.DistinctCount, ["median"] = Aggregation.Median,
        },
        Default = Aggregation.Sum,
        Doc = "How the rows with the same category (and group) become one value, in QuickSight and in the local report; count and distinct_count also count text columns.",
    };
    public static readonly ChoiceSetting<BarOrientation> VisualOrientation = new()
    {
        Key = "orientation",
        Choices = new Dictionary<string, BarOrientation> { ["vertical"] = BarOrientation.Vertical, ["horizontal"] = BarOrientation.Horizontal },
        Default = BarOrientation.Vertical,
        Doc = "bar: vertical bars, or horizontal ones (long category names stay readable).",
    };
    public static readonly ChoiceSetting<BarArrangement> VisualArrangement = new()
    {
        Key = "arrangement",
        Choices = new Dictionary<string, BarArrangement> { ["grouped"] = BarArrangement.Grouped, ["stacked"] = BarArrangement.Stacked },
        Default = BarArrangement.Grouped,
        Doc = "bar with several series: side by side (grouped) or on top of each other (stacked).",
    };
    public static readonly TextSetting VisualSort = new() { Key = "sort", Pattern = @"^\s*[a-z][a-z0-9_]*(\s+(asc|desc))?\s*$", Describe = "column, optionally asc or desc", Example = "name_x desc", Doc = "The order of the categories (table: rows), by x or a value; default: x ascending for line, heatmap and a numeric or date x, else the first value descending; a table keeps the query's order." };
    public static readonly IntSetting VisualLimit = new() { Key = "limit", Min = 1, Max = 1000, Doc = "Only the first this many categories after sorting (table: rows, in QuickSight per page); default: all (a table shows 100 rows locally)." };
    public static readonly IntSetting VisualWidth = new() { Key = "width", Min = 1, Max = 4, Default = 1, Doc = "How many grid columns of the sheet the visual spans." };
    public static readonly SettingGroup VisualKeys = new("A visual of a dashboard sheet.", [VisualQuery, VisualKind, VisualTitle, VisualX, VisualY, VisualGroup, VisualAggregation, VisualOrientation, VisualArrangement, VisualSort, VisualLimit, VisualWidth]);

    public static readonly TextSetting SheetName = new() { Key = "name", Required = true, Pattern = NamePattern, MaxLength = 100, Describe = "lowercase name", Example = "name_x", Doc = "The sheet, unique in its dashboard." };
    public static readonly TextSetting SheetTitle = new() { Key = "title", Describe = "text", Doc = "The sheet's tab title; default: its name." };
    public static readonly IntSetting SheetColumns = new() { Key = "columns", Min = 1, Max = 4, Default = 2, Doc = "How many visuals sit side by side in the sheet's grid; they fill it row by row in the order written." };
    public static readonly SectionListSetting SheetVisuals = new() { Key = "visuals", Required = true, Item = VisualKeys, Doc = "The sheet's visuals, e.g. { query: top_labels, kind: bar }." };
    public static readonly SettingGroup SheetKeys = new("A sheet (tab) of a dashboard.", [SheetName, SheetTitle, SheetColumns, SheetVisuals]);

    public static readonly TextSetting FilterColumn = new() { Key = "column", Required = true, Pattern = NamePattern, Describe = "column of the dashboard's queries", Example = "name_x", Doc = "The column filtered: every visual whose query returns it is filtered (QuickSight matches it by name and type across the dashboard's datasets)." };
    public static readonly ChoiceSetting<FilterControl> FilterControl = new()
    {
        Key = "control",
        Choices = new Dictionary<string, FilterControl> { ["dropdown"] = Model.Dashboards.FilterControl.Dropdown, ["range"] = Model.Dashboards.FilterControl.Range },
        Default = Model.Dashboards.FilterControl.Dropdown,
        Doc = "dropdown: pick values of a text column; range: a slider from min to max over a numeric column.",
    };
    public static readonly TextSetting FilterTitle = new() { Key = "title", Describe = "text", Doc = "The control's label; default: the column." };
    public static readonly NumberSetting FilterMin = new() { Key = "min", Doc = "range: the slider's lowest value. Required for range." };
    public static readonly NumberSetting FilterMax = new() { Key = "max", Doc = "range: the slider's highest value. Required for range." };
    public static readonly NumberSetting FilterStep = new() { Key = "step", Min = 0.0001m, Default = 1, Doc = "range: the slider's step." };
    public static readonly SettingGroup FilterKeys = new("A dashboard filter.", [FilterColumn, FilterControl, FilterTitle, FilterMin, FilterMax, FilterStep]);

    public static readonly ChoiceSetting<RefreshInterval> RefreshEvery = new()
    {
        Key = "every",
        Choices = new Dictionary<string, RefreshInterval>
        {
            ["hourly"] = RefreshInterval.Hourly, ["daily"] = RefreshInterval.Daily, ["weekly"] = RefreshInterval.Weekly, ["monthly"] = RefreshInterval.Monthly,
        },
        Default = RefreshInterval.Daily,
        Doc = "How often QuickSight re-imports the dashboard's SPICE datasets.",
    };
    public static readonly TextSetting RefreshAt = new() { Key = "at", Default = "06:00", Pattern = "^([01][0-9]|2[0-3]):[0-5][0-9]$", Describe = "HH:MM", Example = "\"06:00\"", Doc = "Time of day of a daily, weekly or monthly refresh, in timezone." };
    public static readonly TextSetting RefreshTimezone = new() { Key = "timezone", Default = "UTC", Describe = "IANA time zone", Example = "Europe/Berlin", Doc = "The time zone of at, e.g. Europe/Berlin." };
    public static readonly TextSetting RefreshDay = new() { Key = "day", Describe = "weekday or day of the month", Doc = "weekly: monday to sunday (default monday); monthly: 1 to 31 (default 1)." };
    public static readonly SettingGroup RefreshKeys = new("When QuickSight re-imports a SPICE dashboard's datasets.", [RefreshEvery, RefreshAt, RefreshTimezone, RefreshDay]);

    public static readonly TextSetting DashboardName = new() { Key = "name", Required = true, Pattern = NamePattern, MaxLength = 100, Describe = "lowercase name", Example = "name_x", Doc = "The dashboard; part of its QuickSight id." };
    public static readonly TextSetting DashboardTitle = new() { Key = "title", Describe = "text", Doc = "The dashboard's title; default: its name." };
    public static readonly ChoiceSetting<ImportMode> DashboardImportMode = new()
    {
        Key = "import_mode",
        Choices = new Dictionary<string, ImportMode> { ["direct_query"] = ImportMode.DirectQuery, ["spice"] = ImportMode.Spice },
        Default = ImportMode.DirectQuery,
        Doc = "How QuickSight reads the dashboard's queries: direct_query runs them on Athena at each view; spice imports them into QuickSight on the refresh schedule.",
    };
    public static readonly SectionSetting DashboardRefresh = new() { Key = "refresh", Keys = RefreshKeys, Doc = "spice: when the datasets are re-imported; default daily at 06:00 UTC." };
    public static readonly SectionListSetting DashboardFilters = new() { Key = "filters", Item = FilterKeys, Doc = "Filters of the whole dashboard, with a control on every sheet." };
    public static readonly SectionListSetting DashboardSheets = new() { Key = "sheets", Required = true, Item = SheetKeys, Doc = "The dashboard's sheets (tabs)." };
    public static readonly SettingGroup DashboardKeys = new("A dashboard of saved queries.", [DashboardName, DashboardTitle, DashboardImportMode, DashboardRefresh, DashboardFilters, DashboardSheets]);


    // datasets[]
    public static readonly TextSetting DatasetName = new() { Key = "name", Required = true, Pattern = NamePattern, MaxLength = 255, Describe = "lowercase name", Example = "name_x", Doc = "The dataset; one stack per environment and dataset." };
    public static readonly TextSetting DatasetDescription = new() { Key = "description", Describe = "text", Doc = "What the dataset holds (the Glue database's description)." };
    public static readonly ChoiceSetting<ParquetCompression> ParquetCompression = new()
    {
        Key = "parquet_compression",
        Choices = new Dictionary<string, Model.ParquetCompression>
        {
            ["snappy"] = Model.ParquetCompression.Snappy, ["zstd"] = Model.ParquetCompression.Zstd, ["gzip"] = Model.ParquetCompression.Gzip,
        },
        Default = Model.ParquetCompression.Snappy,
        Doc = "Codec of the dataset's Parquet files, on Glue and locally: snappy (Glue's default), zstd (smaller, also for random ids and text) or gzip.",
    };
    public static readonly SectionListSetting Tables = new() { Key = "tables", Required = true, Item = TableKeys, Doc = "The tables cleaned from staging files." };
    public static readonly SectionListSetting Derived = new() { Key = "derived", Item = DerivedKeys, Doc = "Tables computed by SQL from the cleaned tables." };
    public static readonly SectionListSetting Queries = new() { Key = "queries", Item = QueryKeys, Doc = "Saved queries: Athena named queries and results in the local report." };
    public static readonly SectionListSetting Dashboards = new() { Key = "dashboards", Item = DashboardKeys, Doc = "Dashboards of the saved queries: QuickSight dashboards on AWS (where the environment enables QuickSight) and the same dashboards in the local report." };
    public static readonly NumberSetting DatasetMaxRejectShare = new() { Key = "max_reject_share", Min = 0, Max = 1, Doc = "The max_reject_share of every table of the dataset that does not set its own; default: no limit." };
    public static readonly SettingGroup DatasetKeys = new("A dataset: its tables, derived tables and saved queries.", [DatasetName, DatasetDescription, ParquetCompression, DatasetMaxRejectShare, Tables, Derived, Queries, Dashboards]);

    public static readonly SectionListSetting Environments = new() { Key = "environments", Required = true, Item = EnvironmentKeys, Doc = "The environments; each has a pipeline.<name>.yaml." };
    public static readonly SectionListSetting Datasets = new() { Key = "datasets", Required = true, Item = DatasetKeys, Doc = "The datasets." };

    /// <summary>The keys of the whole file.</summary>
    public static readonly SettingGroup File = new("pipeline.yaml: what the data pipeline is.", [Project, Environments, Datasets]);
}
