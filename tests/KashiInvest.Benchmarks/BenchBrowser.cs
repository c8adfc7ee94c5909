using KashiInvest.Infrastructure.DemoData;
using Microsoft.Playwright;

namespace KashiInvest.Benchmarks;

/// <summary>Headless Chromium (Debian's, or <c>KASHI_CHROMIUM</c>) with one context signed in through the form.</summary>
internal sealed class BenchBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BenchBrowser(IPlaywright playwright, IBrowser browser, IBrowserContext context)
    {
        _playwright = playwright;
        _browser = browser;
        Context = context;
    }

    public IBrowserContext Context { get; }

    /// <summary>Launches Chromium, signs <paramref name="account"/> in; returns with the page the sign-in landed on open.</summary>
    public static async Task<(BenchBrowser Browser, IPage Start)> SignInAsync(BenchHost host, string account)
    {
        var playwright = await Playwright.CreateAsync();
        var executable = Environment.GetEnvironmentVariable("KASHI_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
        });
        // A shared, busy build machine can take far longer than Playwright's 30 s defaults: wait, measure, report the load.
        context.SetDefaultTimeout(180_000);
        context.SetDefaultNavigationTimeout(180_000);
        var start = await context.NewPageAsync();
        await start.GotoAsync("/account/login");
        await start.FillAsync("#username", account);
        await start.FillAsync("#password", DemoDataOptions.Password);
        await start.ClickAsync("[data-testid=login-submit]");
        await start.WaitForURLAsync("**/projects", new PageWaitForURLOptions { Timeout = 60_000 });
        return (new BenchBrowser(playwright, browser, context), start);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
