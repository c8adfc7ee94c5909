using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Support;

/// <summary>Filling MudBlazor fields in a real browser by their <c>data-testid</c>.</summary>
public static class FormInput
{
    /// <summary>The text input or text area of a field (MudBlazor puts the test id on the input or on its wrapper).</summary>
    public static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input:not([type=hidden]), [data-testid={testId}] textarea").First;

    /// <summary>
    /// Fills a text field that shows a counter ("12 / 200") and waits until the counter, which the server renders,
    /// shows the new length: then the circuit has the value before the next step. On a loaded machine an input event
    /// can be lost behind a re-render, so filling (idempotent) is repeated while the counter has not followed.
    /// </summary>
    public static Task FillCountedAsync(IPage page, string testId, string text, int attempts = 4)
    {
        var input = Field(page, testId);
        return FillCountedAsync(input, page.Locator(".mud-input-control", new() { Has = input }), text, attempts);
    }

    /// <summary>As above, for the field inside one part of the page (a row among rows that each have the field).</summary>
    public static Task FillCountedAsync(ILocator within, string testId, string text, int attempts = 4)
    {
        var selector = $"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input:not([type=hidden]), [data-testid={testId}] textarea";
        // A "has" locator is matched inside the outer one, so it is built from the page, not from the part.
        return FillCountedAsync(within.Locator(selector).First, within.Locator(".mud-input-control", new() { Has = within.Page.Locator(selector) }), text, attempts);
    }

    private static async Task FillCountedAsync(ILocator input, ILocator control, string text, int attempts)
    {
        for (var attempt = 1; ; attempt++)
        {
            await input.FillAsync(text);
            try
            {
                await Assertions.Expect(control).ToContainTextAsync($"{text.Length} / ", new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < attempts)
            {
                await input.FillAsync(string.Empty);
            }
        }
    }

    /// <summary>
    /// Navigates and waits for the page's circuit: a prerendered page shows its fields at once, but what is typed
    /// into them before the circuit attaches never reaches the component.
    /// </summary>
    public static async Task GotoInteractiveAsync(this IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("[data-interactive=true]").First.WaitForAsync();
    }

    /// <summary>
    /// Clicks a form's submit button and waits for the page it leads to. When it does not get there, the failure
    /// says what the form showed instead (its error texts) and leaves a screenshot next to the others.
    /// </summary>
    public static async Task SubmitAndWaitForAsync(IPage page, string submitTestId, string urlPattern, string name)
    {
        await page.Locator($"[data-testid={submitTestId}]").ClickAsync();
        try
        {
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(urlPattern), new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"failed-{name}.png"), FullPage = true });
            var errors = await page.Locator(".mud-input-error, .mud-alert-message, .field-error").AllInnerTextsAsync();
            throw new Xunit.Sdk.XunitException($"{name}: the form did not lead to {urlPattern}; it shows: {string.Join(" | ", errors)}");
        }
    }

    /// <summary>
    /// Clicks a control that changes the address (an idempotent one: clicking it twice means the same) and waits for
    /// the address. On a loaded machine a click that lands while the circuit re-renders the control can be lost, so
    /// it is repeated while the address has not changed.
    /// </summary>
    public static async Task ClickUntilUrlAsync(IPage page, ILocator control, string urlGlob, int attempts = 4)
    {
        for (var attempt = 1; ; attempt++)
        {
            await control.ClickAsync();
            try
            {
                await page.WaitForURLAsync(urlGlob, new() { Timeout = 15_000 });
                return;
            }
            catch (TimeoutException) when (attempt < attempts) { }
        }
    }

    /// <summary>
    /// Closes an open select's list with Escape. Under load a key press can be lost and the list then covers the form,
    /// so it checks the list closed and presses again while it is still open (at most five times).
    /// </summary>
    public static async Task CloseListAsync(IPage page)
    {
        var open = page.Locator(".mud-popover-open .mud-list-item");
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1 && await open.CountAsync() == 0) return;
            await page.Keyboard.PressAsync("Escape");
            try
            {
                await Assertions.Expect(open).ToHaveCountAsync(0, new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 5)
            {
            }
        }
    }

    /// <summary>Opens a select and picks the option with this text (with <paramref name="exact"/>, the whole text, not a part of it).</summary>
    public static async Task PickAsync(IPage page, string testId, string option, bool exact = false)
    {
        var item = page.Locator(".mud-popover-open .mud-list-item", exact
            ? new() { HasTextRegex = new System.Text.RegularExpressions.Regex($@"^\s*{System.Text.RegularExpressions.Regex.Escape(option)}\s*$") }
            : new() { HasText = option }).First;
        // Before the circuit is up a click opens nothing: click until the list shows.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await page.Locator($"[data-testid={testId}]").First.ClickAsync();
            try { await item.WaitForAsync(new() { Timeout = 1000 }); break; } catch (TimeoutException) { }
        }
        await item.ClickAsync();
    }
}
