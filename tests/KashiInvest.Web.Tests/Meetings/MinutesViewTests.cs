using Bunit;
using KashiInvest.Web.Features.Meetings.Minutes;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Meetings;

public sealed class MinutesViewTests
{
    private static (BunitContext Context, IRenderedComponent<MinutesView> View) Render(MeetingMinutes minutes, string? href = "/meetings/7/minutes.docx")
    {
        var context = new BunitContext();
        context.Services.AddLocalization();
        context.Services.AddSingleton<UiText>();
        var view = context.Render<MinutesView>(p => p.Add(v => v.Minutes, minutes).Add(v => v.DocxHref, href));
        return (context, view);
    }

    [Fact]
    public void The_printable_page_shows_the_header_four_sections_and_the_task_rows()
    {
        using var _ = new UiCulture("zh-CN");
        var (context, view) = Render(MinutesSamples.Dispatch());
        using var __ = context;
        File.WriteAllText(Path.Combine(MinutesSamples.Artifacts, "minutes-view.zh-CN.html"),
            $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><link rel=\"stylesheet\" href=\"../../KashiInvest.Web/wwwroot/app.css\"></head><body>{view.Markup}</body></html>");

        Assert.Equal("喀什地区招商引资重点项目调度会会议纪要", view.Find("[data-testid=minutes-title]").TextContent);
        Assert.Equal("第12期", view.Find("[data-testid=minutes-docno]").TextContent);
        var fields = view.FindAll("[data-testid=minutes-fields] p").Select(p => p.TextContent).ToList();
        Assert.Contains("时间：2026年11月23日 10:00—11:30", fields);
        Assert.Contains("主持人：王明", fields);
        Assert.Contains("记录人：李娜", fields);

        Assert.Equal(["一、会议议题", "二、议定事项", "三、工作任务", "四、上次会议任务落实情况"], view.FindAll("h2").Select(h => h.TextContent));
        Assert.Equal(3, view.FindAll("[data-testid=minutes-item]").Count);
        Assert.Equal(2, view.FindAll("[data-testid=minutes-decision]").Count);

        var actions = view.Find("[data-testid=minutes-actions]");
        Assert.Equal(["序号", "任务", "责任单位", "完成时限", "关联项目", "状态"], actions.QuerySelectorAll("thead th").Select(th => th.TextContent));
        var rows = actions.QuerySelectorAll("tbody tr");
        Assert.Equal(3, rows.Length);
        Assert.Equal("地区自然资源局", rows[0].Children[2].TextContent);
        Assert.Equal("2026年12月10日", rows[0].Children[3].TextContent);
        Assert.Contains("done", rows[2].ClassName ?? "", StringComparison.Ordinal);
        Assert.Single(view.Find("[data-testid=minutes-followups]").QuerySelectorAll("tbody tr"));

        // An inline onclick would be refused by the Content-Security-Policy: js/print.js prints on [data-print].
        Assert.True(view.Find("[data-testid=minutes-print]").HasAttribute("data-print"));
        Assert.Null(view.Find("[data-testid=minutes-print]").GetAttribute("onclick"));
        Assert.Equal("/meetings/7/minutes.docx", view.Find("[data-testid=minutes-docx]").GetAttribute("href"));
        // Printing hides the app's chrome and keeps table rows whole.
        var css = view.Find("style").TextContent;
        Assert.Contains("@media print", css, StringComparison.Ordinal);
        Assert.Contains(".mud-appbar, .mud-drawer", css, StringComparison.Ordinal);
        Assert.Contains("break-inside: avoid", css, StringComparison.Ordinal);
        Assert.Contains("content: \"— \" counter(page) \" —\"", css, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_lists_read_none_and_no_link_is_shown_without_a_download_address()
    {
        using var _ = new UiCulture("zh-CN");
        var (context, view) = Render(MinutesSamples.Empty(), href: null);
        using var __ = context;

        Assert.Empty(view.FindAll("table"));
        Assert.Empty(view.FindAll("[data-testid=minutes-docx]"));
        foreach (var section in new[] { "minutes-items", "minutes-decisions", "minutes-actions", "minutes-followups" })
            Assert.Equal("无", view.Find($"[data-testid={section}] p").TextContent);
    }

    [Fact]
    public void An_English_user_reads_English_headings_and_columns()
    {
        using var _ = new UiCulture("en");
        var (context, view) = Render(MinutesSamples.Dispatch());
        using var __ = context;

        Assert.Equal(["1. Items discussed", "2. Decisions", "3. Action items", "4. Follow-up of earlier action items"], view.FindAll("h2").Select(h => h.TextContent));
        Assert.Equal("Deadline", view.FindAll("[data-testid=minutes-actions] thead th")[3].TextContent);
        Assert.Equal("Print", view.Find("[data-testid=minutes-print]").TextContent.Trim());
    }
}
