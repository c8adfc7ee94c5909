using KashiInvest.Domain.Access;
using KashiInvest.Infrastructure.Notifications;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Notifications;

/// <summary>
/// /admin/webhooks: the units' DingTalk / WeCom robots (add, edit, enable or disable, send a test message) and the
/// delivery log with its attempts and last errors, filtered by unit and status. Administrator and Bureau only.
/// </summary>
public partial class WebhooksPage
{
    private UserScope? _scope;
    private ReferenceCache.Snapshot? _ref;
    private List<EndpointRow>? _endpoints;
    private List<DeliveryRow>? _log;
    private DeliveryFilter _filter = new();
    private int? _testing;
    private bool _interactive;

    [Inject] private WebhookAdminQuery Query { get; set; } = default!;
    [Inject] private WebhookCommands Commands { get; set; } = default!;
    [Inject] private IUserScopeProvider ScopeProvider { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ILogger<WebhooksPage> Logger { get; set; } = default!;

    /// <summary>Units a log line can be filtered by: those with an endpoint.</summary>
    private IEnumerable<UnitInfo> LogUnits => _ref is null || _endpoints is null ? []
        : _endpoints.Select(e => e.UnitId).Distinct().Select(id => _ref.Unit(id)).OfType<UnitInfo>();

    protected override async Task OnInitializedAsync()
    {
        _scope = await ScopeProvider.GetAsync();
        _ref = await Reference.GetAsync();
        await LoadAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    private async Task LoadAsync()
    {
        _endpoints = [.. await Query.EndpointsAsync(_scope!)];
        await LoadLogAsync();
    }

    private async Task LoadLogAsync() => _log = [.. await Query.DeliveriesAsync(_scope!, _filter)];

    private async Task FilterUnitAsync(int? unitId)
    {
        _filter = _filter with { UnitId = unitId };
        await LoadLogAsync();
    }

    private async Task FilterStatusAsync(DeliveryStatus? status)
    {
        _filter = _filter with { Status = status };
        await LoadLogAsync();
    }

    private Task AddAsync() => OpenAsync(null, 0, null, "Webhooks.AddTitle");

    private async Task EditAsync(EndpointRow row)
    {
        if (await Query.EndpointForEditAsync(_scope!, row.Id) is not { } current)
        {
            Snackbar.Add(T["Webhooks.NotFound"], Severity.Warning);
            await LoadAsync();
            return;
        }
        // Edits start from the version the list showed: a change made meanwhile is reported as a conflict on save.
        await OpenAsync(row.Id, row.Version, current.Input, "Webhooks.EditTitle");
    }

    private async Task OpenAsync(int? id, int version, WebhookEndpointInput? initial, string titleKey)
    {
        var parameters = new DialogParameters<WebhookEndpointDialog>
        {
            { d => d.EndpointId, id },
            { d => d.Version, version },
            { d => d.Initial, initial },
            { d => d.Units, _ref!.Units },
        };
        var dialog = await Dialogs.ShowAsync<WebhookEndpointDialog>(T[titleKey], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            Snackbar.Add(T["Webhooks.Saved"], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task ToggleAsync(EndpointRow row)
    {
        var result = await SafeWrite.RunAsync(Logger, () => Commands.SetEnabledAsync(_scope!, row.Id, row.Version, !row.Enabled));
        WriteFeedback.Of(T, result, saved: T[row.Enabled ? "Webhooks.Disabled" : "Webhooks.Enabled"], conflict: T["Webhooks.ConflictList"], notFound: T["Webhooks.NotFound"])
            .Show(Snackbar);
        try { await LoadAsync(); }
        catch (Exception ex) { Logger.LogWarning(ex, "Re-reading the webhook endpoints failed"); }
    }

    private async Task TestAsync(EndpointRow row)
    {
        _testing = row.Id;
        try
        {
            var result = await Commands.SendTestAsync(_scope!, row.Id, Navigation.BaseUri);
            if (result.Status == WriteStatus.Saved && result.Delivery == DeliveryStatus.Delivered)
                Snackbar.Add(T["Webhooks.TestDelivered"], Severity.Success);
            else if (result.Status == WriteStatus.Saved)
                Snackbar.Add(T["Webhooks.TestFailed"], Severity.Error, o => o.VisibleStateDuration = 10000);
            else if (result.Error == "Disabled")
                Snackbar.Add(T["Webhooks.Off"], Severity.Info);
            else
                Snackbar.Add(T["Webhooks.NotFound"], Severity.Warning);
        }
        catch (Exception ex)
        {
            // The test message is recorded before it is sent: a busy database must not drop the page.
            Logger.LogWarning(ex, "Sending a test message to webhook endpoint {EndpointId} failed", row.Id);
            Snackbar.Add(T["Write.Unavailable"], Severity.Error);
        }
        finally
        {
            _testing = null;
        }
        await LoadAsync();
    }

    private static Color StatusColor(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Delivered => Color.Success,
        DeliveryStatus.Failed => Color.Warning,
        DeliveryStatus.GaveUp => Color.Error,
        _ => Color.Info,
    };

    private string WhenText(DeliveryRow d) => d.Status switch
    {
        DeliveryStatus.Delivered => T["Webhooks.DeliveredAt", UiText.DateTime(d.DeliveredAtUtc)],
        DeliveryStatus.Failed or DeliveryStatus.Pending when d.NextAttemptAtUtc is { } next => T["Webhooks.NextAt", UiText.DateTime(next)],
        _ => T["Webhooks.LastTryAt", UiText.DateTime(d.LastAttemptAtUtc)],
    };
}
