using Bunit;
using KashiInvest.Domain.Projects;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace KashiInvest.Web.Tests.Projects;

/// <summary>Terminating a project needs a reason from the fixed list and an explanation; the dialog says which is missing.</summary>
public sealed class TransitionDialogTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Theory]
    [InlineData("zh-CN", "请选择终止原因。", "请说明原因。")]
    [InlineData("en", "Choose a reason for termination.", "Give the reason.")]
    public async Task Terminating_without_a_reason_or_an_explanation_says_so_under_each_field_and_stays_open(string culture, string reasonNeeded, string noteNeeded)
    {
        using var _ = new UiCulture(culture);
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        var root = context.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<MudDialogProvider>(1);
            b.CloseComponent();
        });
        var dialogs = context.Services.GetRequiredService<IDialogService>();
        IDialogReference? dialog = null;
        await root.InvokeAsync(async () => dialog = await dialogs.ShowAsync<TransitionDialog>("终止", new DialogParameters<TransitionDialog>
        {
            { x => x.To, ProjectStage.Terminated },
            { x => x.ProjectName, "测试项目" },
        }));
        root.WaitForElement("[data-testid=transition-submit]").Click();

        root.WaitForAssertion(() =>
        {
            var reason = root.Find("[data-testid=termination-reason]").Closest(".mud-input-control")!;
            Assert.Contains(reasonNeeded, reason.TextContent, StringComparison.Ordinal);
        });
        var note = root.Find("[data-testid=transition-note]").Closest(".mud-input-control")!;
        Assert.Contains(noteNeeded, note.TextContent, StringComparison.Ordinal);
        Assert.False(dialog!.Result.IsCompleted);

        // The explanation alone is not enough: the reason from the list is still asked for.
        root.Find("textarea[data-testid=transition-note], [data-testid=transition-note] textarea").Change("客商战略调整，撤回投资意向。");
        root.Find("[data-testid=transition-submit]").Click();
        root.WaitForAssertion(() => Assert.Contains(reasonNeeded, root.Find("[data-testid=termination-reason]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(noteNeeded, root.Find("[data-testid=transition-note]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal);
        Assert.False(dialog.Result.IsCompleted);
    }
}
