using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Support;

/// <summary>
/// Debian's headless Chromium driven by Playwright (its bundled driver; no browser download), plus one running
/// application for the whole browser-test collection.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public BrowserFixture() : this(new KashiAppFactory()) { }

    /// <summary>A fixture over an application with its own settings.</summary>
    protected BrowserFixture(KashiAppFactory app) => App = app;

    public IBrowser Browser { get; private set; } = default!;

    public KashiAppFactory App { get; }

    public async Task InitializeAsync()
    {
        _ = App.BaseAddress;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("KASHI_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    /// <summary>A fresh browser context (its own cookies) in the given language, already signed in.</summary>
    public async Task<IPage> SignedInPageAsync(string userName, string culture = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            Locale = culture,
            TimezoneId = "Asia/Shanghai",
        });
        // CI runs the browser tests next to the other test classes on two cores: a save that leads to another page
        // can take longer than Playwright's default 30 s there. Expectations keep their own, shorter timeouts.
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        if (culture != "zh-CN") await page.GotoAsync($"/culture/{culture}?returnUrl=/account/login");
        else await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", HttpSignIn.DemoPassword);
        await page.ClickAsync("[data-testid=login-submit]");
        try
        {
            await page.WaitForURLAsync("**/projects", new() { Timeout = 40_000 });
        }
        catch (TimeoutException)
        {
            // Seen once in a CI browser pass: the sign-in never left the form. Keep what the page showed, then sign in
            // once more from the start; a sign-in that is really broken fails the second time too.
            await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"failed-signin-{userName}-{culture}.png"), FullPage = true });
            await page.GotoAsync("/account/login");
            await page.FillAsync("#username", userName);
            await page.FillAsync("#password", HttpSignIn.DemoPassword);
            await page.ClickAsync("[data-testid=login-submit]");
            await page.WaitForURLAsync("**/projects");
        }
        // Interactive pages are usable once the circuit is up: wait for Blazor to attach.
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
