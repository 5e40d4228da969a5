using Amazon.CDK;
using Amazon.CDK.AWS.QuickSight;
using Constructs;
using DataPipeline.Components.Shared;
using D = Amazon.CDK.AWS.QuickSight.CfnDashboard;

namespace DataPipeline.Components.Dashboards;

/// <summary>
/// QuickSight dashboards as code: one dataset per saved query (custom SQL on the Athena data source, direct query or
/// SPICE with a refresh schedule) and one AWS::QuickSight::Dashboard per dashboard with a full Definition (sheets in a
/// grid, visuals with field wells and sorting, filters across datasets with a control on every sheet), shared with the
/// principals. Follows https://docs.aws.amazon.com/quicksight/latest/developerguide/asset-management-api-json.html
/// </summary>
public sealed class Dashboards : Construct
{
    /// <summary>QuickSight's grid layout is 36 columns wide.</summary>
    public const int GridWidth = 36;
    public const int VisualRows = 12;

    // The reader actions of UpdateDashboardPermissions' example:
    // https://docs.aws.amazon.com/quicksight/latest/developerguide/update-dashboard-permissions.html
    public static readonly IReadOnlyList<string> DashboardActions =
        ["quicksight:DescribeDashboard", "quicksight:ListDashboardVersions", "quicksight:QueryDashboard"];

    public static readonly IReadOnlyList<string> DataSetActions =
    [
        "quicksight:DescribeDataSet", "quicksight:DescribeDataSetPermissions", "quicksight:PassDataSet",
        "quicksight:DescribeIngestion", "quicksight:ListIngestions",
    ];

    public Dashboards(Construct scope, string id, DashboardsProps props)
        : base(scope, id)
    {
        if (props.Principals.Count == 0)
        {
            throw new ArgumentException("Principals must list at least one QuickSight user or group, or nobody could open the dashboards.", nameof(props));
        }
        var known = props.DataSets.Select(d => d.Identifier).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in props.Dashboards.SelectMany(d => d.DataSets).Where(d => !known.Contains(d)))
        {
            throw new ArgumentException($"Dashboard dataset '{missing}' is not one of DataSets; add it there.", nameof(props));
        }
        var account = Stack.Of(this).Account;
        var dataSets = new Dictionary<string, CfnDataSet>(StringComparer.Ordinal);
        var refreshes = new List<CfnRefreshSchedule>();
        foreach (var query in props.DataSets)
        {
            var dataSet = new CfnDataSet(this, ConstructIds.Pascal("DataSet", query.Identifier), new CfnDataSetProps
            {
                AwsAccountId = account,
                DataSetId = query.DataSetId,
                Name = query.DataSetId,
                ImportMode = query.Refresh is null ? "DIRECT_QUERY" : "SPICE",
                PhysicalTableMap = new Dictionary<string, object>
                {
                    ["Query"] = new CfnDataSet.PhysicalTableProperty
                    {
                        CustomSql = new CfnDataSet.CustomSqlProperty
                        {
                            DataSourceArn = props.DataSource.AttrArn,
                            Name = query.Identifier,
                            SqlQuery = query.Sql,
                            Columns = query.Columns.Select(c => new CfnDataSet.InputColumnProperty { Name = c.Name, Type = c.Type }).ToArray(),
                        },
                    },
                },
                Permissions = props.Principals
                    .Select(p => new CfnDataSet.ResourcePermissionProperty { Principal = p, Actions = DataSetActions.ToArray() })
                    .ToArray(),
            });
            dataSets[query.Identifier] = dataSet;
            if (query.Refresh is { } refresh)
            {
                var schedule = new CfnRefreshSchedule(this, ConstructIds.Pascal("Refresh", query.Identifier), new CfnRefreshScheduleProps
                {
                    AwsAccountId = account,
                    DataSetId = query.DataSetId,
                    Schedule = new CfnRefreshSchedule.RefreshScheduleMapProperty
                    {
                        ScheduleId = $"{query.DataSetId}-{refresh.Interval.ToLowerInvariant()}",
                        RefreshType = "FULL_REFRESH",
                        ScheduleFrequency = new CfnRefreshSchedule.ScheduleFrequencyProperty
                        {
                            Interval = refresh.Interval,
                            TimeOfTheDay = refresh.Interval == "HOURLY" ? null : refresh.TimeOfTheDay,
                            TimeZone = refresh.TimeZone,
                            RefreshOnDay = refresh.DayOfWeek is null && refresh.DayOfMonth is null
                                ? null
                                : new CfnRefreshSchedule.RefreshOnDayProperty { DayOfWeek = refresh.DayOfWeek, DayOfMonth = refresh.DayOfMonth },
                        },
                    },
                });
                schedule.AddDependency(dataSet);
                refreshes.Add(schedule);
            }
        }
        DataSets = dataSets;
        RefreshSchedules = refreshes;
        QuickSightDashboards = props.Dashboards.Select(dashboard =>
        {
            var resource = new CfnDashboard(this, ConstructIds.Pascal("Dashboard", dashboard.DashboardId), new CfnDashboardProps
            {
                AwsAccountId = account,
                DashboardId = dashboard.DashboardId,
                Name = dashboard.Name,
                Definition = Definition(dashboard, dataSets),
                Permissions = props.Principals
                    .Select(p => new D.ResourcePermissionProperty { Principal = p, Actions = DashboardActions.ToArray() })
                    .ToArray(),
                DashboardPublishOptions = new D.DashboardPublishOptionsProperty
                {
                    AdHocFilteringOption = new D.AdHocFilteringOptionProperty { AvailabilityStatus = "ENABLED" },
                    ExportToCsvOption = new D.ExportToCSVOptionProperty { AvailabilityStatus = "ENABLED" },
                    SheetControlsOption = new D.SheetControlsOptionProperty { VisibilityState = "EXPANDED" },
                },
            });
            foreach (var name in dashboard.DataSets)
            {
                resource.AddDependency(dataSets[name]);
            }
            return resource;
        }).ToList();
    }

    /// <summary>The datasets by identifier (the saved query's, with a suffix for SPICE).</summary>
    public IReadOnlyDictionary<string, CfnDataSet> DataSets { get; }
    public IReadOnlyList<CfnRefreshSchedule> RefreshSchedules { get; }
    public IReadOnlyList<CfnDashboard> QuickSightDashboards { get; }

    private static D.DashboardVersionDefinitionProperty Definition(QuickSightDashboard dashboard, IReadOnlyDictionary<string, CfnDataSet> dataSets) => new()
    {
        DataSetIdentifierDeclarations = dashboard.DataSets
            .Select(name => new D.DataSetIdentifierDeclarationProperty { Identifier = name, DataSetArn = dataSets[name].AttrArn })
            .ToArray(),
        Sheets = dashboard.Sheets.Select(sheet => Sheet(sheet, dashboard.Filters)).ToArray(),
        FilterGroups = dashboard.Filters.Select(filter => FilterGroup(filter, dashboard.Sheets)).ToArray(),
    };

    private static D.SheetDefinitionProperty Sheet(QuickSightSheet sheet, IReadOnlyList<QuickSightFilter> filters) => new()
    {
        SheetId = sheet.SheetId,
        Name = sheet.Title,
        Title = sheet.Title,
        Visuals = sheet.Visuals.Select(Visual).ToArray(),
        Layouts = new[] { new D.LayoutProperty { Configuration = new D.LayoutConfigurationProperty { GridLayout = Grid(sheet) } } },
        FilterControls = filters.Count == 0 ? null : filters.Select(f => FilterControl(f, sheet)).ToArray(),
    };

    /// <summary>Visuals fill the grid row by row; one that does not fit in what is left of a row starts the next.</summary>
    private static D.GridLayoutConfigurationProperty Grid(QuickSightSheet sheet)
    {
        var span = GridWidth / sheet.GridColumns;
        var elements = new List<D.GridLayoutElementProperty>();
        var (column, row) = (0, 0);
        foreach (var visual in sheet.Visuals)
        {
            var width = Math.Min(visual.Width, sheet.GridColumns);
            if (column + width > sheet.GridColumns)
            {
                (column, row) = (0, row + VisualRows);
            }
            elements.Add(new D.GridLayoutElementProperty
            {
                ElementId = visual.VisualId,
                ElementType = "VISUAL",
                ColumnIndex = column * span,
                ColumnSpan = width * span,
                RowIndex = row,
                RowSpan = VisualRows,
            });
            column += width;
        }
        return new D.GridLayoutConfigurationProperty { Elements = elements.ToArray() };
    }

    private static D.VisualProperty Visual(QuickSightVisual visual)
    {
        var title = new D.VisualTitleLabelOptionsProperty
        {
            Visibility = "VISIBLE",
            FormatText = new D.ShortFormatTextProperty { PlainText = visual.Title },
        };
        var category = visual.Category is null ? [] : new[] { Dimension(visual, visual.Category, "category") };
        var values = visual.Values.Select(v => Measure(visual, v)).ToArray();
        var color = visual.Color is null ? null : new[] { Dimension(visual, visual.Color, visual.Chart == ChartType.HeatMap ? "rows" : "color") };
        var sort = Sort(visual);
        var limit = visual.Limit is { } n ? new D.ItemsLimitConfigurationProperty { ItemsLimit = n, OtherCategories = "EXCLUDE" } : null;
        return visual.Chart switch
        {
            ChartType.Bar => new D.VisualProperty
            {
                BarChartVisual = new D.BarChartVisualProperty
                {
                    VisualId = visual.VisualId,
                    Title = title,
                    ChartConfiguration = new D.BarChartConfigurationProperty
                    {
                        FieldWells = new D.BarChartFieldWellsProperty
                        {
                            BarChartAggregatedFieldWells = new D.BarChartAggregatedFieldWellsProperty { Category = category, Values = values, Colors = color },
                        },
                        SortConfiguration = new D.BarChartSortConfigurationProperty { CategorySort = sort, CategoryItemsLimit = limit },
                        Orientation = visual.Horizontal ? "HORIZONTAL" : "VERTICAL",
                        BarsArrangement = visual.Stacked ? "STACKED" : "CLUSTERED",
                    },
                },
            },
            ChartType.Line => new D.VisualProperty
            {
                LineChartVisual = new D.LineChartVisualProperty
                {
                    VisualId = visual.VisualId,
                    Title = title,
                    ChartConfiguration = new D.LineChartConfigurationProperty
                    {
                        Type = "LINE",
                        FieldWells = new D.LineChartFieldWellsProperty
                        {
                            LineChartAggregatedFieldWells = new D.LineChartAggregatedFieldWellsProperty { Category = category, Values = values, Colors = color },
                        },
                        SortConfiguration = new D.LineChartSortConfigurationProperty { CategorySort = sort, CategoryItemsLimitConfiguration = limit },
                    },
                },
            },
            ChartType.Pie => new D.VisualProperty
            {
                PieChartVisual = new D.PieChartVisualProperty
                {
                    VisualId = visual.VisualId,
                    Title = title,
                    ChartConfiguration = new D.PieChartConfigurationProperty
                    {
                        FieldWells = new D.PieChartFieldWellsProperty
                        {
                            PieChartAggregatedFieldWells = new D.PieChartAggregatedFieldWellsProperty { Category = category, Values = values },
                        },
                        SortConfiguration = new D.PieChartSortConfigurationProperty { CategorySort = sort, CategoryItemsLimit = limit },
                    },
                },
            },
            ChartType.HeatMap => new D.VisualProperty
            {
                HeatMapVisual = new D.HeatMapVisualProperty
                {
                    VisualId = visual.VisualId,
                    Title = title,
                    ChartConfiguration = new D.HeatMapConfigurationProperty
                    {
                        FieldWells = new D.HeatMapFieldWellsProperty
                        {
                            HeatMapAggregatedFieldWells = new D.HeatMapAggregatedFieldWellsProperty { Columns = category, Rows = color, Values = values },
                        },
                        SortConfiguration = new D.HeatMapSortConfigurationProperty
                        {
                            HeatMapColumnSort = sort,
                            HeatMapRowSort = visual.Color is null ? null : new[] { FieldSort(FieldId(visual, "rows", visual.Color), descending: false) },
                            HeatMapColumnItemsLimitConfiguration = limit,
                        },
                    },
                },
            },
            ChartType.Kpi => new D.VisualProperty
            {
                KpiVisual = new D.KPIVisualProperty
                {
                    VisualId = visual.VisualId,
                    Title = title,
                    ChartConfiguration = new D.KPIConfigurationProperty { FieldWells = new D.KPIFieldWellsProperty { Values = values } },
                },
            },
            ChartType.Table => new D.VisualProperty
            {
                TableVisual = new D.TableVisualProperty
                {
                    VisualId = visual.VisualId,
                    Title = title,
                    ChartConfiguration = new D.TableConfigurationProperty
                    {
                        FieldWells = new D.TableFieldWellsProperty
                        {
                            TableUnaggregatedFieldWells = new D.TableUnaggregatedFieldWellsProperty
                            {
                                Values = visual.Values.Select(c => new D.UnaggregatedFieldProperty { FieldId = FieldId(visual, "column", c), Column = Column(visual, c) }).ToArray(),
                            },
                        },
                        SortConfiguration = sort is null && visual.Limit is null ? null : new D.TableSortConfigurationProperty
                        {
                            RowSort = sort,
                            PaginationConfiguration = visual.Limit is { } rows ? new D.PaginationConfigurationProperty { PageSize = rows, PageNumber = 1 } : null,
                        },
                    },
                },
            },
            _ => throw new ArgumentOutOfRangeException(nameof(visual), visual.Chart, "Unknown chart type."),
        };
    }

    /// <summary>Field ids are unique in the dashboard: the visual, the well and the column.</summary>
    private static string FieldId(QuickSightVisual visual, string well, QuickSightColumn column) => $"{visual.VisualId}.{well}.{column.Name}";

    private static D.ColumnIdentifierProperty Column(QuickSightVisual visual, QuickSightColumn column) =>
        new() { DataSetIdentifier = visual.DataSet, ColumnName = column.Name };

    private static D.DimensionFieldProperty Dimension(QuickSightVisual visual, QuickSightColumn column, string well)
    {
        var id = FieldId(visual, well, column);
        var identifier = Column(visual, column);
        return column.Type switch
        {
            "INTEGER" or "DECIMAL" => new D.DimensionFieldProperty { NumericalDimensionField = new D.NumericalDimensionFieldProperty { FieldId = id, Column = identifier } },
            "DATETIME" => new D.DimensionFieldProperty { DateDimensionField = new D.DateDimensionFieldProperty { FieldId = id, Column = identifier } },
            _ => new D.DimensionFieldProperty { CategoricalDimensionField = new D.CategoricalDimensionFieldProperty { FieldId = id, Column = identifier } },
        };
    }

    /// <summary>Numbers take any aggregation; text, boolean and date columns can only be counted.</summary>
    private static D.MeasureFieldProperty Measure(QuickSightVisual visual, QuickSightColumn column)
    {
        var id = FieldId(visual, "value", column);
        var identifier = Column(visual, column);
        return column.Type switch
        {
            "INTEGER" or "DECIMAL" => new D.MeasureFieldProperty
            {
                NumericalMeasureField = new D.NumericalMeasureFieldProperty
                {
                    FieldId = id,
                    Column = identifier,
                    AggregationFunction = new D.NumericalAggregationFunctionProperty { SimpleNumericalAggregation = visual.Aggregation },
                },
            },
            "DATETIME" => new D.MeasureFieldProperty { DateMeasureField = new D.DateMeasureFieldProperty { FieldId = id, Column = identifier, AggregationFunction = visual.Aggregation } },
            _ => new D.MeasureFieldProperty { CategoricalMeasureField = new D.CategoricalMeasureFieldProperty { FieldId = id, Column = identifier, AggregationFunction = visual.Aggregation } },
        };
    }

    private static D.FieldSortOptionsProperty[]? Sort(QuickSightVisual visual)
    {
        if (visual.SortBy is not { } by)
        {
            return null;
        }
        string id;
        if (visual.Chart == ChartType.Table)
        {
            id = FieldId(visual, "column", visual.Values.First(c => c.Name == by));
        }
        else if (visual.Category?.Name == by)
        {
            id = FieldId(visual, "category", visual.Category);
        }
        else if (visual.Color?.Name == by)
        {
            id = FieldId(visual, visual.Chart == ChartType.HeatMap ? "rows" : "color", visual.Color);
        }
        else
        {
            id = FieldId(visual, "value", visual.Values.First(c => c.Name == by));
        }
        return [FieldSort(id, visual.SortDescending)];
    }

    private static D.FieldSortOptionsProperty FieldSort(string fieldId, bool descending) =>
        new() { FieldSort = new D.FieldSortProperty { FieldId = fieldId, Direction = descending ? "DESC" : "ASC" } };

    private static D.FilterGroupProperty FilterGroup(QuickSightFilter filter, IReadOnlyList<QuickSightSheet> sheets)
    {
        var column = new D.ColumnIdentifierProperty { DataSetIdentifier = filter.DataSet, ColumnName = filter.Column.Name };
        var definition = filter.Range
            ? new D.FilterProperty
            {
                NumericRangeFilter = new D.NumericRangeFilterProperty
                {
                    FilterId = filter.FilterId,
                    Column = column,
                    NullOption = "ALL_VALUES",
                    IncludeMinimum = true,
                    IncludeMaximum = true,
                    SelectAllOptions = "FILTER_ALL_VALUES",
                },
            }
            : new D.FilterProperty
            {
                CategoryFilter = new D.CategoryFilterProperty
                {
                    FilterId = filter.FilterId,
                    Column = column,
                    Configuration = new D.CategoryFilterConfigurationProperty
                    {
                        FilterListConfiguration = new D.FilterListConfigurationProperty
                        {
                            MatchOperator = "CONTAINS",
                            SelectAllOptions = "FILTER_ALL_VALUES",
                            NullOption = "ALL_VALUES",
                        },
                    },
                },
            };
        return new D.FilterGroupProperty
        {
            FilterGroupId = filter.FilterId + "-group",
            Status = "ENABLED",
            // Cross-dataset filters apply to every dataset with a column of the same name and type:
            // https://docs.aws.amazon.com/quicksight/latest/user/filtering-across-datasets.html
            CrossDataset = "ALL_DATASETS",
            Filters = new[] { definition },
            ScopeConfiguration = new D.FilterScopeConfigurationProperty
            {
                SelectedSheets = new D.SelectedSheetsFilterScopeConfigurationProperty
                {
                    SheetVisualScopingConfigurations = sheets
                        .Select(s => new D.SheetVisualScopingConfigurationProperty { SheetId = s.SheetId, Scope = "ALL_VISUALS" })
                        .ToArray(),
                },
            },
        };
    }

    private static D.FilterControlProperty FilterControl(QuickSightFilter filter, QuickSightSheet sheet)
    {
        var controlId = $"{filter.FilterId}.{sheet.SheetId}";
        return filter.Range
            ? new D.FilterControlProperty
            {
                Slider = new D.FilterSliderControlProperty
                {
                    FilterControlId = controlId,
                    SourceFilterId = filter.FilterId,
                    Title = filter.Title,
                    Type = "RANGE",
                    MinimumValue = filter.Minimum,
                    MaximumValue = filter.Maximum,
                    StepSize = filter.Step,
                },
            }
            : new D.FilterControlProperty
            {
                Dropdown = new D.FilterDropDownControlProperty
                {
                    FilterControlId = controlId,
                    SourceFilterId = filter.FilterId,
                    Title = filter.Title,
                    Type = "MULTI_SELECT",
                },
            };
    }
}
