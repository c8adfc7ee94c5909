using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// The Content-Security-Policy (scripts only from the app, no inline script) leaves the app working in a real browser:
/// the sign-in form, the Blazor circuit over its WebSocket, MudBlazor, ApexCharts, and the print buttons.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Signing_in_the_battle_map_chart_and_printing_run_under_the_policy_without_a_violation()
    {
        var project = await browser.App.QueryAsync(db => db.Projects.AsNoTracking().Where(p => p.Milestones.Count >= 2)
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var lead = await browser.App.QueryAsync(db => db.LeadForms.AsNoTracking().OrderBy(f => f.Id).Select(f => f.Id).FirstAsync());

        var page = await browser.SignedInPageAsync("bureau");
        var violations = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(m.Text);
        };
        await page.Context.AddInitScriptAsync(@"
            document.addEventListener('securitypolicyviolation', e => (window.__csp ||= []).push(e.violatedDirective + ' ' + e.blockedURI));
            window.print = () => { window.__printed = (window.__printed || 0) + 1; };");
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        await page.GotoAsync($"/projects/{project}/battlemap");
        await page.Locator("[data-testid=milestone-chart] .apexcharts-canvas > svg.apexcharts-svg").WaitForAsync(new() { Timeout = 20000 });
        Assert.True(await page.EvaluateAsync<bool>("() => !!window.Blazor"), "Blazor did not start");

        // An interactive MudBlazor control answers over the circuit: the register's search filters the grid.
        await page.Locator("a[href='/projects']").First.ClickAsync();
        await page.Locator("[data-testid=register-grid]").WaitForAsync();

        await page.GotoAsync($"/leads/{lead}");
        await page.Locator("[data-print]").First.ClickAsync();
        await page.WaitForFunctionAsync("() => window.__printed === 1");

        var reported = await page.EvaluateAsync<string[]>("() => window.__csp || []");
        Assert.Empty(reported);
        Assert.Empty(violations);
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }
}
