using System.Globalization;
using DataPipeline.Config.Checks;
using DataPipeline.Config.Model;
using DataPipeline.Config.Model.Dashboards;
using DataPipeline.Config.Reading;

namespace DataPipeline.Config.Dashboards;

/// <summary>
/// Checks a dataset's dashboards against the described result columns of its saved queries and fills in the defaults:
/// unknown queries, fields that are not columns, kinds that do not fit the column types, filters and refreshes are
/// errors with file, line and key. Runs when the configuration loads, so synth and run refuse the same dashboards.
/// </summary>
public static class DashboardResolver
{
    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>The dataset's dashboards, resolved; those with errors are left out and the errors added.</summary>
    public static IReadOnlyList<Dashboard> Resolve(DatasetDefinition dataset, DatasetSchema schema, ICollection<ConfigError> errors)
    {
        var dashboards = new List<Dashboard>();
        var seen = new Dictionary<string, DashboardDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var definition in dataset.Dashboards)
        {
            if (seen.TryGetValue(definition.Name, out var first))
            {
                errors.Add(definition.Origin.Error("name", $"repeats the dashboard '{first.Name}' defined at line {first.Origin.LineOf("name")} (names are compared ignoring case); rename or remove one."));
                continue;
            }
            seen[definition.Name] = definition;
            var count = errors.Count;
            var dashboard = ResolveDashboard(dataset, schema, definition, errors);
            if (errors.Count == count)
            {
                dashboards.Add(dashboard);
            }
        }
        CheckSharedSpiceRefresh(dataset, errors);
        return dashboards;
    }

    /// <summary>The dashboards of a plan whose configuration loaded (so without errors).</summary>
    public static IReadOnlyList<Dashboard> For(DatasetPlan plan)
    {
        var errors = new List<ConfigError>();
        var dashboards = Resolve(plan.Dataset, plan.Schema, errors);
        return errors.Count == 0
            ? dashboards
            : throw new InvalidOperationException($"The dashboards of '{plan.Dataset.Name}' have errors the configuration check should have reported: {errors[0]}");
    }

    private static Dashboard ResolveDashboard(DatasetDefinition dataset, DatasetSchema schema, DashboardDefinition definition, ICollection<ConfigError> errors)
    {
        var sheets = new List<DashboardSheet>();
        var sheetNames = new Dictionary<string, SheetDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in definition.Sheets)
        {
            if (sheetNames.TryGetValue(sheet.Name, out var first))
            {
                errors.Add(sheet.Origin.Error("name", $"repeats the sheet '{first.Name}' defined at line {first.Origin.LineOf("name")} (names are compared ignoring case); rename or remove one."));
                continue;
            }
            sheetNames[sheet.Name] = sheet;
            if (sheet.Visuals.Count == 0)
            {
                errors.Add(sheet.Origin.Error("visuals", "lists no visual; add one, e.g. { query: <saved query>, kind: bar }."));
            }
            var visuals = sheet.Visuals
                .Select((visual, index) => ResolveVisual(dataset, schema, sheet, visual, $"{sheet.Name}-{index + 1}", errors))
                .OfType<DashboardVisual>()
                .ToList();
            sheets.Add(new DashboardSheet(sheet.Name, sheet.Title ?? sheet.Name, sheet.Columns, visuals));
        }
        if (definition.Sheets.Count == 0)
        {
            errors.Add(definition.Origin.Error("sheets", "lists no sheet; add one with a name and visuals."));
        }
        var visualsOfDashboard = sheets.SelectMany(s => s.Visuals).ToList();
        var filters = new List<DashboardFilter>();
        var filterColumns = new Dictionary<string, FilterDefinition>(StringComparer.Ordinal);
        foreach (var (filter, index) in definition.Filters.Select((f, i) => (f, i)))
        {
            if (filterColumns.TryGetValue(filter.Column, out var first))
            {
                errors.Add(filter.Origin.Error("column", $"repeats the filter on '{first.Column}' defined at line {first.Origin.LineOf("column")}; keep one."));
                continue;
            }
            filterColumns[filter.Column] = filter;
            if (ResolveFilter(schema, filter, visualsOfDashboard, $"filter-{index + 1}", errors) is { } resolved)
            {
                filters.Add(resolved);
            }
        }
        if (definition.Refresh is { } refresh)
        {
            CheckRefresh(definition, refresh, errors);
        }
        return new Dashboard
        {
            Name = definition.Name,
            Title = definition.Title ?? definition.Name,
            ImportMode = definition.ImportMode,
            Refresh = definition.Refresh ?? new RefreshDefinition(),
            Filters = filters,
            Sheets = sheets,
        };
    }

    private static DashboardVisual? ResolveVisual(DatasetDefinition dataset, DatasetSchema schema, SheetDefinition sheet, VisualDefinition visual, string id, ICollection<ConfigError> errors)
    {
        var origin = visual.Origin;
        var query = dataset.Queries.FirstOrDefault(q => q.Name == visual.Query);
        if (query is null)
        {
            var hint = Suggestions.Closest(visual.Query, dataset.Queries.Select(q => q.Name));
            errors.Add(origin.Error("query", hint is null
                ? $"is '{visual.Query}', which is not a saved query of dataset '{dataset.Name}'; add it under queries or use one of {string.Join(", ", dataset.Queries.Select(q => q.Name))}."
                : $"is '{visual.Query}', which is not a saved query of dataset '{dataset.Name}'; did you mean '{hint}'?"));
            return null;
        }
        if (!schema.Queries.TryGetValue(query.Name, out var columns))
        {
            return null; // its SQL did not run on DuckDB, which is reported already
        }
        var count = errors.Count;
        var kind = visual.Kind;
        var what = KindName(kind);
        DescribedColumn? Column(string key, string name)
        {
            var column = columns.FirstOrDefault(c => c.Name == name);
            if (column is null)
            {
                var hint = Suggestions.Closest(name, columns.Select(c => c.Name));
                errors.Add(origin.Error(key, $"has '{name}', which is not a column of query '{query.Name}'; " +
                    (hint is null ? $"its columns are {string.Join(", ", columns.Select(c => c.Name))}." : $"did you mean '{hint}'?")));
            }
            return column;
        }
        void NotFor(string key, string reason)
        {
            if (origin.KeyLines.ContainsKey(key))
            {
                errors.Add(origin.Error(key, reason));
            }
        }

        if (kind != VisualKind.Bar)
        {
            NotFor("orientation", $"applies only to kind: bar, and this visual is a {what}; remove it.");
            NotFor("arrangement", $"applies only to kind: bar, and this visual is a {what}; remove it.");
        }
        if (visual.Width > sheet.Columns)
        {
            errors.Add(origin.Error("width", $"is {visual.Width}, but sheet '{sheet.Name}' has {sheet.Columns} column{(sheet.Columns == 1 ? "" : "s")}; make it at most {sheet.Columns} or widen the sheet with columns."));
        }
        var title = visual.Title ?? (query.Description.Length > 0 ? query.Description : query.Name);
        if (kind == VisualKind.Table)
        {
            NotFor("x", "does not apply to a table, which shows every column of its query; remove it (sort and limit choose its rows).");
            NotFor("y", "does not apply to a table, which shows every column of its query; remove it (sort and limit choose its rows).");
            NotFor("group", "does not apply to a table, which shows every column of its query; remove it.");
            NotFor("aggregation", "does not apply to a table, which shows the query's rows as they are; remove it.");
            if (visual.Sort is { } tableSort)
            {
                _ = Column("sort", tableSort.Column);
            }
            return errors.Count > count ? null : new DashboardVisual
            {
                Id = id, Query = query.Name, Kind = kind, Title = title, Columns = columns,
                Sort = visual.Sort, Limit = visual.Limit, Width = visual.Width,
            };
        }

        var x = visual.X is null ? null : Column("x", visual.X);
        var group = visual.Group is null ? null : Column("group", visual.Group);
        var values = (visual.Y ?? []).Select(y => Column("y", y)).OfType<DescribedColumn>().ToList();
        if (errors.Count > count)
        {
            return null;
        }
        if (kind == VisualKind.Kpi)
        {
            NotFor("x", "does not apply to a kpi, which shows one number; remove it.");
            NotFor("group", "does not apply to a kpi, which shows one number; remove it.");
            NotFor("limit", "does not apply to a kpi, which shows one number; remove it.");
            NotFor("sort", "does not apply to a kpi, which shows one number; remove it.");
            x = null;
            group = null;
        }
        if (kind == VisualKind.Pie)
        {
            NotFor("group", "does not apply to a pie, whose slices are its x; remove it.");
            group = null;
        }
        var countsRows = visual.Aggregation is Aggregation.Count or Aggregation.DistinctCount;
        if (values.Count == 0)
        {
            var taken = new[] { x?.Name, group?.Name };
            var value = columns.FirstOrDefault(c => ColumnTypes.IsNumeric(c.Type) && !taken.Contains(c.Name)
                && (kind == VisualKind.Kpi || x is not null || columns.Any(o => o.Name != c.Name && !taken.Contains(o.Name))));
            if (value is null && countsRows)
            {
                value = columns.FirstOrDefault(c => !taken.Contains(c.Name));
            }
            if (value is null)
            {
                errors.Add(origin.Error("y", $"is not set, and query '{query.Name}' has no numeric column left for the {what}'s value; set y (with aggregation: count to count a text column)."));
                return null;
            }
            values.Add(value);
        }
        if (kind != VisualKind.Kpi && x is null)
        {
            x = columns.FirstOrDefault(c => !values.Contains(c) && c != group);
            if (x is null)
            {
                errors.Add(origin.Error("x", $"is not set, and query '{query.Name}' has no column left for the {what}'s categories; set x."));
                return null;
            }
        }
        if (kind == VisualKind.Heatmap && group is null)
        {
            group = columns.FirstOrDefault(c => !values.Contains(c) && c != x);
            if (group is null)
            {
                errors.Add(origin.Error("group", $"is not set, and query '{query.Name}' has no column left for the heatmap's rows; set group to a column of the query."));
                return null;
            }
        }
        foreach (var value in values.Where(v => !ColumnTypes.IsNumeric(v.Type) && !countsRows))
        {
            errors.Add(origin.Error("y", $"has '{value.Name}', a {value.Type} column; a {what} needs numeric values, or aggregation: count to count rows."));
        }
        if (values.Count > 1 && kind is VisualKind.Kpi or VisualKind.Heatmap or VisualKind.Pie)
        {
            errors.Add(origin.Error("y", $"has {values.Count} columns, but a {what} shows one value; keep one."));
        }
        if (values.Count > 1 && group is not null && kind is VisualKind.Bar or VisualKind.Line)
        {
            errors.Add(origin.Error("group", $"splits one value into series, but y has {values.Count} columns; keep one value or remove group."));
        }
        if (kind == VisualKind.Line && x is { Type: "boolean" })
        {
            errors.Add(origin.Error("x", $"is '{x.Name}', a boolean column; a line needs an ordered x (a number, a date or text)."));
        }
        if (x is not null && values.Any(v => v.Name == x.Name))
        {
            errors.Add(origin.Error("y", $"has '{x.Name}', which is also x; use another column as the value."));
        }
        if (group is not null && (group.Name == x?.Name || values.Any(v => v.Name == group.Name)))
        {
            errors.Add(origin.Error("group", $"is '{group.Name}', which is already x or a value; use another column."));
        }
        var fields = new[] { x, group }.OfType<DescribedColumn>().Concat(values).Select(c => c.Name).ToList();
        if (visual.Sort is { } sort && !fields.Contains(sort.Column))
        {
            errors.Add(origin.Error("sort", $"is by '{sort.Column}', which is not a field of the visual ({string.Join(", ", fields)}); sort by x or a value."));
        }
        if (errors.Count > count)
        {
            return null;
        }
        return new DashboardVisual
        {
            Id = id,
            Query = query.Name,
            Kind = kind,
            Title = title,
            X = x,
            Values = values,
            Group = group,
            Columns = columns,
            Aggregation = visual.Aggregation,
            Orientation = visual.Orientation,
            Arrangement = visual.Arrangement,
            Sort = kind == VisualKind.Kpi ? null : visual.Sort ?? DefaultSort(kind, x!, values[0]),
            Limit = kind == VisualKind.Kpi ? null : visual.Limit,
            Width = visual.Width,
        };
    }

    /// <summary>Lines, heatmaps and ordered categories read left to right; other categories by their value, largest first.</summary>
    private static SortOrder DefaultSort(VisualKind kind, DescribedColumn x, DescribedColumn value) =>
        kind is VisualKind.Line or VisualKind.Heatmap || ColumnTypes.IsNumeric(x.Type) || ColumnTypes.IsTemporal(x.Type)
            ? new SortOrder(x.Name, Descending: false)
            : new SortOrder(value.Name, Descending: true);

    private static DashboardFilter? ResolveFilter(DatasetSchema schema, FilterDefinition filter, IReadOnlyList<DashboardVisual> visuals, string id, ICollection<ConfigError> errors)
    {
        var origin = filter.Origin;
        var typed = visuals.Select(v => v.Query).Distinct(StringComparer.Ordinal)
            .Select(q => (Query: q, Column: schema.Queries[q].FirstOrDefault(c => c.Name == filter.Column)))
            .Where(x => x.Column is not null)
            .ToList();
        if (typed.Count == 0)
        {
            var queries = visuals.Select(v => v.Query).Distinct(StringComparer.Ordinal).ToList();
            errors.Add(origin.Error("column", queries.Count == 0
                ? $"is '{filter.Column}', but the dashboard has no visual to filter; add visuals first."
                : $"is '{filter.Column}', which no query of the dashboard returns ({string.Join(", ", queries)}); filter a column of their results."));
            return null;
        }
        var column = typed[0].Column!;
        if (typed.FirstOrDefault(t => t.Column!.Type != column.Type) is { Column: not null } other)
        {
            errors.Add(origin.Error("column", $"is '{column.Name}', which is {column.Type} in query '{typed[0].Query}' but {other.Column.Type} in '{other.Query}'; QuickSight filters a column across datasets only where its type is the same, so cast it to one type."));
            return null;
        }
        var count = errors.Count;
        if (filter.Control == FilterControl.Dropdown)
        {
            if (!ColumnTypes.IsText(column.Type))
            {
                errors.Add(origin.Error("column", $"is '{column.Name}', a {column.Type} column; a dropdown picks text values, so use control: range for numbers."));
            }
            foreach (var key in new[] { "min", "max", "step" }.Where(origin.KeyLines.ContainsKey))
            {
                errors.Add(origin.Error(key, "applies only to control: range; remove it."));
            }
        }
        else
        {
            if (!ColumnTypes.IsNumeric(column.Type))
            {
                errors.Add(origin.Error("column", $"is '{column.Name}', a {column.Type} column; a range needs a numeric column, so use control: dropdown for text."));
            }
            foreach (var key in new[] { "min", "max" }.Where(k => !origin.KeyLines.ContainsKey(k)))
            {
                errors.Add(origin.Error(key, "is missing; a range filter needs min and max, the ends of its slider."));
            }
            if (filter is { Min: { } min, Max: { } max } && min >= max)
            {
                errors.Add(origin.Error("min", $"is {min.ToString(CultureInfo.InvariantCulture)}, not less than max {max.ToString(CultureInfo.InvariantCulture)}; make min the lower end."));
            }
        }
        return errors.Count > count ? null : new DashboardFilter
        {
            Id = id,
            Column = column,
            Control = filter.Control,
            Title = filter.Title ?? filter.Column,
            Min = filter.Min ?? 0,
            Max = filter.Max ?? 0,
            Step = filter.Step,
        };
    }

    private static void CheckRefresh(DashboardDefinition dashboard, RefreshDefinition refresh, ICollection<ConfigError> errors)
    {
        if (dashboard.ImportMode != ImportMode.Spice)
        {
            errors.Add(dashboard.Origin.Error("refresh", "applies only to import_mode: spice (direct_query reads Athena at each view); remove it or set import_mode: spice."));
            return;
        }
        var origin = refresh.Origin;
        if (refresh.Day is not { } day)
        {
            return;
        }
        switch (refresh.Every)
        {
            case RefreshInterval.Weekly when !Weekdays.Contains(day.ToLowerInvariant()):
                errors.Add(origin.Error("day", $"is '{day}'; a weekly refresh runs on a weekday, monday to sunday."));
                break;
            case RefreshInterval.Monthly when !int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var date) || date is < 1 or > 31:
                errors.Add(origin.Error("day", $"is '{day}'; a monthly refresh runs on a day of the month, 1 to 31."));
                break;
            case RefreshInterval.Hourly or RefreshInterval.Daily:
                errors.Add(origin.Error("day", $"applies only to weekly and monthly refreshes; remove it or set every: weekly or monthly."));
                break;
        }
    }

    /// <summary>A query imported into SPICE by several dashboards is one dataset with one schedule.</summary>
    private static void CheckSharedSpiceRefresh(DatasetDefinition dataset, ICollection<ConfigError> errors)
    {
        var firstByQuery = new Dictionary<string, DashboardDefinition>(StringComparer.Ordinal);
        foreach (var dashboard in dataset.Dashboards.Where(d => d.ImportMode == ImportMode.Spice))
        {
            var refresh = Schedule(dashboard);
            foreach (var query in dashboard.Sheets.SelectMany(s => s.Visuals).Select(v => v.Query).Distinct(StringComparer.Ordinal))
            {
                if (!firstByQuery.TryGetValue(query, out var first))
                {
                    firstByQuery[query] = dashboard;
                }
                else if (first != dashboard && Schedule(first) != refresh)
                {
                    errors.Add(dashboard.Origin.Error("refresh", $"differs from that of dashboard '{first.Name}', which also imports query '{query}' into SPICE; a query has one SPICE dataset with one schedule, so give both dashboards the same refresh."));
                    return;
                }
            }
        }
    }

    private static (RefreshInterval, string, string, string?) Schedule(DashboardDefinition dashboard)
    {
        var refresh = dashboard.Refresh ?? new RefreshDefinition();
        return (refresh.Every, refresh.At, refresh.Timezone, refresh.Day?.ToLowerInvariant());
    }

    public static string KindName(VisualKind kind) => kind switch
    {
        VisualKind.Kpi => "kpi",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
