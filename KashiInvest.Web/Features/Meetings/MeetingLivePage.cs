using KashiInvest.Domain.Access;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;

namespace KashiInvest.Web.Features.Meetings;

/// <summary>
/// What the presenter, follower and record screens share: the meeting read under the user's own access, re-read
/// whenever one of its notices arrives (or the circuit reconnects), never polled, and nothing done after the page has
/// gone. The live part is the one <see cref="LivePage"/> every live page uses.
/// </summary>
public abstract class MeetingLivePage : LivePage
{
    protected UserScope? _scope;
    protected ReferenceCache.Snapshot? _ref;
    protected MeetingView? _view;
    protected bool _loaded;

    [Parameter] public int Id { get; set; }

    [Inject] protected MeetingQuery Query { get; set; } = default!;
    [Inject] private IUserScopeProvider ScopeProvider { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _scope = await ScopeProvider.GetAsync();
        _ref = await Reference.GetAsync();
    }

    protected override Task OnParametersSetAsync() => LoadAsync();

    protected override bool Concerns(ChangeNotice notice) => MeetingLive.Concerns(notice, Id);

    /// <summary>Any notice of the meeting re-reads it whole (one query).</summary>
    protected override Task ApplyAsync(LiveChanges changes) => ReadAsync();

    /// <summary>Reads the meeting again (null when it is gone or no longer readable), in turn with the live re-reads.</summary>
    protected Task LoadAsync() => ReadInTurnAsync(ReadAsync);

    private async Task ReadAsync()
    {
        var fresh = await Query.GetAsync(_scope!, Id);
        if (IsDisposed) return;
        _view = fresh;
        _loaded = true;
    }

    /// <summary>Stops following the meeting's notices (the same as disposing the page).</summary>
    protected void StopLive() => Dispose(true);
}
