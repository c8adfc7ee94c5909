using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Tests.Support;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// The screens' first-render metric (<see cref="ScreenMetrics"/>), read the way an operator's collector or the render
/// benchmark reads it: a <see cref="MeterListener"/> on the app in this process while real Chromium pages open screens.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenTimingBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_screen_opened_in_a_new_tab_or_by_a_link_is_timed_once_and_a_filter_change_is_not_a_new_screen()
    {
        using var recorded = new ScreenRecordings();
        var page = await browser.SignedInPageAsync("bureau");

        // A new tab: the prerender records nothing, the circuit's first complete render of the ledger once.
        await page.GotoAsync("/ledger");
        await page.Locator("[data-testid=ledger-board][data-live=on]").WaitForAsync();
        var ledger = await recorded.WaitForAsync("ledger");
        Assert.InRange(ledger, 0.1, 60_000);
        // Recorded together: the server had rendered the data before the browser applied it.
        Assert.InRange(recorded.ServerPart("ledger"), 0.1, ledger);

        // A link inside the same circuit: the alerts screen, timed from that navigation.
        await page.Locator("[data-testid=nav-alerts]").ClickAsync();
        await page.WaitForURLAsync("**/alerts");
        await page.Locator("[data-testid=alert-list][data-live=on], [data-testid=alerts-empty]").First.WaitForAsync();
        var alerts = await recorded.WaitForAsync("alerts");
        Assert.InRange(alerts, 0.1, 60_000);

        // Back to the ledger by a link: timed again. Then a filter, a new address on the same screen: not a new screen.
        await page.Locator(".mud-navmenu a[href='/ledger']").First.ClickAsync();
        await page.Locator("[data-testid=ledger-board][data-live=on]").WaitForAsync();
        await recorded.WaitForAsync("ledger", count: 2);
        await page.EvaluateAsync("() => Blazor.navigateTo('/ledger?severity=High')");
        await page.WaitForURLAsync("**/ledger?severity=High");
        await page.Locator("[data-testid=ledger-board][data-live=on]").WaitForAsync();

        // The alerts once more: its recording comes after anything the filter's re-render could have recorded.
        await page.Locator("[data-testid=nav-alerts]").ClickAsync();
        await page.WaitForURLAsync("**/alerts");
        await recorded.WaitForAsync("alerts", count: 2);
        Assert.Equal(2, recorded.Count("ledger"));
        Assert.Equal(0, recorded.Count("wall"));
        await page.Context.CloseAsync();
    }

    private sealed class ScreenRecordings : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Screen, double Ms)> _values = new();
        private readonly ConcurrentQueue<(string Screen, double Ms)> _server = new();

        public ScreenRecordings()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ScreenMetrics.MeterName) listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key != ScreenMetrics.ScreenTag) continue;
                    (instrument.Name == ScreenMetrics.FirstRender ? _values : _server).Enqueue(((string)tag.Value!, value));
                }
            });
            _listener.Start();
        }

        public int Count(string screen) => _values.Count(v => v.Screen == screen);

        /// <summary>The server's part of the screen's last recording (rendered, before the browser applied it).</summary>
        public double ServerPart(string screen) => _server.Last(v => v.Screen == screen).Ms;

        /// <summary>Waits until <paramref name="count"/> recordings of the screen have arrived; returns the last one's time.</summary>
        public async Task<double> WaitForAsync(string screen, int count = 1)
        {
            // The recording follows the browser's acknowledgement of the render batch, just after the page shows it.
            for (var i = 0; i < 200 && Count(screen) < count; i++) await Task.Delay(50);
            Assert.Equal(count, Count(screen));
            return _values.Last(v => v.Screen == screen).Ms;
        }

        public void Dispose() => _listener.Dispose();
    }
}
