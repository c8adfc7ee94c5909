using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace KashiInvest.Web.Shared;

/// <summary>
/// How long a screen takes to show its first complete state on the interactive circuit. Meter
/// <c>KashiInvest.Screens</c>, tag <c>kashi.screen</c>, both in ms from the circuit's start (or from the navigation that
/// opened the screen inside a running circuit): <c>kashi.screen.first_render.server</c> until the server has rendered
/// the screen's data (the batch is then serialized and sent), and <c>kashi.screen.first_render</c> until the browser
/// has applied that render and said so (<see cref="ScreenRendered"/>). The prerender of the same request is ASP.NET
/// Core's own <c>http.server.request.duration</c> (meter <c>Microsoft.AspNetCore.Hosting</c>, tag <c>http.route</c>).
/// </summary>
public static class ScreenMetrics
{
    public const string MeterName = "KashiInvest.Screens";
    public const string FirstRender = "kashi.screen.first_render";
    public const string FirstRenderServer = "kashi.screen.first_render.server";
    public const string ScreenTag = "kashi.screen";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> FirstRenderMs = Meter.CreateHistogram<double>(FirstRender, "ms",
        "Time from the circuit's start (or the navigation inside it) to the browser having applied the screen's first complete render");

    private static readonly Histogram<double> FirstRenderServerMs = Meter.CreateHistogram<double>(FirstRenderServer, "ms",
        "Time from the circuit's start (or the navigation inside it) to the server having rendered the screen's first complete state");

    internal static void Record(string screen, TimeSpan rendered, TimeSpan applied)
    {
        var tag = new KeyValuePair<string, object?>(ScreenTag, screen);
        FirstRenderServerMs.Record(rendered.TotalMilliseconds, tag);
        FirstRenderMs.Record(applied.TotalMilliseconds, tag);
    }
}

/// <summary>
/// The circuit's clock for <see cref="ScreenMetrics"/>: when the circuit opened, and when a navigation inside it
/// last changed the page (a new path; a query change on the same page is not a new screen). One screen is recorded
/// per opening: the first <see cref="ScreenRendered"/> to report after it.
/// </summary>
public sealed class ScreenClock(TimeProvider clock, NavigationManager navigation) : CircuitHandler
{
    private long _since;
    private bool _recorded;
    private string? _path;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _since = clock.GetTimestamp();
        _path = PathOf(navigation.Uri);
        navigation.LocationChanged += OnLocationChanged;
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        navigation.LocationChanged -= OnLocationChanged;
        return Task.CompletedTask;
    }

    /// <summary>Now, on this clock (when a screen's data was rendered).</summary>
    public long Now() => clock.GetTimestamp();

    /// <summary>
    /// A screen's first complete render, rendered at <paramref name="renderedAt"/> (<see cref="Now"/>), reached the
    /// browser: recorded if it is the first since the opening and was rendered after it.
    /// </summary>
    public void Rendered(string screen, long renderedAt)
    {
        if (_since == 0 || _recorded || renderedAt < _since) return;
        _recorded = true;
        ScreenMetrics.Record(screen, clock.GetElapsedTime(_since, renderedAt), clock.GetElapsedTime(_since));
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        var path = PathOf(e.Location);
        if (path == _path) return;
        _path = path;
        _since = clock.GetTimestamp();
        _recorded = false;
    }

    private static string PathOf(string uri)
    {
        var end = uri.AsSpan().IndexOfAny('?', '#');
        return end < 0 ? uri : uri[..end];
    }
}

/// <summary>
/// Marks where a screen's data is drawn: put it inside the branch that shows the page's first read, so that its own
/// first render is the screen's first complete render. On the interactive pass, once the browser has applied that
/// render, it tells the circuit's <see cref="ScreenClock"/>. Draws nothing and costs no render tree of its own; does
/// nothing on the prerender.
/// </summary>
public sealed class ScreenRendered : IComponent, IHandleAfterRender
{
    private static readonly RenderFragment Nothing = _ => { };
    private RenderHandle _handle;
    private long _renderedAt;
    private bool _reported;

    /// <summary>The circuit's clock is looked up, not injected: a host without it (a component test) simply records nothing.</summary>
    [Inject] private IServiceProvider Services { get; set; } = default!;

    private ScreenClock? _clock;

    /// <summary>The screen's name in the metric (e.g. <c>wall</c>, <c>battlemap</c>).</summary>
    [Parameter, EditorRequired] public string Screen { get; set; } = "";

    public void Attach(RenderHandle renderHandle) => _handle = renderHandle;

    public Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        // The clock first: a host without it (a component test, which may not say what renderer it is) records nothing.
        if (_renderedAt == 0 && (_clock ??= Services.GetService<ScreenClock>()) is { } clock && _handle.RendererInfo.IsInteractive)
        {
            // One empty render, so that the renderer calls back once the browser has applied the batch it is in.
            _renderedAt = clock.Now();
            _handle.Render(Nothing);
        }
        return Task.CompletedTask;
    }

    Task IHandleAfterRender.OnAfterRenderAsync()
    {
        if (_reported || _clock is null) return Task.CompletedTask;
        _reported = true;
        _clock.Rendered(Screen, _renderedAt);
        return Task.CompletedTask;
    }
}
