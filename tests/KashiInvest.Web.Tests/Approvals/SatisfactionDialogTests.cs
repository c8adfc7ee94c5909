using Bunit;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Web.Features.Approvals;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace KashiInvest.Web.Tests.Approvals;

/// <summary>
/// The rating dialog (bUnit on the seeded demo), as the host county uses it from the application card: a 好评 saves as
/// it is, a 差评 needs the investor's comment, and changing a recorded rating needs a reason — each said under its field
/// while the dialog stays open.
/// </summary>
public sealed class SatisfactionDialogTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private sealed record Rated(int Id, int Version, Satisfaction? Rating, string? Comment);

    private Task<Rated> ItemAsync(int id) => database.QueryAsync(db => db.PlanItems.Where(i => i.Id == id)
        .Select(i => new Rated(i.Id, i.Version, i.Satisfaction, i.SatisfactionComment)).SingleAsync());

    /// <summary>Two decided, unrated items of one county, and that county's scope.</summary>
    private async Task<(UserScope County, int First, int Second)> UnratedAsync()
    {
        var items = await database.QueryAsync(db => db.PlanItems.AsNoTracking()
            .Where(i => (i.Status == PlanItemStatus.Approved || i.Status == PlanItemStatus.CertificateIssued) && i.Satisfaction == null)
            .Select(i => new { i.Id, i.HostUnitId }).OrderBy(i => i.Id).ToListAsync());
        var host = items.GroupBy(i => i.HostUnitId).First(g => g.Count() >= 2);
        var code = await database.QueryAsync(db => db.Units.Where(u => u.Id == host.Key).Select(u => u.Code).SingleAsync());
        return (await database.ScopeOfAsync(code), host.ElementAt(0).Id, host.ElementAt(1).Id);
    }

    private (BunitContext Context, IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> Root) Render(UserScope scope)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        ApprovalsFeature.AddApprovalsFeature(context.Services);
        context.Services.AddScoped<IUserScopeProvider>(_ => new FixedScopeProvider(scope));
        var root = context.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<MudDialogProvider>(1);
            b.CloseComponent();
        });
        return (context, root);
    }

    private static async Task<IDialogReference> OpenAsync(BunitContext context, IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> root, Rated item)
    {
        IDialogReference? dialog = null;
        var dialogs = context.Services.GetRequiredService<IDialogService>();
        await root.InvokeAsync(async () => dialog = await dialogs.ShowAsync<SatisfactionDialog>("评价", new DialogParameters<SatisfactionDialog>
        {
            { d => d.ItemId, item.Id }, { d => d.Version, item.Version }, { d => d.ItemName, "测试事项" },
            { d => d.Current, item.Rating }, { d => d.Comment, item.Comment },
        }));
        root.WaitForElement("[data-testid=satisfaction-submit]");
        return dialog!;
    }

    private static string FieldText(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> root, string testId) =>
        root.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.TextContent;

    private static void Type(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> root, string testId, string text) =>
        root.Find($"textarea[data-testid={testId}], [data-testid={testId}] textarea").Input(text);

    private static void ChoosePoor(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> root) =>
        root.Find("[data-testid=satisfaction-poor] input, input[data-testid=satisfaction-poor]").Click();

    [Fact]
    public async Task A_good_rating_saves_a_poor_one_needs_the_comment_and_a_change_needs_a_reason()
    {
        using var culture = new UiCulture("zh-CN");
        var (county, first, second) = await UnratedAsync();
        var (context, root) = Render(county);
        await using var _ = context;

        // 好评: the default choice, saved as it is.
        var good = await OpenAsync(context, root, await ItemAsync(first));
        root.Find("[data-testid=satisfaction-submit]").Click();
        var saved = await good.Result.WaitAsync(Wait);
        Assert.Equal(WriteStatus.Saved, Assert.IsType<WriteResult>(saved!.Data).Status);
        Assert.Equal((Satisfaction?)Satisfaction.Good, (await ItemAsync(first)).Rating);

        // 差评 without the investor's comment: said under the comment, the dialog stays open, nothing is stored.
        var poor = await OpenAsync(context, root, await ItemAsync(second));
        ChoosePoor(root);
        root.Find("[data-testid=satisfaction-submit]").Click();
        root.WaitForAssertion(() => Assert.Contains("差评须写明投资方的意见", FieldText(root, "satisfaction-comment"), StringComparison.Ordinal), Wait);
        Assert.False(poor.Result.IsCompleted);
        Assert.Null((await ItemAsync(second)).Rating);
        Type(root, "satisfaction-comment", "材料清单前后不一，跑了三趟");
        root.Find("[data-testid=satisfaction-submit]").Click();
        Assert.Equal(WriteStatus.Saved, Assert.IsType<WriteResult>((await poor.Result.WaitAsync(Wait))!.Data).Status);
        Assert.Equal(new Rated(second, (await ItemAsync(second)).Version, Satisfaction.Poor, "材料清单前后不一，跑了三趟"), await ItemAsync(second));

        // Changing the recorded 好评 to a 差评 asks why: the reason field is there and required.
        var change = await OpenAsync(context, root, await ItemAsync(first));
        ChoosePoor(root);
        Type(root, "satisfaction-comment", "后续答复不及时");
        root.Find("[data-testid=satisfaction-submit]").Click();
        root.WaitForAssertion(() => Assert.Contains("请说明理由", FieldText(root, "satisfaction-reason"), StringComparison.Ordinal), Wait);
        Assert.False(change.Result.IsCompleted);
        Assert.Equal((Satisfaction?)Satisfaction.Good, (await ItemAsync(first)).Rating);
        Type(root, "satisfaction-reason", "投资方补充反映，改为差评");
        root.Find("[data-testid=satisfaction-submit]").Click();
        Assert.Equal(WriteStatus.Saved, Assert.IsType<WriteResult>((await change.Result.WaitAsync(Wait))!.Data).Status);
        Assert.Equal((Satisfaction?)Satisfaction.Poor, (await ItemAsync(first)).Rating);
    }
}
