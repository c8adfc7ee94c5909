using System.Globalization;
using System.Xml.Linq;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// The browser pass of the hostile-input sweep: values a script types past a field's <c>maxlength</c> (just over
/// the limit, 200 KB), control characters and a script tag, in the main forms. Each refusal shows the localized
/// message next to its field, the circuit never drops (no reconnect banner, no reload), the form keeps working
/// (the next click saves), and a refused value writes no row. The command-level sweep covers every field; this one
/// proves the same holds in the real browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HostileInputBrowserTests(BrowserFixture browser)
{
    private static readonly Dictionary<string, string> Zh =
        XDocument.Load(Path.Combine(Repo.Root, "KashiInvest.Web", "Resources", "Strings.zh-CN.resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty);

    private static string TooLong(int limit) => string.Format(CultureInfo.GetCultureInfo("zh-CN"), Zh["Rule.Text.TooLong"], limit);

    private static string ControlCharacters => Zh["Rule.Text.ControlCharacters"];

    /// <summary>Sets a field's value as a script would: past its maxlength, then the events Blazor binds to.</summary>
    private static Task InjectAsync(IPage page, string testId, string value) =>
        FormInput.Field(page, testId).EvaluateAsync(
            "(el, v) => { el.removeAttribute('maxlength'); el.value = v; el.dispatchEvent(new Event('input', { bubbles: true })); el.dispatchEvent(new Event('change', { bubbles: true })); }",
            value);

    private static ILocator ErrorOf(IPage page, string testId) =>
        page.Locator(".mud-input-control", new() { Has = FormInput.Field(page, testId) }).Locator(".mud-input-helper-text.mud-input-error");

    /// <summary>Watches the reconnect banner and page reloads from now on.</summary>
    private static Task WatchCircuitAsync(IPage page) => page.EvaluateAsync(
        """
        () => {
            window.__noReload = true;
            window.__reconnectSeen = false;
            const b = document.getElementById('components-reconnect-modal');
            if (b) new MutationObserver(() => { if (!b.hidden || (b.dataset.state && b.dataset.state !== 'hide')) window.__reconnectSeen = true; })
                .observe(b, { attributes: true });
        }
        """);

    private static async Task AssertCircuitAliveAsync(IPage page, string step)
    {
        Assert.True(await page.EvaluateAsync<bool>("() => window.__noReload === true"), $"{step}: the page reloaded");
        Assert.False(await page.EvaluateAsync<bool>("() => window.__reconnectSeen === true"), $"{step}: the circuit dropped (reconnect banner shown)");
    }

    [Fact]
    public async Task The_lead_form_refuses_hostile_text_next_to_its_field_keeps_its_circuit_and_writes_nothing()
    {
        var page = await browser.SignedInPageAsync("sub-prd");
        var alerts = 0;
        page.Dialog += (_, d) => { alerts++; _ = d.DismissAsync(); };
        await page.GotoInteractiveAsync("/leads/new");
        await page.Locator("[data-testid=submit]").WaitForAsync();
        await FormInput.PickAsync(page, "field-host", "喀什经济开发区");
        var enterprise = $"敌意输入测试企业{Guid.NewGuid():N}"[..20];
        await FormInput.Field(page, "field-enterprise").FillAsync(enterprise);
        await FormInput.Field(page, "field-background").FillAsync("成立于2012年，主营纺织品");
        await FormInput.Field(page, "field-project").FillAsync("纺织产业园");
        await FormInput.PickAsync(page, "field-chain", "电子产品组装");
        await FormInput.Field(page, "field-amount").FillAsync("12000");
        await FormInput.Field(page, "field-jobs").FillAsync("300");
        await FormInput.Field(page, "field-demands").FillAsync("用地");
        await FormInput.PickAsync(page, "field-feasibility", "可行性高");
        await FormInput.Field(page, "field-feasibility-note").FillAsync("建议对接");
        await FormInput.Field(page, "field-people-visited").FillAsync("董事长");
        await FormInput.Field(page, "field-visitors").FillAsync("驻珠三角分局");
        await WatchCircuitAsync(page);
        var before = await browser.App.QueryAsync(db => db.LeadForms.CountAsync());

        var cases = new (string Field, string Value, string Message, string Restore)[]
        {
            ("field-enterprise", new string('长', 201), TooLong(200), enterprise),
            ("field-project", "纺织\u0001产业园", ControlCharacters, "纺织产业园"),
            ("field-demands", new string('需', 2001), TooLong(2000), "用地"),
            ("field-visitors", "驻珠三角\u0000分局", ControlCharacters, "驻珠三角分局"),
        };
        foreach (var (field, value, message, restore) in cases)
        {
            await InjectAsync(page, field, value);
            await page.Locator("[data-testid=submit]").ClickAsync();
            try
            {
                await Assertions.Expect(ErrorOf(page, field)).ToContainTextAsync(message, new() { Timeout = 20_000 });
            }
            catch (PlaywrightException ex)
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "failed-hostile-lead-form.png"), FullPage = true });
                throw new Xunit.Sdk.XunitException($"{field} = {value.Length} chars: no \"{message}\" next to the field ({ex.Message.Split('\n')[0]}); "
                    + $"reloaded: {!await page.EvaluateAsync<bool>("() => window.__noReload === true")}, reconnect banner: {await page.EvaluateAsync<bool>("() => window.__reconnectSeen === true")}");
            }
            await AssertCircuitAliveAsync(page, $"{field} = {value.Length} chars");
            Assert.Equal(before, await browser.App.QueryAsync(db => db.LeadForms.CountAsync()));
            await InjectAsync(page, field, restore);
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "hostile-lead-form-zh.png"), FullPage = true });

        // A script tag is just text: saved as typed, shown as text, never run.
        const string script = "<script>alert('kashi')</script>污水处理配套";
        await InjectAsync(page, "field-demands", script);
        await FormInput.SubmitAndWaitForAsync(page, "submit", @"/leads/\d+$", "hostile-lead-form");
        await Assertions.Expect(page.Locator("td.pre", new() { HasText = "污水处理配套" })).ToHaveTextAsync(script);
        Assert.Equal(0, alerts);
        Assert.Equal(before + 1, await browser.App.QueryAsync(db => db.LeadForms.CountAsync()));
        Assert.Equal(script, await browser.App.QueryAsync(db => db.LeadForms.Where(f => f.EnterpriseName == enterprise).Select(f => f.Demands).SingleAsync()));
        await page.Context.CloseAsync();
    }
}
