using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace KashiInvest.Web.Shared.Charts;

/// <summary>
/// Draws a <see cref="ChartSpec"/> with ApexCharts through <c>wwwroot/js/charts.js</c>: <c>render</c> after the first
/// render, <c>update</c> (in place, no flicker) when the spec's content changes, <c>dispose</c> when removed. Other
/// attributes (<c>data-testid</c>, <c>aria-label</c> …) go on the chart's element.
/// </summary>
public sealed partial class KashiChart : ComponentBase, IAsyncDisposable
{
    /// <summary>The module path, relative to the base href.</summary>
    public const string ModulePath = "./js/charts.js";

    private ElementReference _element;
    private IJSObjectReference? _module;
    private DotNetObjectReference<KashiChart>? _selfRef;
    private string _json = string.Empty;
    private string? _drawnJson;
    private bool _disposed;

    [Parameter, EditorRequired] public ChartSpec Spec { get; set; } = default!;

    [Parameter] public string? Class { get; set; }

    /// <summary>A bar, point or slice was clicked.</summary>
    [Parameter] public EventCallback<ChartPointSelection> OnPointSelected { get; set; }

    [Parameter(CaptureUnmatchedValues = true)] public IReadOnlyDictionary<string, object>? AdditionalAttributes { get; set; }

    [Inject] private IJSRuntime JS { get; set; } = default!;

    protected override void OnParametersSet()
    {
        ArgumentNullException.ThrowIfNull(Spec);
        // Compared by content: a spec rebuilt with the same values serializes to the same JSON and sends nothing.
        _json = ApexOptions.ToJson(Spec);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_disposed) return;
        try
        {
            if (firstRender)
            {
                _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
                if (_disposed) return;
                if (OnPointSelected.HasDelegate) _selfRef = DotNetObjectReference.Create(this);
                var json = _json;
                _drawnJson = json;
                await _module.InvokeVoidAsync("render", _element, json, _selfRef);
            }
            // Also after the first render: the spec may have changed while the module was loading.
            if (_module is not null && !_disposed && _json != _drawnJson)
            {
                var json = _json;
                _drawnJson = json;
                await _module.InvokeVoidAsync("update", _element, json);
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone (tab closed): nothing to draw on.
        }
        catch (TaskCanceledException) when (_disposed)
        {
        }
    }

    [JSInvokable("OnPointSelected")]
    public Task NotifyPointSelectedAsync(int seriesIndex, int pointIndex, string? seriesName, string? category) =>
        OnPointSelected.InvokeAsync(new ChartPointSelection(seriesIndex, pointIndex, seriesName, category));

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("dispose", _element);
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone, and the chart with it.
            }
        }
        _selfRef?.Dispose();
    }
}
