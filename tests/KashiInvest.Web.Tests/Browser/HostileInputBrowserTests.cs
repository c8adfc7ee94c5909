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
/// proves the same holds in the real browser. In the ledger dialog and the project form each refusal starts from a
/// fresh page: MudBlazor hides a field's message when the field is edited and does not show the same text again, so a
/// second refusal of one field is a different question (wt-sec-limits fixed it in the ledger dialogs).
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
    private static async Task InjectAsync(IPage page, string testId, string value)
    {
        var field = FormInput.Field(page, testId);
        // What fits the field is pasted, as a user (or a clipboard with hidden characters) would.
        if (value.Length <= 1000) { await field.FillAsync(value); return; }
        await field.EvaluateAsync(
            "(el, v) => { el.removeAttribute('maxlength'); el.value = v; el.dispatchEvent(new Event('input', { bubbles: true })); el.dispatchEvent(new Event('change', { bubbles: true })); }",
            value);
    }

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

    /// <summary>
    /// Submits and waits for the message next to the field. A refused submission writes nothing, so the click is
    /// repeated while the message has not come (on a loaded machine a click can land while the circuit re-renders the
    /// button, and be lost). A failure says what the field and the form show instead.
    /// </summary>
    private static async Task SubmitRefusedAsync(IPage page, ILocator submit, string field, string message, string step)
    {
        for (var attempt = 1; ; attempt++)
        {
            await submit.ClickAsync();
            try
            {
                await Assertions.Expect(ErrorOf(page, field)).ToContainTextAsync(message, new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 4)
            {
            }
            catch (PlaywrightException)
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"failed-hostile-{field}.png"), FullPage = true });
                var value = await FormInput.Field(page, field).EvaluateAsync<string>("el => Array.from(el.value.slice(0, 12)).map(c => c.charCodeAt(0).toString(16)).join(' ') + ' (' + el.value.length + ')'");
                var server = await page.Locator(".mud-input-control", new() { Has = FormInput.Field(page, field) }).InnerTextAsync();
                var shown = await page.Locator(".mud-input-helper-text.mud-input-error, [data-testid=dialog-error], [data-testid=form-error]").AllInnerTextsAsync();
                throw new Xunit.Sdk.XunitException($"{step}: no \"{message}\" next to {field}; the field holds {value}; errors shown: {string.Join(" | ", shown)}; the control shows: {server.Replace("\n", " / ")}; "
                    + $"reloaded: {!await page.EvaluateAsync<bool>("() => window.__noReload === true")}, reconnect banner: {await page.EvaluateAsync<bool>("() => window.__reconnectSeen === true")}");
            }
        }
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
            ("field-background", new string('字', 200 * 1024), TooLong(2000), "成立于2012年，主营纺织品"),
        };
        foreach (var (field, value, message, restore) in cases)
        {
            await InjectAsync(page, field, value);
            await SubmitRefusedAsync(page, page.Locator("[data-testid=submit]"), field, message, $"{field} = {value.Length} chars");
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
    [Fact]
    public async Task The_ledger_dialog_refuses_hostile_text_next_to_its_field_keeps_its_circuit_and_writes_nothing()
    {
        var project = await browser.App.QueryAsync(db => db.Projects
            .Where(p => p.HostUnitId == db.Units.Single(u => u.Code == "jiashi").Id && p.Stage != Domain.Projects.ProjectStage.Terminated)
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var before = await browser.App.QueryAsync(db => db.Problems.CountAsync(p => p.ProjectId == project));
        var alerts = 0;
        async Task<(IPage Page, ILocator Submit)> OpenAsync()
        {
            var page = await browser.SignedInPageAsync("jiashi");
            page.Dialog += (_, d) => { alerts++; _ = d.DismissAsync(); };
            await page.GotoInteractiveAsync($"/ledger?project={project}&new=1");
            await page.Locator("[data-testid=ledger-board][data-live=on]").WaitForAsync();
            var dialog = page.Locator(".mud-dialog");
            await FormInput.Field(page, "field-description").FillAsync("施工用电不足");
            await dialog.Locator("[data-testid=field-factor]").First.ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "用电" }).ClickAsync();
            await WatchCircuitAsync(page);
            return (page, dialog.Locator("[data-testid=dialog-submit]"));
        }

        // One refusal per page (see the class summary). A lone surrogate never reaches the server from a browser: the
        // circuit's JSON turns it into U+FFFD, valid text; the command-level sweep sends it directly.
        foreach (var (value, message) in new[] { (new string('问', 2001), TooLong(2000)), ("用电\u0007不足\u001B", ControlCharacters) })
        {
            var (page, submit) = await OpenAsync();
            await InjectAsync(page, "field-description", value);
            await SubmitRefusedAsync(page, submit, "field-description", message, $"description = {value.Length} chars");
            await AssertCircuitAliveAsync(page, $"description = {value.Length} chars");
            Assert.Equal(before, await browser.App.QueryAsync(db => db.Problems.CountAsync(p => p.ProjectId == project)));
            await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "hostile-ledger-dialog-zh.png") });
            await page.Context.CloseAsync();
        }

        var (last, save) = await OpenAsync();
        var script = $"<img src=x onerror=alert(1)>供电线路改造{Guid.NewGuid():N}"[..40];
        await InjectAsync(last, "field-description", script);
        await save.ClickAsync();
        await Assertions.Expect(last.Locator("[data-testid=ledger-card]", new() { HasText = script })).ToBeVisibleAsync();
        await AssertCircuitAliveAsync(last, "after saving");
        Assert.Equal(0, alerts);
        Assert.Equal(1, await browser.App.QueryAsync(db => db.Problems.CountAsync(p => p.ProjectId == project && p.Description == script)));
        await last.Context.CloseAsync();
    }

    [Fact]
    public async Task The_project_form_refuses_hostile_text_next_to_its_field_keeps_its_circuit_and_writes_nothing()
    {
        var before = await browser.App.QueryAsync(db => db.Projects.CountAsync());
        foreach (var (value, message) in new[] { (new string('项', 101), TooLong(100)), ("年产\u0000万吨", ControlCharacters), ("\u202E" + new string('x', 120), TooLong(100)) })
        {
            var page = await browser.SignedInPageAsync("bachu");
            await page.GotoInteractiveAsync("/projects/new");
            await page.Locator("[data-testid=save]").WaitForAsync();
            await WatchCircuitAsync(page);
            await InjectAsync(page, "field-name", value);
            await SubmitRefusedAsync(page, page.Locator("[data-testid=save]"), "field-name", message, $"name = {value.Length} chars");
            await AssertCircuitAliveAsync(page, $"name = {value.Length} chars");
            Assert.Equal(before, await browser.App.QueryAsync(db => db.Projects.CountAsync()));
            await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, "hostile-project-form-zh.png"), FullPage = true });
            await page.Context.CloseAsync();
        }
    }
}
