using Bunit;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Web.Features.Evaluations;
using KashiInvest.Web.Live;
using KashiInvest.Web.Security;
using KashiInvest.Web.Tests.Projects;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace KashiInvest.Web.Tests.Evaluations;

/// <summary>The evaluation record form refuses an incomplete record next to its fields, in both languages, and writes nothing.</summary>
public sealed class EvaluationFormTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private async Task<(BunitContext Context, IRenderedComponent<EvaluationForm> Form, int ProjectId)> RenderAsync()
    {
        var id = await database.QueryAsync(db => LifecycleTestData.NewLeadAsync(db, "评估表单测试项目", InvestorTier.Listed, stage: ProjectStage.Negotiating, responsibleLeader: "王建国"));
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        context.Services.AddLiveFeature();
        context.Services.AddScoped<IUserScopeProvider>(_ => new FixedScopeProvider(bureau));
        context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/evaluations/new?project={id}");
        var root = context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<EvaluationForm>(1);
            builder.CloseComponent();
        });
        var form = root.FindComponent<EvaluationForm>();
        form.WaitForElement("[data-testid=evaluation-submit]");
        return (context, form, id);
    }

    [Theory]
    [InlineData("zh-CN", "请对“项目可行性”作出判断。", "请选择评估结论。")]
    [InlineData("en", "Judge \"Feasibility\".", "Choose the decision.")]
    public async Task Submitting_an_unjudged_record_marks_every_criterion_and_the_decision(string culture, string criterionError, string decisionError)
    {
        using var _ = new UiCulture(culture);
        var (context, form, id) = await RenderAsync();
        await using var __ = context;

        form.Find("[data-testid=evaluation-submit]").Click();

        form.WaitForAssertion(() =>
        {
            var errors = form.FindAll("[data-testid=criterion-error]");
            Assert.Equal(13, errors.Count);
            Assert.Equal(criterionError, errors[0].TextContent.Trim());
            Assert.Equal(decisionError, form.Find("[data-testid=decision-error]").TextContent.Trim());
        });
        Assert.Equal(0, await database.QueryAsync(db => db.Evaluations.CountAsync(e => e.ProjectId == id)));
        Assert.Equal(ProjectStage.Negotiating, await database.QueryAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Stage).SingleAsync()));
    }

    [Fact]
    public async Task A_failed_screen_disables_Pass_and_explains_why()
    {
        using var _ = new UiCulture("zh-CN");
        var (context, form, _) = await RenderAsync();
        await using var __ = context;

        form.Find("tr[data-criterion=ThreeHighScreen] [data-judgement=Unacceptable]").Click();

        form.WaitForAssertion(() =>
        {
            Assert.Contains("有筛查项不通过", form.Markup, StringComparison.Ordinal);
            Assert.Contains("mud-disabled", form.FindAll("[data-testid=decision] .mud-radio")[0].ClassList);
        });
    }
}
