using Bunit;
using KashiInvest.Domain.Access;
using KashiInvest.Web.Features.Approvals;
using KashiInvest.Web.Security;
using KashiInvest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace KashiInvest.Web.Tests.Approvals;

/// <summary>
/// The catalogue page (/admin/approval-catalogue, bUnit on the seeded demo): the Bureau sees the items by stage, a new
/// item refused by the catalogue's rules keeps the dialog open with the reasons next to the fields, and a pasted
/// table with a bad line is previewed with that line's problems and cannot be saved.
/// </summary>
public sealed class CataloguePageTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static readonly UserScope Bureau = new("bureau", "地区招商局", ActorRole.Bureau, null, [], []);

    private (BunitContext Context, IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> Root) Render()
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        ApprovalsFeature.AddApprovalsFeature(context.Services);
        context.Services.AddScoped<IUserScopeProvider>(_ => new FixedScopeProvider(Bureau));
        context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var root = context.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<MudDialogProvider>(1);
            b.CloseComponent();
            b.OpenComponent<MudSnackbarProvider>(2);
            b.CloseComponent();
            b.OpenComponent<CataloguePage>(3);
            b.CloseComponent();
        });
        return (context, root);
    }

    [Fact]
    public async Task The_Bureau_sees_the_catalogue_by_stage_and_a_refused_item_keeps_its_dialog_open_with_the_reasons()
    {
        using var culture = new UiCulture("zh-CN");
        var (context, root) = Render();
        await using var _ = context;

        root.WaitForAssertion(() => Assert.Equal(3, root.FindAll("[data-testid=catalogue-stage]").Count), Wait);
        Assert.Contains(root.FindAll("[data-testid=catalogue-item]"), r => r.GetAttribute("data-code") == "fire-design");
        Assert.Equal("7", root.Find("[data-testid=catalogue-item][data-code=fire-design] [data-testid=catalogue-committed]").TextContent.Trim());

        root.Find("[data-testid=catalogue-new]").Click();
        root.WaitForAssertion(() => root.Find("[data-testid=catalogue-submit]"), Wait);
        root.Find("[data-testid=catalogue-submit]").Click();
        root.WaitForAssertion(() => Assert.Contains("请填写事项名称", root.Markup), Wait);
        root.WaitForAssertion(() => Assert.Contains("请选择所属部门", root.Markup), Wait);
        Assert.NotEmpty(root.FindAll("[data-testid=catalogue-submit]"));
    }

    [Fact]
    public async Task A_pasted_table_with_a_bad_line_is_previewed_with_its_problems_and_cannot_be_saved()
    {
        using var culture = new UiCulture("zh-CN");
        var (context, root) = Render();
        await using var _ = context;
        root.WaitForAssertion(() => root.Find("[data-testid=catalogue-import-preview]"), Wait);

        var text = "page-test-a\t测试甲（非真实）\tTest A\tdept-housing\t县级\t15\t工作日\t依据\t竣工验收\t\t否\t\n" +
                   "page-test-b\t测试乙（非真实）\tTest B\tdept-housing\t县级\t0\t工作日\t依据\t竣工验收\t\t否\t";
        root.Find("textarea[data-testid=catalogue-import-text], [data-testid=catalogue-import-text] textarea").Input(text);
        root.Find("[data-testid=catalogue-import-preview]").Click();

        root.WaitForAssertion(() => Assert.Equal(2, root.FindAll("[data-testid=catalogue-import-row]").Count), Wait);
        Assert.Equal(["true", "false"], root.FindAll("[data-testid=catalogue-import-row]").Select(r => r.GetAttribute("data-valid")));
        Assert.Contains("法定时限", root.Find("[data-testid=catalogue-import-row][data-line='2'] [data-testid=catalogue-import-error]").TextContent);
        Assert.True(root.Find("button[data-testid=catalogue-import-save]").HasAttribute("disabled"));
    }
}
