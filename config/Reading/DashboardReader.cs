using System.Text.RegularExpressions;
using DataPipeline.Config.Model.Dashboards;
using S = DataPipeline.Config.Settings.PipelineFileSettings;

namespace DataPipeline.Config.Reading;

/// <summary>Reads a dataset's dashboards: sheets, visuals, filters and the SPICE refresh, as written.</summary>
internal static partial class DashboardReader
{
    public static IReadOnlyList<DashboardDefinition> Read(YamlSection dataset) =>
        dataset.Read(S.Dashboards).Select(ReadDashboard).OfType<DashboardDefinition>().ToList();

    private static DashboardDefinition? ReadDashboard(YamlSection section)
    {
        var name = section.Read(S.DashboardName);
        var refresh = section.Read(S.DashboardRefresh);
        var dashboard = new DashboardDefinition
        {
            Name = name ?? "",
            Title = section.Read(S.DashboardTitle),
            ImportMode = section.Read(S.DashboardImportMode) ?? S.DashboardImportMode.DefaultValue,
            Refresh = refresh is null ? null : ReadRefresh(refresh),
            Filters = section.Read(S.DashboardFilters).Select(ReadFilter).OfType<FilterDefinition>().ToList(),
            Sheets = section.Read(S.DashboardSheets).Select(ReadSheet).OfType<SheetDefinition>().ToList(),
            Origin = section.Origin,
        };
        section.Done();
        return name is null ? null : dashboard;
    }

    private static RefreshDefinition ReadRefresh(YamlSection section)
    {
        var refresh = new RefreshDefinition
        {
            Every = section.Read(S.RefreshEvery) ?? S.RefreshEvery.DefaultValue,
            At = section.Read(S.RefreshAt) ?? S.RefreshAt.DefaultValue,
            Timezone = section.Read(S.RefreshTimezone) ?? S.RefreshTimezone.DefaultValue,
            Day = section.Read(S.RefreshDay),
            Origin = section.Origin,
        };
        section.Done();
        return refresh;
    }

    private static FilterDefinition? ReadFilter(YamlSection section)
    {
        var column = section.Read(S.FilterColumn);
        var filter = new FilterDefinition
        {
            Column = column ?? "",
            Control = section.Read(S.FilterControl) ?? S.FilterControl.DefaultValue,
            Title = section.Read(S.FilterTitle),
            Min = section.Read(S.FilterMin),
            Max = section.Read(S.FilterMax),
            Step = section.Read(S.FilterStep) ?? S.FilterStep.Default!.Value,
            Origin = section.Origin,
        };
        section.Done();
        return column is null ? null : filter;
    }

    private static SheetDefinition? ReadSheet(YamlSection section)
    {
        var name = section.Read(S.SheetName);
        var sheet = new SheetDefinition
        {
            Name = name ?? "",
            Title = section.Read(S.SheetTitle),
            Columns = section.Read(S.SheetColumns) ?? S.SheetColumns.DefaultValue,
            Visuals = section.Read(S.SheetVisuals).Select(ReadVisual).OfType<VisualDefinition>().ToList(),
            Origin = section.Origin,
        };
        section.Done();
        return name is null ? null : sheet;
    }

    private static VisualDefinition? ReadVisual(YamlSection section)
    {
        var query = section.Read(S.VisualQuery);
        var kind = section.Read(S.VisualKind);
        var visual = new VisualDefinition
        {
            Query = query ?? "",
            Kind = kind ?? VisualKind.Table,
            Title = section.Read(S.VisualTitle),
            X = section.Read(S.VisualX),
            Y = section.Read(S.VisualY),
            Group = section.Read(S.VisualGroup),
            Aggregation = section.Read(S.VisualAggregation) ?? S.VisualAggregation.DefaultValue,
            Orientation = section.Read(S.VisualOrientation) ?? S.VisualOrientation.DefaultValue,
            Arrangement = section.Read(S.VisualArrangement) ?? S.VisualArrangement.DefaultValue,
            Sort = ReadSort(section),
            Limit = section.Read(S.VisualLimit),
            Width = section.Read(S.VisualWidth) ?? S.VisualWidth.DefaultValue,
            Origin = section.Origin,
        };
        section.Done();
        return query is null || kind is null ? null : visual;
    }

    private static SortOrder? ReadSort(YamlSection section)
    {
        var text = section.Read(S.VisualSort);
        if (text is null)
        {
            return null;
        }
        var match = SortTerm().Match(text);
        if (!match.Success)
        {
            section.Error(S.VisualSort, $"is '{text}'; write a column of the visual, optionally followed by asc or desc.");
            return null;
        }
        return new SortOrder(match.Groups[1].Value, match.Groups[2].Value.Equals("desc", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"^\s*([A-Za-z0-9_]+)(?:\s+(asc|desc|ASC|DESC))?\s*$")]
    private static partial Regex SortTerm();
}
