using Microsoft.AspNetCore.Components;
using Bunit;
using KashiInvest.Domain.Access;
using KashiInvest.Web.Features.Leads;
using KashiInvest.Web.Security;
using KashiInvest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace KashiInvest.Web.Tests.Leads;

public sealed class LeadNewTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private async Task<(BunitContext Context, IRenderedComponent<LeadNew> Form)> RenderAsync(string unit = "sub-prd", ActorRole role = ActorRole.SubBureau)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        var scope = await database.ScopeOfAsync(unit, role);
        context.Services.AddScoped<IUserScopeProvider>(_ => new FixedScopeProvider(scope));
        var root = context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<LeadNew>(1);
            builder.CloseComponent();
        });
        var form = root.FindComponent<LeadNew>();
        form.WaitForElement("[data-testid=submit]");
        return (context, form);
    }

    private static string FieldText(IRenderedComponent<LeadNew> form, string testId) =>
        form.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.TextContent;

    /// <summary>Types into a field and waits for its handlers, so the value is bound before the next step.</summary>
    private static async Task TypeAsync(IRenderedComponent<LeadNew> form, string testId, string value)
    {
        var field = form.Find($"[data-testid={testId}]");
        var input = field.TagName is "INPUT" or "TEXTAREA" ? field : field.QuerySelector("input, textarea")!;
        // Immediate fields listen to input, the others to change.
        try { await input.ChangeAsync(new ChangeEventArgs { Value = value }); }
        catch (Bunit.MissingEventHandlerException)
        {
            await input.InputAsync(new ChangeEventArgs { Value = value });
            await input.BlurAsync(new Microsoft.AspNetCore.Components.Web.FocusEventArgs());
        }
    }

    [Theory]
    [InlineData("zh-CN", "此项为必填项。", "有 ")]
    [InlineData("en", "This field is required.", "field(s) need attention")]
    public async Task Filing_an_empty_form_puts_a_required_message_next_to_each_missing_field(string culture, string required, string summary)
    {
        using var _ = new UiCulture(culture);
        var (context, form) = await RenderAsync();
        await using var __ = context;

        form.Find("[data-testid=submit]").Click();

        form.WaitForAssertion(() => Assert.Contains(summary, form.Find("[data-testid=form-error]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        foreach (var field in new[] { "field-enterprise", "field-background", "field-project", "field-host", "field-chain", "field-amount", "field-jobs",
                     "field-demands", "field-feasibility", "field-feasibility-note", "field-people-visited", "field-visitors" })
            Assert.Contains(required, FieldText(form, field), StringComparison.Ordinal);
        // The region comes from the sub-bureau's station and the visit date defaults to today: no message there.
        Assert.DoesNotContain(required, FieldText(form, "field-region"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "校验位不正确", "金额必须大于 0")]
    [InlineData("en", "The check character is wrong", "must be greater than 0")]
    public async Task A_wrong_credit_code_and_a_zero_amount_are_explained_next_to_their_fields(string culture, string badCode, string positive)
    {
        using var _ = new UiCulture(culture);
        var (context, form) = await RenderAsync();
        await using var __ = context;

        await TypeAsync(form, "field-credit-code", "91350100M000100Y44");
        await TypeAsync(form, "field-amount", "0");
        await form.Find("[data-testid=submit]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        form.WaitForAssertion(() =>
        {
            Assert.Contains(badCode, FieldText(form, "field-credit-code"), StringComparison.Ordinal);
            Assert.Contains(positive, FieldText(form, "field-amount"), StringComparison.OrdinalIgnoreCase);
        }, TimeSpan.FromSeconds(10));
    }
}
