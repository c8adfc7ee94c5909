using Bunit;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Security;
using KashiInvest.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace KashiInvest.Web.Tests.Projects;

public sealed class ProjectEditorTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private async Task<(BunitContext Context, IRenderedComponent<ProjectEditor> Editor)> RenderEditorAsync()
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        var scope = await database.ScopeOfAsync("shache");
        context.Services.AddScoped<IUserScopeProvider>(_ => new FixedScopeProvider(scope));
        var root = context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<ProjectEditor>(1);
            builder.CloseComponent();
        });
        var editor = root.FindComponent<ProjectEditor>();
        editor.WaitForElement("[data-testid=save]");
        return (context, editor);
    }

    [Theory]
    [InlineData("zh-CN", "此项为必填项。", "有 ")]
    [InlineData("en", "This field is required.", "field(s) need attention")]
    public async Task Saving_an_empty_form_puts_a_required_message_next_to_each_missing_field(string culture, string required, string summary)
    {
        using var _ = new UiCulture(culture);
        var (context, editor) = await RenderEditorAsync();
        await using var __ = context;

        editor.Find("[data-testid=save]").Click();

        editor.WaitForAssertion(() => Assert.Contains(summary, editor.Find("[data-testid=form-error]").TextContent, StringComparison.Ordinal));
        // The message of each field (a text field's helper line also carries its count, e.g. "0 / 100").
        var messages = editor.FindAll(".mud-input-helper-text.mud-input-error")
            .Select(e => (e.QuerySelector(".d-flex > div:first-child") ?? e).TextContent.Trim()).ToList();
        // Name, chain, investor, investment and jobs are required; the host is fixed for a county user.
        Assert.True(messages.Count(m => m == required) >= 5, string.Join(" | ", messages));
        var nameField = editor.Find("[data-testid=field-name]").Closest(".mud-input-control")!;
        Assert.Contains(required, nameField.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "校验位不正确")]
    [InlineData("en", "The check character is wrong")]
    public async Task A_malformed_credit_code_is_explained_next_to_the_field(string culture, string expected)
    {
        using var _ = new UiCulture(culture);
        var (context, editor) = await RenderEditorAsync();
        await using var __ = context;

        editor.FindComponent<MudSwitch<bool>>().Find("input").Change(true);
        editor.WaitForElement("[data-testid=field-credit-code] input, input[data-testid=field-credit-code]");
        var code = editor.Find("[data-testid=field-credit-code]");
        var input = code.TagName == "INPUT" ? code : code.QuerySelector("input")!;
        input.Change("91350100M000100Y44");
        editor.Find("[data-testid=save]").Click();

        editor.WaitForAssertion(() =>
        {
            var field = editor.Find("[data-testid=field-credit-code]").Closest(".mud-input-control")!;
            Assert.Contains(expected, field.TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_credit_code_already_on_file_names_its_investor_and_offers_to_link_keeping_the_typed_name()
    {
        using var _ = new UiCulture("zh-CN");
        var existing = await database.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Investors.Where(i => i.CreditCode != null).OrderBy(i => i.Id)));
        var (context, editor) = await RenderEditorAsync();
        await using var __ = context;

        editor.FindComponent<MudSwitch<bool>>().Find("input").Change(true);
        editor.WaitForElement("[data-testid=field-credit-code] input, input[data-testid=field-credit-code]");
        static AngleSharp.Dom.IElement Input(AngleSharp.Dom.IElement e) => e.TagName == "INPUT" ? e : e.QuerySelector("input")!;
        Input(editor.Find("[data-testid=field-investor-name]")).Change("新登记的另一家企业");
        Input(editor.Find("[data-testid=field-credit-code]")).Change(existing.CreditCode!);
        editor.Find("[data-testid=save]").Click();

        editor.WaitForAssertion(() =>
        {
            var field = editor.Find("[data-testid=field-credit-code]").Closest(".mud-input-control")!;
            Assert.Contains($"此统一社会信用代码属于已登记的“{existing.Name}”", field.TextContent, StringComparison.Ordinal);
            Assert.Contains($"关联到“{existing.Name}”", editor.Find("[data-testid=link-investor]").TextContent, StringComparison.Ordinal);
        });
        Assert.Equal("新登记的另一家企业", Input(editor.Find("[data-testid=field-investor-name]")).GetAttribute("value"));
    }

    [Fact]
    public async Task A_county_user_cannot_choose_another_host()
    {
        using var _ = new UiCulture("zh-CN");
        var (context, editor) = await RenderEditorAsync();
        await using var __ = context;
        Assert.Empty(editor.FindAll("[data-testid=field-host]"));
        Assert.Contains("莎车县", editor.Markup, StringComparison.Ordinal);
    }
}
