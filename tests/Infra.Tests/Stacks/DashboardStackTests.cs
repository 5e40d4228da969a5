using DataPipeline.Config;
using DataPipeline.Config.Dashboards;
using DataPipeline.Config.Model.Dashboards;
using DataPipeline.Tests.Kit;
using Newtonsoft.Json.Linq;

namespace DataPipeline.Tests.Stacks;

/// <summary>The dashboards of the shipped configuration, whatever it holds, as the stacks deploy them.</summary>
[Collection(CdkCollection.Name)]
public sealed class DashboardStackTests(ShippedStacksFixture fixture) : IClassFixture<ShippedStacksFixture>
{
    private IEnumerable<(Dashboard Dashboard, JObject Resource, DataPipeline.Stacks.DatasetStack Stack)> Deployed()
    {
        foreach (var (stack, template) in fixture.Stacks.Where(s => s.Stack.Plan.Environment.QuickSight.Enabled))
        {
            var resources = template.OfType("AWS::QuickSight::Dashboard");
            foreach (var dashboard in DashboardResolver.For(stack.Plan))
            {
                var id = stack.Plan.Names.QuickSightDashboard(dashboard.Name);
                yield return (dashboard, resources.Single(r => (string?)r.Resource.SelectToken("Properties.DashboardId") == id).Resource, stack);
            }
        }
    }

    [Fact]
    public void Every_dashboard_of_the_configuration_is_deployed_with_its_sheets_visuals_and_titles()
    {
        var deployed = Deployed().ToList();
        Assert.NotEmpty(deployed);
        foreach (var (dashboard, resource, _) in deployed)
        {
            Assert.Equal(dashboard.Title, (string?)resource.SelectToken("Properties.Name"));
            var sheets = resource.SelectTokens("Properties.Definition.Sheets[*]").ToList();
            Assert.Equal(dashboard.Sheets.Select(s => s.Name), sheets.Select(s => (string)s["SheetId"]!));
            foreach (var (sheet, json) in dashboard.Sheets.Zip(sheets))
            {
                var visuals = json["Visuals"]!.Select(v => ((JObject)v).Properties().Single()).ToList();
                Assert.Equal(sheet.Visuals.Select(v => v.Id), visuals.Select(v => (string)v.Value["VisualId"]!));
                Assert.Equal(sheet.Visuals.Select(v => v.Title), visuals.Select(v => (string)v.Value.SelectToken("Title.FormatText.PlainText")!));
                Assert.Equal(sheet.Visuals.Select(v => v.Kind switch
                {
                    VisualKind.Kpi => "KPIVisual",
                    VisualKind.Heatmap => "HeatMapVisual",
                    VisualKind.Pie => "PieChartVisual",
                    var kind => kind + (kind == VisualKind.Table ? "Visual" : "ChartVisual"),
                }), visuals.Select(v => v.Name));
            }
            Assert.Equal(dashboard.Filters.Select(f => f.Column.Name), resource.SelectTokens("Properties.Definition.FilterGroups[*].Filters[0]..Column.ColumnName").Select(t => (string)t!));
        }
    }

    [Fact]
    public void Every_query_a_dashboard_reads_is_a_dataset_of_its_sql_in_the_dashboards_import_mode()
    {
        foreach (var (dashboard, _, stack) in Deployed())
        {
            var template = fixture.Stacks.Single(s => s.Stack == stack).Template;
            foreach (var query in dashboard.Queries)
            {
                var spice = dashboard.ImportMode == ImportMode.Spice;
                var dataSet = template.OfType("AWS::QuickSight::DataSet")
                    .Single(d => (string?)d.Resource.SelectToken("Properties.DataSetId") == stack.Plan.Names.QuickSightQueryDataSet(query, spice)).Resource;
                var sql = QueryTemplate.Fill(File.ReadAllText(Path.Combine(stack.Plan.Pipeline.RootDirectory, stack.Plan.Dataset.Queries.Single(q => q.Name == query).SqlFile)), stack.Plan).Trim().TrimEnd(';');
                Assert.Equal(sql, (string?)dataSet.SelectToken("Properties.PhysicalTableMap.Query.CustomSql.SqlQuery"));
                Assert.Equal(spice ? "SPICE" : "DIRECT_QUERY", (string?)dataSet.SelectToken("Properties.ImportMode"));
                Assert.Equal(stack.Plan.Schema.Queries[query].Select(c => c.Name), dataSet.SelectTokens("Properties.PhysicalTableMap.Query.CustomSql.Columns[*].Name").Select(t => (string)t!));
            }
        }
    }

    [Fact]
    public void Every_derived_table_is_a_dataset_where_quicksight_is_enabled()
    {
        foreach (var (stack, template) in fixture.Stacks.Where(s => s.Stack.Plan.Environment.QuickSight.Enabled))
        {
            foreach (var derived in stack.Plan.Dataset.Derived)
            {
                var dataSet = template.OfType("AWS::QuickSight::DataSet")
                    .Single(d => (string?)d.Resource.SelectToken("Properties.DataSetId") == stack.Plan.Names.QuickSightDataSet(derived.Name)).Resource;
                Assert.Equal(ResourceNames.CatalogTable(derived.Name), (string?)dataSet.SelectToken("Properties.PhysicalTableMap.Table.RelationalTable.Name"));
                Assert.Equal(stack.Plan.Schema.Derived[derived.Name].Select(c => c.Name), dataSet.SelectTokens("Properties.PhysicalTableMap.Table.RelationalTable.InputColumns[*].Name").Select(t => (string)t!));
            }
        }
    }

    [Fact]
    public void No_dashboard_is_deployed_where_quicksight_is_off()
    {
        foreach (var (_, template) in fixture.Stacks.Where(s => !s.Stack.Plan.Environment.QuickSight.Enabled))
        {
            template.Template.ResourceCountIs("AWS::QuickSight::Dashboard", 0);
            template.Template.ResourceCountIs("AWS::QuickSight::RefreshSchedule", 0);
        }
    }
}
