using KashiInvest.Web.Tests.Support;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class WebhooksBrowserTests(BrowserFixture browser)
{
    private static async Task OpenAsync(IPage page)
    {
        await page.GotoInteractiveAsync("/admin/webhooks");
        await page.Locator("[data-testid=endpoints][data-ready=on]").WaitForAsync();
    }

    [Fact]
    public async Task The_Bureau_sees_the_units_robots_and_the_delivery_log_filters_by_status_and_the_form_refuses_bad_input()
    {
        var page = await browser.SignedInPageAsync("bureau");
        await FormInput.ClickUntilUrlAsync(page, page.Locator("[data-testid=nav-webhooks]"), "**/admin/webhooks");
        await page.Locator("[data-testid=endpoints][data-ready=on]").WaitForAsync();
        await Expect(page.Locator("h4")).ToHaveTextAsync("机器人消息推送");
        await Expect(page.Locator("[data-testid=webhooks-off]")).ToBeVisibleAsync(); // off by default
        await Expect(page.Locator("[data-testid=endpoint-row]")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-testid=endpoint-row]", new() { HasText = "莎车县招商专班群" })).ToContainTextAsync("企业微信");
        await Expect(page.Locator("[data-testid=delivery-row]")).ToHaveCountAsync(3);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "webhooks-zh.png"), FullPage = true });

        // The log filtered to what gave up: the one alert that failed five times, with its last error.
        await page.Locator("[data-testid=filter-status]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "已放弃" }).ClickAsync();
        await Expect(page.Locator("[data-testid=delivery-row]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=delivery-row]")).ToContainTextAsync("HTTP 500");
        await Expect(page.Locator("[data-testid=delivery-row] td.num").First).ToHaveTextAsync("5");

        // A new robot with a plain-http address is refused next to the address, nothing else closes.
        await page.Locator("[data-testid=add-endpoint]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("[data-testid=dialog-submit]").ClickAsync();
        await Expect(dialog.Locator(".mud-input-control", new() { Has = page.Locator("[data-testid=field-url]") })).ToContainTextAsync("此项为必填项。");
        await dialog.Locator("input[data-testid=field-url]").FillAsync("http://oapi.dingtalk.com/robot/send?access_token=abc");
        await dialog.Locator("[data-testid=dialog-submit]").ClickAsync();
        await Expect(dialog.Locator(".mud-input-control", new() { Has = page.Locator("[data-testid=field-url]") })).ToContainTextAsync("必须使用 https 地址");
        await Expect(dialog.Locator(".mud-input-control", new() { Has = page.Locator("[data-testid=field-unit]") })).ToContainTextAsync("此项为必填项。");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "webhooks-form-zh.png") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_page_in_English_and_a_county_has_no_way_in()
    {
        var page = await browser.SignedInPageAsync("bureau", "en");
        await OpenAsync(page);
        await Expect(page.Locator("h4")).ToHaveTextAsync("Robot webhooks");
        await Expect(page.Locator("[data-testid=delivery-row]").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "webhooks-en.png"), FullPage = true });
        await page.Context.CloseAsync();

        var county = await browser.SignedInPageAsync("shache");
        await Expect(county.Locator("[data-testid=nav-webhooks]")).ToHaveCountAsync(0);
        await county.GotoAsync("/admin/webhooks");
        // The page is not for a county: it is sent away to sign in as someone who may see it.
        await Assertions.Expect(county).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await Expect(county.Locator("[data-testid=endpoints]")).ToHaveCountAsync(0);
        await county.Context.CloseAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
