using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Bulletins;
using KashiInvest.Domain.Meetings;
using KashiInvest.Infrastructure.Meetings;
using KashiInvest.Web.Features.Meetings;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Web.Features.Bulletins;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Meetings;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Bulletins;

/// <summary>
/// The quarterly bulletin through the write path on the demo database (the demo has the earlier quarter published and
/// the latest closed quarter drafted): draft → submitted → approved → published, a second approval conflicts, drafts
/// are the Bureau's and leaders' only, the supervision list is in the snapshot and in the .docx.
/// </summary>
public sealed class BulletinCommandsTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private BulletinCommands Commands => database.Services.GetRequiredService<BulletinCommands>();

    private async Task<int> LaggingUnitAsync() =>
        await database.QueryAsync(db => db.Units.Where(u => u.Code == StatisticsDemoData.LaggingUnitCode).Select(u => u.Id).SingleAsync());

    private async Task<BulletinRow> PublishedAsync(UserScope scope) =>
        (await Commands.ListAsync(scope, null, null)).Where(r => r.Status == BulletinStatus.Published).OrderBy(r => r.Quarter).First();

    [Fact]
    public async Task The_Bureau_edits_and_submits_a_leader_approves_a_second_approval_conflicts_and_the_Bureau_publishes()
    {
        var bureau = await database.ScopeOfAsync(ReferenceData.BureauCode, ActorRole.Bureau);
        var leader = await database.ScopeOfAsync(ReferenceData.LeadersCode, ActorRole.Leader);
        var county = await database.ScopeOfAsync("shache");

        // The latest closed quarter already has its (demo) draft: one bulletin per quarter.
        Assert.Equal("Bulletin.QuarterHasOne", Assert.Single((await Commands.DraftAsync(bureau)).Errors!).Violation.Code);
        Assert.Equal(WriteStatus.NotAllowed, (await Commands.DraftAsync(county)).Status);
        var draft = (await Commands.ListAsync(bureau, null, null)).Single(r => r.Quarter == Commands.LatestClosed);
        Assert.Equal(BulletinStatus.Draft, draft.Status);
        Assert.DoesNotContain(await Commands.ListAsync(county, null, null), r => r.Id == draft.Id);
        Assert.Null(await Commands.ReadAsync(county, draft.Id));
        Assert.Equal(WriteStatus.NotFound, (await Commands.SubmitAsync(county, draft.Id, 0)).Status);

        var view = (await Commands.ReadAsync(bureau, draft.Id))!;
        Assert.True(view.CanEdit && !view.CanReview && !view.CanPublish);
        var v = view.Bulletin.Version;
        var tooLong = new BulletinNarrative("标题", new string('字', Bulletin.SectionMaxLength + 1), null, null, null);
        Assert.Equal(("Overview", "Text.TooLong"), Assert.Single((await Commands.EditAsync(bureau, draft.Id, v, tooLong)).Errors!) is var e ? (e.Field, e.Violation.Code) : default);
        var narrative = new BulletinNarrative(view.Bulletin.Title, "本季度全地区招商引资总体平稳。", "成效明显。", "部分县市增速靠后。", "限期整改。");
        Assert.Equal(WriteStatus.Saved, (await Commands.EditAsync(bureau, draft.Id, v, narrative)).Status);
        // An edit based on the version before that save is a conflict, not a silent overwrite.
        Assert.Equal(WriteStatus.Conflict, (await Commands.EditAsync(bureau, draft.Id, v, narrative with { Overview = "旧稿" })).Status);
        Assert.Equal(WriteStatus.Saved, (await Commands.RefreshAsync(bureau, draft.Id, v + 1)).Status);
        Assert.Equal(WriteStatus.Saved, (await Commands.SubmitAsync(bureau, draft.Id, v + 2)).Status);

        var submitted = (await Commands.ReadAsync(leader, draft.Id))!;
        Assert.True(submitted.CanReview && !submitted.CanEdit);
        Assert.Equal("Bulletin.LeadersOnly", Assert.Single((await Commands.ApproveAsync(bureau, draft.Id, v + 3)).Errors!).Violation.Code);
        Assert.Equal(WriteStatus.Saved, (await Commands.ApproveAsync(leader, draft.Id, v + 3)).Status);
        // A second leader's approval from the same read conflicts; from a fresh read it is refused by the rule.
        Assert.Equal(WriteStatus.Conflict, (await Commands.ApproveAsync(leader, draft.Id, v + 3)).Status);
        Assert.Equal("Bulletin.AlreadyApproved", Assert.Single((await Commands.ApproveAsync(leader, draft.Id, v + 4)).Errors!).Violation.Code);

        Assert.Equal(WriteStatus.Saved, (await Commands.PublishAsync(bureau, draft.Id, v + 4)).Status);
        var published = (await Commands.ReadAsync(county, draft.Id))!;
        Assert.Equal(BulletinStatus.Published, published.Bulletin.Status);
        Assert.Equal("本季度全地区招商引资总体平稳。", published.Bulletin.Overview);
        Assert.False(published.CanEdit || published.CanReview || published.CanPublish);
        Assert.Equal("Bulletin.Published", Assert.Single((await Commands.EditAsync(bureau, draft.Id, v + 5, narrative)).Errors!).Violation.Code);

        // Each named unit got its "explain and rectify" task, in its to-do and on the next prefecture meeting's agenda once due.
        var named = published.Bulletin.Snapshot.Supervision.Select(x => x.UnitId).ToList();
        Assert.NotEmpty(named);
        var tasks = await database.QueryAsync(db => db.ActionItems.AsNoTracking().Where(a => a.BulletinId == draft.Id).ToListAsync());
        Assert.Equal(named.Order(), tasks.Select(a => a.OwnerUnitId).Order());
        var due = published.Bulletin.PublishedOn!.Value.AddDays(Commands.Settings.RectifyWithinDays);
        Assert.All(tasks, a => Assert.Equal((due, (int?)null, ActionItemStatus.Open), (a.DueOn, a.MeetingId, a.Status)));
        Assert.Contains(published.Bulletin.Number, tasks[0].Text, StringComparison.Ordinal);
        var namedCode = await database.QueryAsync(db => db.Units.Where(u => u.Id == named[0]).Select(u => u.Code).SingleAsync());
        var todo = await database.Services.GetRequiredService<MeetingQuery>().OpenActionsOfUnitAsync(await database.ScopeOfAsync(namedCode));
        var mine = Assert.Single(todo, a => a.BulletinId == draft.Id);
        Assert.Equal($"/bulletins/{draft.Id}", mine.SourceLink);
        Assert.StartsWith(published.Bulletin.Number, mine.MeetingTitle, StringComparison.Ordinal);
        var agenda = await database.QueryAsync(async db => AgendaBuilder.Build(
            await database.Services.GetRequiredService<MeetingAgendaQuery>().LoadAsync(db, MeetingScope.Prefecture), MeetingScope.Prefecture, due, false));
        var followed = agenda.Where(i => i.Kind == AgendaItemKind.ActionFollowUp).Select(i => i.ActionItemId).ToList();
        Assert.All(tasks, a => Assert.Contains(a.Id, followed));
        var earlier = await database.QueryAsync(async db => AgendaBuilder.Build(
            await database.Services.GetRequiredService<MeetingAgendaQuery>().LoadAsync(db, MeetingScope.Prefecture), MeetingScope.Prefecture, due.AddDays(-1), false));
        Assert.DoesNotContain(earlier, i => tasks.Any(a => a.Id == i.ActionItemId)); // not due yet: not on the agenda
        // The named unit reports it done like any task.
        Assert.Equal(WriteStatus.Saved, (await database.Services.GetRequiredService<MeetingCommands>()
            .MarkActionDoneAsync(await database.ScopeOfAsync(namedCode), mine.Id, mine.Version, "已向地区招商局书面说明情况")).Status);

        // Every step left an audit row with the narrative before and after.
        var audits = await database.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "Bulletin" && a.EntityId == draft.Id.ToString()).ToListAsync());
        Assert.Contains(audits, a => a.UserName == "bureau" && a.After!.Contains("本季度全地区招商引资总体平稳", StringComparison.Ordinal));
        Assert.Contains(audits, a => a.UserName == ReferenceData.LeadersCode && a.After!.Contains("Approved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_archive_is_searchable_by_year_and_text_and_shows_counties_published_bulletins_only()
    {
        var county = await database.ScopeOfAsync("shache");
        var row = await PublishedAsync(county);

        Assert.All(await Commands.ListAsync(county, null, null), r => Assert.Equal(BulletinStatus.Published, r.Status));
        Assert.Contains(await Commands.ListAsync(county, row.Quarter.Year, null), r => r.Id == row.Id);
        Assert.DoesNotContain(await Commands.ListAsync(county, row.Quarter.Year - 5, null), r => r.Id == row.Id);
        Assert.Contains(await Commands.ListAsync(county, null, row.Number), r => r.Id == row.Id);
        Assert.Contains(await Commands.ListAsync(county, null, "规定时限"), r => r.Id == row.Id); // in the narrative
        Assert.Empty(await Commands.ListAsync(county, null, "没有这样的通报"));
    }

    [Fact]
    public async Task The_published_snapshot_names_the_lagging_county_with_its_figures_and_the_docx_lists_it()
    {
        var county = await database.ScopeOfAsync("shache");
        var lagging = await LaggingUnitAsync();
        var bulletin = (await Commands.ReadAsync(county, (await PublishedAsync(county)).Id))!.Bulletin;
        var entry = Assert.Single(bulletin.Snapshot.Supervision, s => s.UnitId == lagging);
        var ground = Assert.Single(entry.Grounds, g => g.Kind == SupervisionGroundKind.LowGrowth);
        Assert.True(ground.Growth.Percent < 0m);

        using var _ = new UiCulture("zh-CN");
        using var stream = new MemoryStream(database.Services.GetRequiredService<BulletinDocxWriter>().ToBytes(bulletin));
        Directory.CreateDirectory(MinutesSamples.Artifacts);
        File.WriteAllBytes(Path.Combine(MinutesSamples.Artifacts, "quarterly-bulletin.zh-CN.docx"), stream.ToArray());
        using var doc = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc).Select(x => $"{x.Path?.XPath}: {x.Description}"));
        var body = doc.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains(paragraphs, p => p.Contains(bulletin.Number, StringComparison.Ordinal));
        Assert.Contains(bulletin.Title, paragraphs);
        Assert.Contains(paragraphs, p => p.Contains("重点督导名单", StringComparison.Ordinal));

        var supervision = body.Elements<Table>().Single(t => t.GetFirstChild<TableProperties>()?.GetFirstChild<TableCaption>()?.Val?.Value == BulletinDocxWriter.SupervisionTableCaption);
        var named = supervision.Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().First().InnerText).ToList();
        Assert.Equal(bulletin.Snapshot.Supervision.Select(s => s.Name), named);
        Assert.Contains(entry.Name, named);
        var laggingRow = supervision.Elements<TableRow>().Single(r => r.Elements<TableCell>().First().InnerText == entry.Name);
        Assert.Contains("增速列第", laggingRow.InnerText, StringComparison.Ordinal);
    }
}
