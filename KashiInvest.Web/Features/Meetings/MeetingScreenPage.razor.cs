using KashiInvest.Web.Features.Wall;
using Microsoft.AspNetCore.Components;

namespace KashiInvest.Web.Features.Meetings;

/// <summary>
/// The follower screen (projector, the chair's laptop, a chain lead's screen): follows the presenter live through the
/// meeting's <c>meeting.changed</c> notices (re-read under the user's own access, never polled). A follower may look at
/// another item in the agenda strip; "follow the presenter" jumps back, and while following it moves with the presenter.
/// </summary>
public sealed partial class MeetingScreenPage
{
    /// <summary>The item the follower looked away to; null while following the presenter.</summary>
    private int? _viewedItemId;
    private bool _kiosk;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The item on this screen: the presenter's while following, else the one the follower picked.</summary>
    private AgendaItemView? ShownItem => _view is null ? null
        : Following ? _view.CurrentItem
        : _view.Items.FirstOrDefault(i => i.Id == _viewedItemId) ?? _view.CurrentItem;

    private bool Following => _viewedItemId is null;

    private string CurrentTitle => _view?.CurrentItem is { } c ? MeetingScreenText.Title(c, T) : "—";

    protected override Task OnParametersSetAsync()
    {
        _kiosk = WallRoute.IsKiosk(Navigation.Uri);
        return base.OnParametersSetAsync();
    }

    private void LookAt(int itemId)
    {
        _viewedItemId = _view?.CurrentItemId == itemId ? null : itemId;
    }

    private void Follow() => _viewedItemId = null;
}
