using Bunit;
using KashiInvest.Web.Features.Reports;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static KashiInvest.Web.Tests.Reports.ReportTestData;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Tests.Reports;

public sealed class ReportFormTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private async Task<(BunitContext Context, IRenderedComponent<ReportForm> Form, KeyProject Project)> RenderFormAsync()
    {
        var project = await TakeAsync(database);
        var lead = await ChainLeadOfAsync(database, project);
        var (context, form) = RenderForm(project, lead);
        return (context, form, project);
    }

    private (BunitContext Context, IRenderedComponent<ReportForm> Form) RenderForm(KeyProject project, KashiInvest.Domain.Access.UserScope lead)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        context.Services.AddLiveFeature();
        context.Services.AddReportsFeature();
        context.Services.AddScoped<IUserScopeProvider>(_ => new FixedScopeProvider(lead));
        // An interactive server circuit, as in the app: live pages subscribe only there.
        context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var root = context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<ReportForm>(1);
            builder.AddAttribute(2, nameof(ReportForm.ProjectId), project.Id);
            builder.AddAttribute(3, nameof(ReportForm.PeriodIndex), CurrentPeriod.Index);
            builder.AddAttribute(4, nameof(ReportForm.Kind), "fortnightly");
            builder.CloseComponent();
        });
        var form = root.FindComponent<ReportForm>();
        form.WaitForElement("[data-testid=submit]");
        return (context, form);
    }

    [Theory]
    [InlineData("zh-CN", "请填写进展情况。")]
    [InlineData("en", "Describe the progress.")]
    public async Task Submitting_without_a_narrative_puts_the_localized_message_next_to_the_field(string culture, string expected)
    {
        using var _ = new UiCulture(culture);
        var (context, form, project) = await RenderFormAsync();
        await using var __ = context;
        Assert.Contains(project.Name, form.Find("[data-testid=report-header]").TextContent, StringComparison.Ordinal);
        // The demo data may already hold this period's report (it follows the real date): nothing may change.
        var before = await CurrentReportsAsync(project.Id);

        form.Find("[data-testid=submit]").Click();

        form.WaitForAssertion(() =>
        {
            var field = form.Find("[data-testid=field-narrative]").Closest(".mud-input-control")!;
            Assert.Contains(expected, field.TextContent, StringComparison.Ordinal);
        });
        Assert.NotNull(form.Find("[data-testid=form-error]"));
        Assert.Equal(before, await CurrentReportsAsync(project.Id));
    }

    [Fact]
    public async Task A_narrative_longer_than_the_limit_is_kept_whole_counted_and_refused_next_to_the_field()
    {
        using var _ = new UiCulture("zh-CN");
        var (context, form, project) = await RenderFormAsync();
        await using var __ = context;
        var before = await CurrentReportsAsync(project.Id);
        var limit = KashiInvest.Domain.Reports.ProgressReport.TextMaxLength;
        var pasted = new string('进', limit + 1);

        var narrative = form.Find("textarea[data-testid=field-narrative], [data-testid=field-narrative] textarea");
        // The browser never cuts the paste: no maxlength at (or below) the limit.
        Assert.True(!int.TryParse(narrative.GetAttribute("maxlength"), out var max) || max > limit, $"maxlength={max}");
        narrative.Input(pasted);
        form.WaitForAssertion(() =>
            Assert.Contains($"{limit + 1} / {limit}", form.Find("[data-testid=field-narrative]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));

        form.Find("[data-testid=submit]").Click();

        var expected = context.Services.GetRequiredService<KashiInvest.Web.Shared.UiText>().Rule(new KashiInvest.Domain.Common.RuleViolation("Text.TooLong", limit));
        form.WaitForAssertion(() =>
            Assert.Contains(expected, form.Find("[data-testid=field-narrative]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.Equal(pasted, form.Find("textarea[data-testid=field-narrative], [data-testid=field-narrative] textarea").GetAttribute("value") ?? form.Find("textarea[data-testid=field-narrative], [data-testid=field-narrative] textarea").TextContent);
        Assert.Equal(before, await CurrentReportsAsync(project.Id));
    }

    private Task<List<(int Id, int Version, string Narrative)>> CurrentReportsAsync(int projectId) =>
        database.QueryAsync(db => Task.FromResult(db.ProgressReports.Where(r => r.ProjectId == projectId && r.PeriodIndex == CurrentPeriod.Index)
            .OrderBy(r => r.Id).AsEnumerable().Select(r => (r.Id, r.Version, r.Narrative)).ToList()));

    [Fact]
    public async Task The_cumulative_total_follows_the_funds_as_they_are_typed()
    {
        using var _ = new UiCulture("zh-CN");
        var (context, form, project) = await RenderFormAsync();
        await using var __ = context;

        form.Find("[data-testid=field-funds] input, input[data-testid=field-funds]").Input("2500");

        form.WaitForAssertion(() => Assert.Equal(
            context.Services.GetRequiredService<KashiInvest.Web.Shared.UiText>().Money(project.FundsInPlaceWan + 2500m),
            form.Find("[data-testid=cumulative-total]").TextContent.Trim()));
    }

    [Fact]
    public async Task Someone_elses_report_shows_a_banner_and_a_conflict_keeps_the_input_until_it_is_rebased()
    {
        using var _ = new UiCulture("zh-CN");
        var project = await TakeAsync(database);
        var lead = await ChainLeadOfAsync(database, project);
        var (context, form) = RenderForm(project, lead);
        await using var __ = context;
        form.WaitForAssertion(() => Assert.Equal("on", form.Find("[data-testid=report-header]").GetAttribute("data-live")));
        form.Find("textarea[data-testid=field-narrative], [data-testid=field-narrative] textarea").Input("我方填写的进展");

        // A colleague files the same report through the same application while the form is open.
        var other = await context.Services.GetRequiredService<SubmitReportCommand>().ExecuteAsync(lead, Report(project, CurrentPeriod, narrative: "同事先报送的进展"));
        Assert.Equal(WriteStatus.Saved, other.Status);
        form.WaitForElement("[data-testid=others-updated]", TimeSpan.FromSeconds(10));

        form.Find("[data-testid=submit]").Click();
        form.WaitForElement("[data-testid=conflict]");
        Assert.Equal("我方填写的进展", form.Find("textarea[data-testid=field-narrative], [data-testid=field-narrative] textarea").GetAttribute("value")
            ?? form.Find("textarea[data-testid=field-narrative], [data-testid=field-narrative] textarea").TextContent);

        form.Find("[data-testid=keep-my-changes]").Click();
        form.WaitForAssertion(() => Assert.Contains("2", form.Find("[data-testid=submit]").TextContent, StringComparison.Ordinal));
        form.Find("[data-testid=submit]").Click();

        form.WaitForAssertion(() => Assert.EndsWith($"/reports?done={project.Id}-{CurrentPeriod.Index}", context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        var revisions = await database.QueryAsync(db => Task.FromResult(db.ProgressReports.Where(r => r.ProjectId == project.Id && r.PeriodIndex == CurrentPeriod.Index)
            .OrderBy(r => r.Revision).Select(r => r.Narrative).ToList()));
        Assert.Equal(new[] { "同事先报送的进展", "我方填写的进展" }, revisions);
    }
}
