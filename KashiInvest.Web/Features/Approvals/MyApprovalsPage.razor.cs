using KashiInvest.Domain.Access;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared.Writes;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.Approvals;

/// <summary>
/// "My approvals" (我的审批, Art. 23): what a department's proxy may claim, the items in hand with their clocks, and
/// what waits on the investor; overdue first. Claims and clock steps go through <see cref="ApprovalCommands"/>; the
/// page re-reads on every approval notice (its own rule decides what it shows).
/// </summary>
public partial class MyApprovalsPage
{
    private UserScope? _scope;
    private MyApprovals? _data;
    private readonly LiveFlash<int> _flash = new();

    [Inject] private MyApprovalsQuery Query { get; set; } = default!;
    [Inject] private ApprovalCommands Commands { get; set; } = default!;
    [Inject] private IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<MyApprovalsPage> Logger { get; set; } = default!;

    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    protected override async Task OnInitializedAsync()
    {
        _scope = await Scopes.GetAsync();
        await ReadInTurnAsync(LoadAsync);
    }

    protected override bool Concerns(ChangeNotice notice) =>
        notice.Kind is ChangeKinds.ApprovalItemChanged or ChangeKinds.ApprovalPlanChanged;

    protected override Task ApplyAsync(LiveChanges changes) => LoadAsync(changes.Everything ? [] : changes.ItemIds);

    private Task LoadAsync() => LoadAsync([]);

    /// <summary>Re-reads the sections; the named items that changed flash.</summary>
    private async Task LoadAsync(IReadOnlyList<int> changed)
    {
        if (_scope is null) return;
        var before = _data;
        _data = await Query.LoadAsync(_scope, Disposing);
        if (before is null) return;
        var old = before.ToClaim.Concat(before.InHand).Concat(before.WaitingOnInvestor).ToDictionary(i => i.Id);
        foreach (var item in _data.ToClaim.Concat(_data.InHand).Concat(_data.WaitingOnInvestor))
        {
            if (changed.Contains(item.Id) && (!old.TryGetValue(item.Id, out var was) || was != item)) _flash.Mark(item.Id);
        }
    }

    private async Task ClaimAsync(MyApprovalItem item)
    {
        var result = await SafeWrite.RunAsync(Logger, () => Commands.ClaimAsync(_scope!, item.Id, item.Version));
        await ReportAndReloadAsync(result, T["Approvals.Mine.Claimed", item.ItemName], item.Id);
    }

    private async Task StepAsync((MyApprovalItem Item, ItemStepKind Step) request)
    {
        var (item, step) = request;
        var parameters = new DialogParameters<ItemStepDialog> { { d => d.Item, item }, { d => d.Kind, step } };
        var dialog = await Dialogs.ShowAsync<ItemStepDialog>(T.Enum(step), parameters, Options);
        var closed = await dialog.Result;
        if (closed is null || closed.Canceled || closed.Data is not WriteResult result) return;
        await ReportAndReloadAsync(result, T["Approvals.Mine.Stepped", item.ItemName, T.Enum(step)], item.Id);
    }

    /// <summary>Says what became of a write (a conflict: someone else moved the item; nothing was overwritten) and re-reads.</summary>
    private async Task ReportAndReloadAsync(WriteResult result, string saved, int itemId)
    {
        var feedback = WriteFeedback.Of(T, result, saved: saved, conflict: T["Approvals.Mine.Conflict"], notFound: T["Approvals.Mine.Gone"]);
        if (feedback.Message is null && result.Errors is [var first, ..]) feedback = feedback with { Message = T.Rule(first.Violation) };
        feedback.Show(Snackbar);
        await ReadInTurnAsync(() => LoadAsync([itemId]));
    }
}
