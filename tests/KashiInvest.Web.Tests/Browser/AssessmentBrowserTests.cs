using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KashiInvest.Domain.Assessment;
using KashiInvest.Domain.Common;
using KashiInvest.Web.Features.Assessment;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// Issue 17's year-end round end to end on the real app (figures from the platform through AnnualFigures): the
/// Bureau computes this year's draft and sends it to the leader in charge; the leader sends it back once with a
/// comment, which the Bureau's open page shows; the Bureau sends it again and the leader approves it: final, the scheme
/// frozen. The results .docx, downloaded by a county, has each sequence's ranking table with every unit of the
/// sequence. Screenshots of last year's (the demo's) pages in Chinese and English at 1920×1080 and 1366×768.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AssessmentBrowserTests(BrowserFixture browser)
{
    private static int ThisYear => BeijingTime.DateOf(TestClock.Default.UtcNow).Year;

    [Fact]
    public async Task The_bureau_runs_the_draft_the_leader_sends_it_back_once_then_approves_and_the_docx_ranks_each_sequence()
    {
        var year = ThisYear;
        var path = $"/assessment/{year}";

        var bureau = await browser.SignedInPageAsync("bureau");
        await bureau.GotoInteractiveAsync(path);
        var status = bureau.Locator("[data-testid=assessment-status]");
        await Expect(status).ToHaveAttributeAsync("data-status", "None");
        await bureau.Locator("[data-testid=assessment-compute]").ClickAsync();
        await Expect(status).ToHaveAttributeAsync("data-status", "Draft");
        await Expect(bureau.Locator("[data-testid=assessment-ranking]")).ToHaveCountAsync(3);
        await bureau.Locator("[data-testid=assessment-submit]").ClickAsync();
        await Expect(status).ToHaveAttributeAsync("data-status", "UnderReview");

        // The leader in charge sends it back with a comment.
        var leader = await browser.SignedInPageAsync("leader");
        await leader.GotoInteractiveAsync(path);
        var leaderStatus = leader.Locator("[data-testid=assessment-status]");
        await Expect(leaderStatus).ToHaveAttributeAsync("data-status", "UnderReview");
        const string comment = "请补充实地核查情况后再报。";
        // The comment field sends its text when it loses focus (not on each key): the counter follows then.
        var field = FormInput.Field(leader, "assessment-comment");
        await field.FillAsync(comment);
        await field.PressAsync("Tab");
        await Expect(leader.Locator(".mud-input-control", new() { Has = field })).ToContainTextAsync($"{comment.Length} / ");
        await leader.Locator("[data-testid=assessment-send-back]").ClickAsync();
        await Expect(leaderStatus).ToHaveAttributeAsync("data-status", "Draft");

        // The Bureau's open page follows: the comment, and sending again.
        await Expect(status).ToHaveAttributeAsync("data-status", "Draft");
        await Expect(bureau.Locator("[data-testid=assessment-review-comment]")).ToContainTextAsync(comment);
        await bureau.Locator("[data-testid=assessment-submit]").ClickAsync();
        await Expect(status).ToHaveAttributeAsync("data-status", "UnderReview");

        await Expect(leaderStatus).ToHaveAttributeAsync("data-status", "UnderReview");
        await leader.Locator("[data-testid=assessment-approve]").ClickAsync();
        await Expect(leaderStatus).ToHaveAttributeAsync("data-status", "Final");
        await Expect(status).ToHaveAttributeAsync("data-status", "Final");
        await Expect(bureau.Locator("[data-testid=assessment-scheme]")).ToHaveAttributeAsync("data-frozen", "yes");

        var (round, frozen, units) = await browser.App.QueryAsync(async db => (
            await db.Set<AssessmentRound>().AsNoTracking().SingleAsync(r => r.Year == year),
            await db.Set<AssessmentScheme>().AsNoTracking().Where(s => s.Year == year).Select(s => s.FrozenAtUtc != null).SingleAsync(),
            await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name)));
        Assert.Equal(RoundStatus.Final, round.Status);
        Assert.True(frozen);
        Assert.Equal([RoundAction.Computed, RoundAction.Submitted, RoundAction.SentBack, RoundAction.Submitted, RoundAction.Approved], round.Steps.Select(s => s.Action));
        Assert.Equal(comment, round.Steps.Single(s => s.Action == RoundAction.SentBack).Comment);

        // A county downloads the results .docx: each sequence's table ranks every unit of the sequence, in rank order.
        var county = await browser.SignedInPageAsync("shache");
        var response = await county.APIRequest.GetAsync($"{path}/results.docx");
        Assert.Equal(200, response.Status);
        var tables = Read(await response.BodyAsync());
        foreach (var sequence in Enum.GetValues<AssessmentSequence>())
        {
            var expected = round.Results.Where(r => r.Sequence == sequence).OrderBy(r => r.Rank).ThenByDescending(r => r.BaseScore).ThenBy(r => r.UnitId).ToList();
            var rows = tables[AssessmentDocxWriter.Caption(sequence)];
            Assert.Equal(expected.Select(r => units[r.UnitId]), rows.Select(r => r[1]));
            Assert.Equal(expected.Select(r => r.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r[0]));
        }

        await county.Context.CloseAsync();
        await leader.Context.CloseAsync();
        await bureau.Context.CloseAsync();
    }

    [Fact]
    public async Task Last_years_pages_read_in_both_languages_at_1920_and_1366()
    {
        var year = ThisYear - 1;
        var unit = await browser.App.QueryAsync(db => db.Set<AssessmentRound>().AsNoTracking().Where(r => r.Year == year).SingleAsync());
        var first = unit.Results.Where(r => r.Facts.Count > 0).Select(r => r.UnitId).FirstOrDefault(unit.Results[0].UnitId);
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            var page = await browser.SignedInPageAsync("bureau", culture);
            foreach (var (name, path, ready) in new[]
                     {
                         ("assessment-year", $"/assessment/{year}", "[data-testid=assessment-ranking]"),
                         ("assessment-unit", $"/assessment/{year}/{first}", "[data-testid=assessment-unit-summary]"),
                         ("assessment-results", $"/assessment/{year}/results", "[data-testid=assessment-results-document]"),
                     })
            {
                await page.GotoInteractiveAsync(path);
                await Expect(page.Locator(ready).First).ToBeVisibleAsync();
                foreach (var (width, height) in new[] { (1920, 1080), (1366, 768) })
                {
                    await page.SetViewportSizeAsync(width, height);
                    await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"{name}-{(culture == "en" ? "en" : "zh")}-{width}.png"), FullPage = true });
                }
            }
            await Expect(page.Locator("[data-testid=assessment-results-document]")).ToContainTextAsync(culture == "en" ? "Rank" : "排名");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_rounds_steps_are_on_screen_and_check_evidence_reaches_the_bureau_the_leaders_and_the_unit_assessed_only()
    {
        var year = ThisYear - 1;
        var round = await browser.App.QueryAsync(db => db.Set<AssessmentRound>().AsNoTracking().Where(r => r.Year == year).SingleAsync());
        var checkedUnit = round.Checks[0].UnitId;
        var (own, other) = await browser.App.QueryAsync(async db =>
        {
            var users = await db.Users.AsNoTracking().Where(u => u.UnitId != null).Select(u => new { u.UserName, u.UnitId }).ToListAsync();
            var types = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Type);
            return (users.First(u => u.UnitId == checkedUnit).UserName!,
                users.First(u => u.UnitId != checkedUnit && types[u.UnitId!.Value] == Domain.Units.UnitType.County).UserName!);
        });

        // The step history: who did what, when, the leader's comment, and the approval that made it final.
        var bureau = await browser.SignedInPageAsync("bureau");
        await bureau.GotoInteractiveAsync($"/assessment/{year}");
        var steps = bureau.Locator("[data-testid=assessment-step]");
        await Expect(steps).ToHaveCountAsync(round.Steps.Count);
        var sentBack = round.Steps.First(s => s.Action == RoundAction.SentBack);
        await Expect(bureau.Locator("[data-testid=assessment-step][data-action=SentBack]").First).ToContainTextAsync(sentBack.Comment!);
        await Expect(bureau.Locator("[data-testid=assessment-step][data-action=SentBack]").First).ToContainTextAsync(sentBack.UserName);
        await Expect(steps.Last).ToHaveAttributeAsync("data-action", "Approved");
        await Expect(steps.Last.Locator("[data-testid=assessment-step-final]")).ToBeVisibleAsync();

        // The evidence: the Bureau and the unit assessed read it; another county sees the points, not the evidence.
        var unitPath = $"/assessment/{year}/{checkedUnit}";
        var evidence = round.Checks[0].Evidence;
        await bureau.GotoInteractiveAsync(unitPath);
        await Expect(bureau.Locator("[data-testid=assessment-check-evidence]").First).ToContainTextAsync(evidence);
        foreach (var (user, sees) in new[] { (own, true), (other, false), ("leader", true) })
        {
            var page = await browser.SignedInPageAsync(user);
            await page.GotoInteractiveAsync(unitPath);
            await Expect(page.Locator("[data-testid=assessment-check]")).ToHaveCountAsync(round.Checks.Count(c => c.UnitId == checkedUnit));
            await Expect(page.Locator("[data-testid=assessment-check-evidence]")).ToHaveCountAsync(sees ? round.Checks.Count(c => c.UnitId == checkedUnit) : 0);
            await Expect(page.Locator("[data-testid=assessment-evidence-hidden]")).ToHaveCountAsync(sees ? 0 : 1);
            if (!sees) Assert.DoesNotContain(evidence, await page.ContentAsync(), StringComparison.Ordinal);
            await page.Context.CloseAsync();
        }
        await bureau.Context.CloseAsync();
    }

    /// <summary>The ranking tables of the .docx by caption: each row's cells below the heading row.</summary>
    private static Dictionary<string, List<List<string>>> Read(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var doc = WordprocessingDocument.Open(stream, false);
        return doc.MainDocumentPart!.Document!.Body!.Elements<Table>()
            .ToDictionary(t => t.GetFirstChild<TableProperties>()!.GetFirstChild<TableCaption>()!.Val!.Value!,
                t => t.Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList());
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
