using KashiInvest.Domain.Access;
using KashiInvest.Domain.Bulletins;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Writes;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.Bulletins;

/// <summary>
/// The bulletin archive (<c>/bulletins</c>): published bulletins for everyone signed in, searchable by year and text;
/// drafts too for the Bureau and leaders. The Bureau drafts the latest closed quarter's bulletin here. Live: any
/// bulletin notice re-reads the list.
/// </summary>
public partial class BulletinsPage
{
    private UserScope? _scope;
    private IReadOnlyList<BulletinRow> _rows = [];
    private bool _loading = true;
    private bool _busy;
    private bool _canDraft;
    private int? _latestId;
    private int? _year;
    private string? _text;
    private string? _general;

    [Inject] private BulletinCommands Commands { get; set; } = default!;
    [Inject] private IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<BulletinsPage> Logger { get; set; } = default!;

    private BulletinWords Words => new(T);

    protected override async Task OnInitializedAsync()
    {
        _scope = await Scopes.GetAsync();
        _canDraft = BulletinAccess.CanEdit(_scope);
        await ReadInTurnAsync(ReadAsync);
    }

    protected override bool Concerns(ChangeNotice notice) => notice.Kind == ChangeKinds.BulletinChanged;

    protected override Task ApplyAsync(LiveChanges changes) => ReadAsync();

    private async Task ReadAsync()
    {
        if (_scope is null) return;
        _rows = await Commands.ListAsync(_scope, _year, _text);
        if (_canDraft) _latestId = await Commands.LatestClosedIdAsync();
        _loading = false;
    }

    private Task SearchAsync() => ReadInTurnAsync(ReadAsync);

    private async Task DraftAsync()
    {
        _busy = true;
        _general = null;
        var result = await SafeWrite.RunAsync(Logger, async () => await Commands.DraftAsync(_scope ?? await Scopes.GetAsync()));
        _busy = false;
        var feedback = WriteFeedback.Of(T, result, saved: T["Bulletins.Drafted"]);
        if (result.Status == WriteStatus.Saved && result.Id is { } id)
        {
            feedback.Show(Snackbar);
            Navigation.NavigateTo($"/bulletins/{id}");
            return;
        }
        _general = feedback.Message;
    }
}
