using KashiInvest.Domain.Access;
using KashiInvest.Infrastructure.Live;
using KashiInvest.Web.Features.Wall;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;

namespace KashiInvest.Web.Features.Meetings;

/// <summary>
/// The follower screen (projector, the chair's laptop, a chain lead's screen): follows the presenter live through the
/// meeting's <c>meeting.changed</c> notices (re-read under the user's own access, never polled). A follower may look at
/// another item in the agenda strip; "follow the presenter" jumps back, and while following it moves with the presenter.
/// </summary>
public sealed partial class MeetingScreenPage : IDisposable
{
    private bool _following = true;
    private int? _viewedItemId;
    private bool _kiosk;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The item on this screen: the presenter's while following, else the one the follower picked.</summary>
    private AgendaItemView? ShownItem => _view is null ? null
        : _following ? _view.CurrentItem
        : _view.Items.FirstOrDefault(i => i.Id == _viewedItemId) ?? _view.CurrentItem;

    private string CurrentTitle => _view?.CurrentItem is { } c ? MeetingScreenText.Title(c, T) : "—";

    protected override Task OnParametersSetAsync()
    {
        _kiosk = WallRoute.IsKiosk(Navigation.Uri);
        return base.OnParametersSetAsync();
    }

    private void LookAt(int itemId)
    {
        if (_view?.CurrentItemId == itemId) { Follow(); return; }
        _following = false;
        _viewedItemId = itemId;
    }

    private void Follow()
    {
        _following = true;
        _viewedItemId = null;
    }

    public void Dispose() => StopLive();
}
