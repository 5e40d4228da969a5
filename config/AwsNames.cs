using System.Text.RegularExpressions;

namespace DataPipeline.Config;

/// <summary>
/// The naming rules AWS enforces, checked before anything reaches CloudFormation. Each method returns what is
/// wrong with a name, or null when AWS will accept it.
/// </summary>
public static partial class AwsNames
{
    /// <summary>Words Athena (DDL and DML) and Glue reject as unquoted table or column names.</summary>
    public static IReadOnlySet<string> ReservedWords { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "all", "alter", "and", "array", "as", "authorization", "between", "bigint", "binary", "boolean", "both", "by",
        "case", "cashe", "cast", "char", "column", "conf", "constraint", "commit", "create", "cross", "cube", "current",
        "current_date", "current_path", "current_time", "current_timestamp", "current_user", "cursor", "database", "date",
        "dayofweek", "deallocate", "decimal", "delete", "describe", "distinct", "div", "double", "drop", "else", "end",
        "escape", "except", "exchange", "execute", "exists", "extended", "external", "extract", "false", "fetch", "first",
        "float", "floor", "following", "for", "foreign", "from", "full", "function", "grant", "group", "grouping", "having",
        "if", "import", "in", "inner", "insert", "int", "integer", "intersect", "interval", "into", "is", "join", "last",
        "lateral", "left", "less", "like", "listagg", "local", "localtime", "localtimestamp", "macro", "map", "more",
        "natural", "none", "normalize", "not", "null", "numeric", "of", "on", "only", "or", "order", "out", "outer", "over",
        "partialscan", "partition", "percent", "preceding", "precision", "prepare", "preserve", "primary", "procedure",
        "range", "reads", "recursive", "reduce", "references", "regexp", "revoke", "right", "rlike", "rollback", "rollup",
        "row", "rows", "select", "set", "skip", "smallint", "start", "table", "tablesample", "then", "time", "timestamp",
        "to", "transform", "trigger", "true", "truncate", "uescape", "unbounded", "union", "uniquejoin", "unnest", "update",
        "user", "using", "utc_timestamp", "values", "varchar", "views", "when", "where", "window", "with",
    };

    public static string? CheckBucket(string name)
    {
        if (name.Length is < 3 or > 63)
        {
            return $"makes the S3 bucket name '{name}' ({name.Length} characters); bucket names have 3 to 63 characters, so shorten the project or dataset name.";
        }
        if (!BucketCharacters().IsMatch(name))
        {
            return $"makes the S3 bucket name '{name}'; bucket names use lowercase letters, digits, '.' and '-', and start and end with a letter or digit.";
        }
        if (name.Contains("..", StringComparison.Ordinal) || name.Contains(".-", StringComparison.Ordinal) || name.Contains("-.", StringComparison.Ordinal))
        {
            return $"makes the S3 bucket name '{name}', which contains '..', '.-' or '-.'; remove them.";
        }
        if (IpAddress().IsMatch(name))
        {
            return $"makes the S3 bucket name '{name}', which is shaped like an IP address; pick another name.";
        }
        string[] badPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"];
        string[] badSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3"];
        if (badPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)) || badSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal)))
        {
            return $"makes the S3 bucket name '{name}', which starts or ends with a part S3 reserves; rename it.";
        }
        return null;
    }

    /// <summary>Glue and Athena database, table and column names.</summary>
    public static string? CheckCatalogName(string name, string what)
    {
        if (name.Length is 0 or > 255)
        {
            return $"is a {what} name of {name.Length} characters; use 1 to 255.";
        }
        if (!CatalogCharacters().IsMatch(name))
        {
            return $"is '{name}'; a {what} name must start with a lowercase letter and hold only lowercase letters, digits and underscores (Glue and Athena rules).";
        }
        if (ReservedWords.Contains(name))
        {
            return $"is '{name}', a reserved word in Athena; rename the {what} (e.g. '{name}_value').";
        }
        return null;
    }

    public static string? CheckWorkgroup(string name) =>
        WorkgroupCharacters().IsMatch(name) ? null
            : $"makes the Athena workgroup name '{name}'; workgroup names are 1 to 128 letters, digits, '.', '_' and '-'.";

    public static string? CheckRole(string name) =>
        RoleCharacters().IsMatch(name) ? null
            : $"makes the IAM role name '{name}' ({name.Length} characters); role names are at most 64 characters of letters, digits and +=,.@_-, so shorten the project, dataset or table name.";

    public static string? CheckGlueName(string name, string what) =>
        name.Length is >= 1 and <= 255 && GlueCharacters().IsMatch(name) ? null
            : $"makes the Glue {what} name '{name}'; Glue names are 1 to 255 characters without control characters.";

    public static string? CheckStack(string name) =>
        StackCharacters().IsMatch(name) ? null
            : $"makes the CloudFormation stack name '{name}'; stack names start with a letter and hold at most 128 letters, digits and '-'.";

    [GeneratedRegex(@"^[a-z0-9][a-z0-9.-]*[a-z0-9]$")]
    private static partial Regex BucketCharacters();

    [GeneratedRegex(@"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$")]
    private static partial Regex IpAddress();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*$")]
    private static partial Regex CatalogCharacters();

    [GeneratedRegex(@"^[a-zA-Z0-9._-]{1,128}$")]
    private static partial Regex WorkgroupCharacters();

    [GeneratedRegex(@"^[\w+=,.@-]{1,64}$")]
    private static partial Regex RoleCharacters();

    [GeneratedRegex(@"^[^\p{C}]+$")]
    private static partial Regex GlueCharacters();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9-]{0,127}$")]
    private static partial Regex StackCharacters();
}
