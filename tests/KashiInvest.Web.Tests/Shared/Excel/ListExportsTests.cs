using KashiInvest.Domain.Access;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Alerts;
using KashiInvest.Web.Features.Pipeline;
using KashiInvest.Web.Features.Problems;
using KashiInvest.Web.Features.Reports;
using KashiInvest.Web.Features.Targets;
using KashiInvest.Web.Resources;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Excel;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace KashiInvest.Web.Tests.Shared.Excel;

/// <summary>
/// The list screens' exports (pipeline, ledger, alerts, reports inbox, target library), each opened again as a real
/// .xlsx: the rows the screen's own query gives the user, in the user's language, under a title row that names the
/// filters. A county's file holds only its own rows.
/// </summary>
public sealed class ListExportsTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private T Get<T>() where T : notnull => database.Services.GetRequiredService<T>();

    private UiText T => Get<UiText>();

    private Task<ReferenceCache.Snapshot> ReferenceAsync() => Get<ReferenceCache>().GetAsync();

    private static void AssertSheet<TRow>(ExcelFile file, ExcelSheet<TRow> sheet, IReadOnlyList<string?> firstColumn, string titleFragment)
    {
        using var xlsx = new XlsxFile(file.Bytes);
        Assert.Contains(titleFragment, xlsx.Text("A1"), StringComparison.Ordinal);
        Assert.Equal(sheet.Columns.Count, xlsx.RowTexts(2).Count);
        Assert.Equal("A3", xlsx.FrozenPane?.TopLeftCell?.Value);
        Assert.Equal(firstColumn.Count + 2, xlsx.Rows.Count);
        for (var i = 0; i < firstColumn.Count; i++) Assert.Equal(firstColumn[i], xlsx.Text($"A{i + 3}"));
    }

    [Fact]
    public async Task The_pipeline_exports_a_countys_cards_stage_by_stage()
    {
        using var _ = new UiCulture("zh-CN");
        var scope = await database.ScopeOfAsync("shache");
        var reference = await ReferenceAsync();
        var cards = await Get<PipelineQuery>().GetCardsAsync(scope, new PipelineFilter());
        Assert.NotEmpty(cards);
        Assert.All(cards, c => Assert.Equal(scope.UnitId, c.HostUnitId));
        var filter = new PipelineFilter { Text = "项目" };
        var file = PipelineExcel.Export(Get<ExcelExporter>(), T, reference, cards, filter);
        var shown = PipelineBoard.Build(cards).SelectMany(c => c.Cards).Select(c => (string?)c.Code).ToList();
        AssertSheet(file, PipelineExcel.Sheet(T, reference), shown, "搜索项目、客商：项目");
        using var xlsx = new XlsxFile(file.Bytes);
        Assert.Equal("#,##0.00", xlsx.NumberFormat("J3"));
    }

    [Fact]
    public async Task The_ledger_exports_the_entries_it_lists_in_English()
    {
        using var _ = new UiCulture("en");
        var scope = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var reference = await ReferenceAsync();
        var filter = new LedgerFilter { AllResolved = true };
        var cards = await Get<LedgerQuery>().LoadAsync(scope, filter);
        Assert.NotEmpty(cards);
        var file = LedgerExcel.Export(Get<ExcelExporter>(), T, reference, cards, filter);
        AssertSheet(file, LedgerExcel.Sheet(T, reference), [.. cards.Select(c => (string?)c.ProjectCode)], "Problem");
        using var xlsx = new XlsxFile(file.Bytes);
        Assert.Equal("yyyy-mm-dd", xlsx.NumberFormat("L3"));
        Assert.Equal("yyyy-mm-dd hh:mm", xlsx.NumberFormat("O3"));
        Assert.Contains("all", xlsx.Text("A1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_export_with_their_reason_in_words()
    {
        using var _ = new UiCulture("zh-CN");
        var scope = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var reference = await ReferenceAsync();
        var words = new AlertWords(Get<IStringLocalizer<Strings>>(), T);
        var filter = new AlertFilter { State = AlertState.All };
        var rows = await new AlertsQuery(Get<IDbContextFactory<KashiDbContext>>()).LoadAsync(scope, filter);
        var file = AlertsExcel.Export(Get<ExcelExporter>(), T, words, reference, rows, filter);
        AssertSheet(file, AlertsExcel.Sheet(T, words, reference), [.. rows.Select(r => (string?)words.Kind(r.Kind))], T["Alerts.State.All"]);
    }

    [Fact]
    public async Task The_reports_inbox_exports_a_countys_owed_reports_in_the_inbox_order()
    {
        using var _ = new UiCulture("zh-CN");
        var scope = await database.ScopeOfAsync("shache");
        var reference = await ReferenceAsync();
        var rows = ReportInboxQuery.Order(await Get<ReportInboxQuery>().LoadAsync(scope)).ToList();
        Assert.All(rows, r => Assert.Equal(scope.UnitId, r.Project.HostUnitId));
        var file = ReportInboxExcel.Export(Get<ExcelExporter>(), T, reference, rows, ReportInboxExcel.Describe(T, reference, null, null, null, null, true));
        AssertSheet(file, ReportInboxExcel.Sheet(T, reference), [.. rows.Select(r => (string?)r.Project.Code)], T["Reports.Title"]);
    }

    [Fact]
    public async Task The_target_library_exports_the_targets_of_a_chain_with_their_credit_codes()
    {
        using var _ = new UiCulture("zh-CN");
        var scope = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var reference = await ReferenceAsync();
        var all = await Get<TargetLibraryQuery>().SearchAsync(scope, new TargetFilter());
        Assert.NotEmpty(all);
        var filter = new TargetFilter(ChainId: all[0].ChainId);
        var rows = await Get<TargetLibraryQuery>().SearchAsync(scope, filter);
        var file = TargetsExcel.Export(Get<ExcelExporter>(), T, reference, rows, filter);
        AssertSheet(file, TargetsExcel.Sheet(T, reference), [.. rows.Select(r => (string?)r.Name)], $"产业链：{reference.ChainName(all[0].ChainId)}");
        using var xlsx = new XlsxFile(file.Bytes);
        Assert.Equal(rows[0].CreditCode, xlsx.Text("B3"));
    }

    [Fact]
    public async Task The_investor_library_exports_the_investors_it_lists()
    {
        using var _ = new UiCulture("zh-CN");
        var scope = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var reference = await ReferenceAsync();
        var cards = await Get<Features.Investors.InvestorLibraryQuery>().SearchAsync(scope, new Features.Investors.InvestorFilter());
        Assert.NotEmpty(cards);
        var file = Features.Investors.InvestorsExcel.Export(Get<ExcelExporter>(), T, reference, cards, new Features.Investors.InvestorFilter());
        AssertSheet(file, Features.Investors.InvestorsExcel.Sheet(T, reference), [.. cards.Select(c => (string?)c.Name)], "客商信息库");
    }

    [Fact]
    public async Task A_meetings_action_items_export_with_owner_deadline_and_status()
    {
        using var _ = new UiCulture("zh-CN");
        var scope = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var reference = await ReferenceAsync();
        var meetingId = await database.QueryAsync(db => db.ActionItems.Where(a => a.MeetingId != null).Select(a => a.MeetingId!.Value).FirstAsync());
        var view = (await Get<Features.Meetings.MeetingQuery>().GetAsync(scope, meetingId))!;
        Assert.NotEmpty(view.Actions);
        var file = Features.Meetings.ActionItemsExcel.Export(Get<ExcelExporter>(), T, reference, view.Actions, view.Title, "Meetings.Actions");
        AssertSheet(file, Features.Meetings.ActionItemsExcel.Sheet(T, reference), [.. view.Actions.Select(a => (string?)a.Text)], view.Title);
        using var xlsx = new XlsxFile(file.Bytes);
        Assert.Equal("yyyy-mm-dd", xlsx.NumberFormat("E3"));
        Assert.Equal(reference.UnitName(view.Actions[0].OwnerUnitId), xlsx.Text("D3"));
    }
}
