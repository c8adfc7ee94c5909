using KashiInvest.Domain.Access;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared.Writes;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.Approvals;

/// <summary>
/// The service group's board (服务组看板, Art. 23): new applications waiting for a plan, and every plan of the group's
/// projects with its items by state, overdue first. The group leader plans (<see cref="PlanDialog"/>) and assigns or
/// reassigns items to a proxy of the item's department (<see cref="AssignDialog"/>); the Bureau, leaders and the
/// administrator pick any group and read it. Live on approval notices: the page re-reads under its own rule.
/// </summary>
public partial class BoardPage
{
    private UserScope? _scope;
    private ApprovalBoard? _board;
    private int? _groupUnitId;
    /// <summary>Items flash by their id, applications by their plan's id negated (the two id spaces differ).</summary>
    private readonly LiveFlash<int> _flash = new();

    [Inject] private BoardQuery Query { get; set; } = default!;
    [Inject] private IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
    private static readonly DialogOptions WideOptions = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };

    protected override async Task OnInitializedAsync()
    {
        _scope = await Scopes.GetAsync();
        await ReadInTurnAsync(() => LoadAsync([], []));
    }

    protected override bool Concerns(ChangeNotice notice) =>
        notice.Kind is ChangeKinds.ApprovalItemChanged or ChangeKinds.ApprovalPlanChanged;

    protected override Task ApplyAsync(LiveChanges changes) => LoadAsync(
        [.. changes.Notices.Where(n => n.Kind == ChangeKinds.ApprovalItemChanged && n.ItemId is not null).Select(n => n.ItemId!.Value)],
        [.. changes.Notices.Where(n => n.Kind == ChangeKinds.ApprovalPlanChanged && n.ItemId is not null).Select(n => n.ItemId!.Value)]);

    /// <summary>Re-reads the board; the named items and applications that changed flash.</summary>
    private async Task LoadAsync(IReadOnlyCollection<int> items, IReadOnlyCollection<int> plans)
    {
        if (_scope is null) return;
        var before = _board;
        _board = await Query.LoadAsync(_scope, _groupUnitId, Disposing);
        if (before?.Group?.GroupUnitId != _board.Group?.GroupUnitId) return;
        var old = before!.Plans.SelectMany(p => p.Items).ToDictionary(i => i.Id);
        foreach (var item in _board.Plans.SelectMany(p => p.Items))
        {
            if (items.Contains(item.Id) && (!old.TryGetValue(item.Id, out var was) || was.Version != item.Version)) _flash.Mark(item.Id);
        }
        foreach (var a in _board.Applications.Where(a => plans.Contains(a.PlanId))) _flash.Mark(-a.PlanId);
    }

    private async Task PickGroupAsync(int groupUnitId)
    {
        _groupUnitId = groupUnitId;
        _flash.Clear();
        await ReadInTurnAsync(() => LoadAsync([], []));
    }

    private static Color LaneColor(BoardLane lane) => lane switch
    {
        BoardLane.Unclaimed => Color.Info,
        BoardLane.WaitingOnInvestor or BoardLane.Paused => Color.Warning,
        BoardLane.Done => Color.Success,
        BoardLane.Refused => Color.Error,
        _ => Color.Primary,
    };

    private async Task PlanAsync(BoardApplication application)
    {
        var parameters = new DialogParameters<PlanDialog> { { d => d.Application, application } };
        var dialog = await Dialogs.ShowAsync<PlanDialog>(T["Approvals.Board.Plan"], parameters, WideOptions);
        await ReportAsync(await dialog.Result, T["Approvals.Board.Planned", application.ProjectName]);
    }

    private async Task AssignAsync(BoardItem item)
    {
        var parameters = new DialogParameters<AssignDialog> { { d => d.Item, item } };
        var dialog = await Dialogs.ShowAsync<AssignDialog>(item.Holder is null ? T["Approvals.Board.Assign"] : T["Approvals.Board.Reassign"], parameters, Options);
        await ReportAsync(await dialog.Result, T["Approvals.Board.Assigned", item.ItemName]);
    }

    /// <summary>Says what became of a dialog's write (a conflict: someone else moved it; nothing was overwritten) and re-reads.</summary>
    private async Task ReportAsync(DialogResult? closed, string saved)
    {
        if (closed is null || closed.Canceled || closed.Data is not WriteResult result) return;
        var feedback = WriteFeedback.Of(T, result, saved: saved, conflict: T["Approvals.Board.Conflict"], notFound: T["Approvals.Mine.Gone"]);
        if (feedback.Message is null && result.Errors is [var first, ..]) feedback = feedback with { Message = T.Rule(first.Violation) };
        feedback.Show(Snackbar);
        await ReadInTurnAsync(() => LoadAsync([], []));
    }
}
