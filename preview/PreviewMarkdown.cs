using System.Globalization;
using System.Text;

namespace DataPipeline.Preview;

/// <summary>The preview as GitHub-flavoured Markdown, for a pull-request comment or a terminal.</summary>
public static class PreviewMarkdown
{
    /// <summary>A stack's <c>cdk diff</c> text is cut here, so the whole comment stays under GitHub's 65,536 characters.</summary>
    public const int MaxDiffText = 12_000;

    /// <summary>IAM statement changes listed per stack; the rest are in its <c>cdk diff</c>.</summary>
    public const int MaxIamStatements = 20;

    public static string Render(PreviewReport report)
    {
        var md = new StringBuilder();
        md.AppendLine($"## Pipeline preview: `{report.Environment}`");
        md.AppendLine();
        md.AppendLine($"The working tree of `{report.Head}`{(report.HeadHasUncommittedChanges ? " (with uncommitted changes)" : "")} compared with `{report.BaseRef}` at `{report.BaseCommit}`.");
        md.AppendLine(report.BaseCodeChanges.Count == 0
            ? "No app code differs (no C#, project or `etl/*.py` file), so the base was synthesized and run by the current app on the base's configuration."
            : $"The base's own app was built in a temporary worktree, because {Plural(report.BaseCodeChanges.Count, "app file differs", "app files differ")}: {List(report.BaseCodeChanges.Take(10))}{(report.BaseCodeChanges.Count > 10 ? ", ..." : "")}.");
        md.AppendLine();
        Destructive(md, report.Destructive);
        Infrastructure(md, report.Stacks);
        Data(md, report);
        return md.ToString();
    }

    private static void Destructive(StringBuilder md, IReadOnlyList<string> destructive)
    {
        if (destructive.Count == 0)
        {
            md.AppendLine("No destructive change: no bucket or key is replaced or removed, and no table is removed.");
            md.AppendLine();
            return;
        }
        md.AppendLine("> [!CAUTION]");
        md.AppendLine($"> **{destructive.Count} destructive {(destructive.Count == 1 ? "change" : "changes")}**");
        foreach (var sentence in destructive)
        {
            md.AppendLine($"> - {sentence}");
        }
        md.AppendLine();
    }

    private static void Infrastructure(StringBuilder md, IReadOnlyList<StackDiff> stacks)
    {
        md.AppendLine("### Infrastructure");
        md.AppendLine();
        md.AppendLine("Computed offline from the two synthesized templates with `@aws-cdk/cloudformation-diff` (what `cdk diff --template` prints).");
        md.AppendLine();
        if (stacks.Count == 0)
        {
            md.AppendLine("Neither revision has a stack in this environment.");
            md.AppendLine();
            return;
        }
        md.AppendLine("| stack | change | added | removed | modified | replaced | IAM |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---|");
        foreach (var stack in stacks)
        {
            var r = stack.Resources;
            md.AppendLine($"| `{stack.Stack}` | {StackKind(stack.Kind)} | {r.Count(c => c.Kind == ResourceChangeKind.Added && c.RenamedFrom is null)} " +
                $"| {r.Count(c => c.Kind == ResourceChangeKind.Removed)} | {r.Count(c => c.Kind == ResourceChangeKind.Modified && !c.Replaces)} " +
                $"| {r.Count(c => c.Replaces)} | {Iam(stack)} |");
        }
        md.AppendLine();
        foreach (var stack in stacks.Where(s => s.Kind != StackChangeKind.Unchanged))
        {
            md.AppendLine($"#### `{stack.Stack}`");
            md.AppendLine();
            if (stack.Kind == StackChangeKind.Modified)
            {
                Resources(md, stack.Resources);
            }
            else
            {
                md.AppendLine(stack.Kind == StackChangeKind.Added
                    ? $"A new stack of {stack.Resources.Count} resources."
                    : $"Only the base has this stack ({stack.Resources.Count} resources); `cdk deploy` does not delete it.");
                md.AppendLine();
            }
            IamStatements(md, stack);
            md.AppendLine($"<details><summary><code>cdk diff</code> of {stack.Stack}</summary>");
            md.AppendLine();
            md.AppendLine("```");
            md.AppendLine(stack.Text.Length <= MaxDiffText ? stack.Text.TrimEnd() : stack.Text[..MaxDiffText] + $"\n... ({stack.Text.Length - MaxDiffText:N0} more characters; run the preview locally for all of it)");
            md.AppendLine("```");
            md.AppendLine();
            md.AppendLine("</details>");
            md.AppendLine();
        }
    }

    private static void Resources(StringBuilder md, IReadOnlyList<ResourceChange> resources)
    {
        md.AppendLine("| change | resource | type | what changes |");
        md.AppendLine("|---|---|---|---|");
        foreach (var resource in resources.OrderBy(Rank).ThenBy(r => r.Label, StringComparer.Ordinal))
        {
            md.AppendLine($"| {Change(resource)} | `{Cell(resource.Label)}` | `{resource.Type}` | {Cell(Details(resource))} |");
        }
        md.AppendLine();
    }

    private static int Rank(ResourceChange resource) => resource switch
    {
        { Replaces: true } => 0,
        { Kind: ResourceChangeKind.Removed } => 1,
        { Kind: ResourceChangeKind.Added } => 2,
        _ => 3,
    };

    private static string Change(ResourceChange resource)
    {
        var change = resource switch
        {
            { Replaces: true } => "**replaced**",
            { Kind: ResourceChangeKind.Removed, Impact: ResourceChange.WillOrphan } => "**removed** (retained, orphaned)",
            { Kind: ResourceChangeKind.Removed } => "**removed**",
            { Kind: ResourceChangeKind.Added } => "added",
            _ => "modified",
        };
        return resource.TouchesIam ? change + ", IAM" : change;
    }

    private static string Details(ResourceChange resource)
    {
        if (resource.RenamedFrom is { } old)
        {
            return $"construct renamed from `{old.Label}` (logical id `{old.LogicalId}` → `{resource.LogicalId}`)";
        }
        var parts = resource.Properties.Select(p => p.Replaces ? $"`{p.Name}` ({(p.Impact == ResourceChange.MayReplace ? "may replace" : "replaces")})" : $"`{p.Name}`")
            .Concat(resource.OtherChanges.Select(o => $"`{o}`"));
        return string.Join(", ", parts);
    }

    private static void IamStatements(StringBuilder md, StackDiff stack)
    {
        if (stack.IamStatements.Count == 0 && stack.ManagedPolicies.Count == 0)
        {
            return;
        }
        md.AppendLine(stack.PermissionsBroadened ? "IAM changes (**permissions broadened**):" : "IAM changes:");
        md.AppendLine();
        if (stack.IamStatements.Count > 0)
        {
            md.AppendLine("| | resource | effect | action | principal | condition |");
            md.AppendLine("|---|---|---|---|---|---|");
            foreach (var s in stack.IamStatements.Take(MaxIamStatements))
            {
                md.AppendLine($"| {(s.Change == "added" ? "+" : "-")} | {Code(s.Resource)} | {s.Effect} | {Code(s.Action)} | {Code(s.Principal)} | {Code(s.Condition)} |");
            }
            md.AppendLine();
            if (stack.IamStatements.Count > MaxIamStatements)
            {
                md.AppendLine($"... and {stack.IamStatements.Count - MaxIamStatements} more statements (in the `cdk diff` below).");
                md.AppendLine();
            }
        }
        foreach (var policy in stack.ManagedPolicies)
        {
            md.AppendLine($"- managed policy {policy.Change}: {Code(policy.ManagedPolicyArn)} on {Code(policy.Resource)}");
        }
        if (stack.ManagedPolicies.Count > 0)
        {
            md.AppendLine();
        }
    }

    private static void Data(StringBuilder md, PreviewReport report)
    {
        md.AppendLine("### Data");
        md.AppendLine();
        md.AppendLine($"Both revisions ran locally (`run --env {report.Environment}`) on the same staging files: {report.Staging}.");
        md.AppendLine();
        if (report.Datasets.Count == 0)
        {
            md.AppendLine("Neither revision has a dataset in this environment.");
            md.AppendLine();
        }
        foreach (var dataset in report.Datasets)
        {
            md.AppendLine($"#### Dataset `{dataset.Dataset}`{dataset.Presence switch { PresenceChange.New => " (new)", PresenceChange.Removed => " (removed)", _ => "" }}");
            md.AppendLine();
            Tables(md, dataset.Tables);
            Rejects(md, dataset.Rejects);
            Queries(md, dataset.Queries);
        }
    }

    private static void Tables(StringBuilder md, IReadOnlyList<TableDiff> tables)
    {
        var changed = tables.Where(t => t.HasChanges).ToList();
        if (changed.Count > 0)
        {
            md.AppendLine("| table | rows before | rows after | added | removed | changed | matched by | columns |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---|---|");
            foreach (var t in changed)
            {
                var (before, after) = t.Presence switch
                {
                    PresenceChange.New => ("new table", Count(t.RowsAfter)),
                    PresenceChange.Removed => (Count(t.RowsBefore), "**removed**"),
                    _ => (Count(t.RowsBefore), Count(t.RowsAfter)),
                };
                var matchedBy = t.Presence != PresenceChange.InBoth ? "" : t.Key.Count > 0 ? List(t.Key) : "whole rows (no key)";
                md.AppendLine($"| `{t.Table}` | {before} | {after} | {Count(t.Added)} | {Count(t.Removed)} | {(t.Changed is { } c ? Count(c) : "")} | {matchedBy} | {Cell(Columns(t.Columns))} |");
            }
            md.AppendLine();
        }
        var unchanged = tables.Where(t => !t.HasChanges).ToList();
        if (unchanged.Count > 0)
        {
            md.AppendLine($"Unchanged: {string.Join(", ", unchanged.Select(t => $"`{t.Table}` ({Rows(t.RowsAfter)})"))}.");
            md.AppendLine();
        }
    }

    private static string Columns(IReadOnlyList<ColumnChange> columns) =>
        string.Join("; ", columns.Select(c => (c.Before, c.After) switch
        {
            (null, { } type) => $"added `{c.Name}` {type}",
            ({ } type, null) => $"removed `{c.Name}` {type}",
            _ => $"`{c.Name}` {c.Before} → {c.After}",
        }));

    private static void Rejects(StringBuilder md, IReadOnlyList<RejectCount> rejects)
    {
        if (rejects.Count == 0)
        {
            md.AppendLine("No rows rejected before or after.");
            md.AppendLine();
            return;
        }
        var changed = rejects.Where(r => r.Before != r.After).ToList();
        var unchanged = rejects.Where(r => r.Before == r.After).ToList();
        md.AppendLine(changed.Count == 0 ? "Rejected rows by reason: no count changed." : "Rejected rows by reason that changed:");
        md.AppendLine();
        RejectTable(md, changed);
        if (unchanged.Count > 0)
        {
            md.AppendLine($"<details><summary>{Plural(unchanged.Count, "reason", "reasons")} with the same count before and after</summary>");
            md.AppendLine();
            RejectTable(md, unchanged);
            md.AppendLine("</details>");
            md.AppendLine();
        }
    }

    private static void RejectTable(StringBuilder md, IReadOnlyList<RejectCount> rejects)
    {
        if (rejects.Count == 0)
        {
            return;
        }
        md.AppendLine("| table | reason | before | after |");
        md.AppendLine("|---|---|---:|---:|");
        foreach (var r in rejects)
        {
            md.AppendLine($"| `{r.Table}` | `{r.Reason}` | {Count(r.Before)} | {Count(r.After)} |");
        }
        md.AppendLine();
    }

    private static void Queries(StringBuilder md, IReadOnlyList<QueryDiff> queries)
    {
        if (queries.Count == 0)
        {
            return;
        }
        md.AppendLine("Saved queries:");
        md.AppendLine();
        foreach (var q in queries)
        {
            var rows = $"{Count(q.RowsBefore)} → {Count(q.RowsAfter)} rows";
            md.AppendLine(q switch
            {
                { Presence: PresenceChange.New } => $"- `{q.Query}`: **new**, {Rows(q.RowsAfter)}",
                { Presence: PresenceChange.Removed } => $"- `{q.Query}`: **removed** (had {Rows(q.RowsBefore)})",
                { Changed: true, LinesBefore.Count: 0, LinesAfter.Count: 0, HeaderBefore: null } => $"- `{q.Query}`: **changed**, same rows in another order",
                { Changed: true } => $"- `{q.Query}`: **changed**, {rows}",
                _ => $"- `{q.Query}`: unchanged, {Rows(q.RowsAfter)}",
            });
            if (!q.Changed || q.Presence == PresenceChange.Removed || (q.LinesBefore.Count == 0 && q.LinesAfter.Count == 0 && q.HeaderBefore is null))
            {
                continue;
            }
            var sign = q.Presence == PresenceChange.New ? "  " : "+ ";
            md.AppendLine("  ```diff");
            if (q.HeaderBefore is not null)
            {
                md.AppendLine("  - " + q.HeaderBefore);
                md.AppendLine("  + " + q.Header);
            }
            else
            {
                md.AppendLine("    " + q.Header);
            }
            q.LinesBefore.ToList().ForEach(line => md.AppendLine("  - " + line));
            q.LinesAfter.ToList().ForEach(line => md.AppendLine("  " + sign + line));
            if (q.MoreLines > 0)
            {
                md.AppendLine($"    ... {Count(q.MoreLines)} more lines");
            }
            md.AppendLine("  ```");
        }
        md.AppendLine();
    }

    private static string StackKind(StackChangeKind kind) => kind switch
    {
        StackChangeKind.Added => "new",
        StackChangeKind.Removed => "**removed**",
        StackChangeKind.Modified => "modified",
        _ => "unchanged",
    };

    private static string Iam(StackDiff stack)
    {
        var added = stack.IamStatements.Count(s => s.Change == "added");
        var removed = stack.IamStatements.Count(s => s.Change == "removed");
        var parts = new List<string>();
        if (added > 0)
        {
            parts.Add($"{added} statements added");
        }
        if (removed > 0)
        {
            parts.Add($"{removed} removed");
        }
        if (stack.ManagedPolicies.Count > 0)
        {
            parts.Add($"{stack.ManagedPolicies.Count} managed policy changes");
        }
        if (stack.PermissionsBroadened)
        {
            parts.Add("**broadened**");
        }
        return parts.Count == 0 ? "" : string.Join(", ", parts);
    }

    private static string List(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"`{n}`"));

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Rows(long value) => Plural(value, "row", "rows");

    private static string Plural(long value, string one, string many) => value == 1 ? "1 " + one : Count(value) + " " + many;

    /// <summary>Multi-line or piped text (IAM conditions, principals) kept inside one table cell.</summary>
    private static string Code(string text) =>
        text.Length == 0 ? "" : "<code>" + System.Net.WebUtility.HtmlEncode(text).Replace("|", "&#124;").Replace("\n", "<br>") + "</code>";

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
