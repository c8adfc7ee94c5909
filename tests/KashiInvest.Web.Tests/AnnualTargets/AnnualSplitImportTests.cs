using KashiInvest.Domain.Access;
using KashiInvest.Domain.AnnualTargets;
using KashiInvest.Domain.Assessment;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Web.Features.AnnualTargets;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Excel;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Shared.Excel;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using C = KashiInvest.Web.Features.AnnualTargets.AnnualSplitImport.Columns;
using static KashiInvest.Web.Tests.Shared.Excel.ImportPreviewCells;

namespace KashiInvest.Web.Tests.AnnualTargets;

/// <summary>
/// The annual target split imported from Excel over the demo database (this year's targets split in full, last year's
/// assessment final), with real workbooks made from the app's template: errors next to their cells, an under-split
/// shown as the remainder, all rows or none, one audited import, the same file again changes nothing, the Bureau only,
/// a final year refused.
/// </summary>
public sealed class AnnualSplitImportTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private T Get<T>() where T : notnull => database.Services.GetRequiredService<T>();

    private AnnualSplitImport Import => Get<AnnualSplitImport>();

    private AnnualTargetCommands Commands => Get<AnnualTargetCommands>();

    private async Task<byte[]> FilledAsync(params object?[][] rows) => TestWorkbook.Fill((await Import.TemplateAsync()).Bytes, rows);

    private async Task<string> UnitNameAsync(string code) => await database.QueryAsync(db => db.Units.Where(u => u.Code == code).Select(u => u.Name).SingleAsync());

    [Fact]
    public async Task The_template_has_chinese_headings_an_example_row_and_lists_of_units_and_indicators()
    {
        using var _ = new UiCulture("zh-CN");
        var file = await Import.TemplateAsync();
        using var xlsx = new XlsxFile(file.Bytes);
        Assert.Equal(["年度", "指标", "单位", "分解目标（万元或项目个数）"], xlsx.RowTexts(2).Take(4).ToList());
        Assert.Equal("区外到位资金", xlsx.Text("B3"));
        Assert.Equal(Commands.Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), xlsx.Text("A3"));
        var lists = xlsx.Validations.Select(v => v.SequenceOfReferences?.InnerText ?? "").ToList();
        Assert.Contains(lists, r => r.StartsWith("B3:", StringComparison.Ordinal));
        Assert.Contains(lists, r => r.StartsWith("C3:", StringComparison.Ordinal));
        // The units' list is too long to be inline: it is a range of the hidden list sheet, which names every assessed unit.
        var units = xlsx.Validations.Single(v => (v.SequenceOfReferences?.InnerText ?? "").StartsWith("C3:", StringComparison.Ordinal)).Formula1!.Text;
        Assert.StartsWith(KashiInvest.Web.Shared.Excel.XlsxWriter.ListSheet + "!$", units);
        using var stream = new MemoryStream(file.Bytes);
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var sheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(x => x.Name == KashiInvest.Web.Shared.Excel.XlsxWriter.ListSheet);
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.SheetStateValues.Hidden, sheet.State!.Value);
        var listed = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList();
        Assert.Contains(await UnitNameAsync("shache"), listed);
        Assert.Contains(await UnitNameAsync("sub-prd"), listed);
    }

    [Fact]
    public async Task The_preview_puts_each_error_next_to_its_cell_and_writes_nothing()
    {
        using var _ = new UiCulture("zh-CN");
        var bureau = await database.ScopeOfAsync(ReferenceData.BureauCode, ActorRole.Bureau);
        var year = Commands.Today.Year;
        var shache = await UnitNameAsync("shache");
        var kashi = await UnitNameAsync("kashi");
        var before = await database.QueryAsync(db => db.Set<TargetShare>().CountAsync());
        var bytes = await FilledAsync(
            [year, "区外到位资金", "不存在的县", "100"],          // row 4: unknown unit
            [year, "区外到位资金", shache, "一百"],               // 5: not a number
            [year, "区外到位资金", kashi, "-5"],                  // 6: negative
            [year, "新签约项目", shache, "1.5"],                  // 7: projects are whole
            [year - 1, "区外到位资金", shache, "100"],            // 8: last year's assessment is final
            [year + 5, "区外到位资金", shache, "100"],            // 9: no target that year
            [year, "签约投资额", kashi, "10"],                    // 10
            [year, "签约投资额", kashi, "20"]);                   // 11: the same unit twice

        var p = await Import.PreviewAsync(bureau, "split.xlsx", bytes);

        Assert.Null(p.Refusal);
        Assert.Equal("Import.UnknownChoice", Error(p, 4, C.Unit));
        Assert.Equal("Import.NotANumber", Error(p, 5, C.Share));
        Assert.Equal("AnnualTarget.Negative", Error(p, 6, C.Share));
        Assert.Equal("AnnualTarget.WholeProjects", Error(p, 7, C.Share));
        Assert.Equal("AnnualTarget.YearFrozen", Error(p, 8, C.Year));
        Assert.Equal("AnnualTarget.Import.NoTarget", Error(p, 9, C.Indicator));
        Assert.Equal("Import.DuplicateRow", Error(p, 11, C.Unit));
        Assert.False(p.CanImport);
        Assert.Equal(before, await database.QueryAsync(db => db.Set<TargetShare>().CountAsync()));
        Assert.Equal(WriteStatus.Invalid, (await Import.ImportAsync(bureau, p)).Status);
    }

    [Fact]
    public async Task The_Bureau_imports_a_split_in_one_audited_go_the_remainder_is_a_warning_and_the_same_file_again_changes_nothing()
    {
        using var _ = new UiCulture("zh-CN");
        var bureau = await database.ScopeOfAsync(ReferenceData.BureauCode, ActorRole.Bureau);
        var year = Commands.Today.Year;
        var shache = await database.QueryAsync(db => db.Units.SingleAsync(u => u.Code == "shache"));
        var kashi = await database.QueryAsync(db => db.Units.SingleAsync(u => u.Code == "kashi"));
        var target = (await Commands.ReadAsync(bureau, year)).Targets.Single(t => t.Indicator == AnnualIndicator.FundsInPlace);
        var shacheShare = target.Shares[shache.Id];
        var kashiShare = target.Shares[kashi.Id];

        // Over the target: an error on the rows of that sequence, nothing can be imported.
        var over = await Import.PreviewAsync(bureau, "over.xlsx", await FilledAsync([year, "到位资金", shache.Name, (shacheShare + target.Amount!.Value).ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        Assert.Equal("AnnualTarget.OverSplit", Error(over, 4, C.Share));
        Assert.False(over.CanImport);

        // Lower two counties' shares by 100 and 50 万元: two updates, the sequence's remainder (150) as a warning.
        var bytes = await FilledAsync(
            [year, "到位资金", shache.Name, (shacheShare - 100m).ToString(System.Globalization.CultureInfo.InvariantCulture)],
            [year, "到位资金", kashi.Code, kashiShare - 50m]);
        var p = await Import.PreviewAsync(bureau, "split.xlsx", bytes);
        Assert.Equal(0, p.ErrorRows);
        Assert.Equal(2, p.Count(ImportOutcome.Update));
        var warning = Assert.Single(p.Warnings);
        Assert.Equal("AnnualTarget.Import.Remainder", warning.Code);
        Assert.Equal(150m, warning.Args[3]);
        Assert.Contains("150", Get<UiText>().Rule(warning));
        Assert.True(p.CanImport);

        // A county may neither preview nor import.
        var county = await database.ScopeOfAsync("shache");
        Assert.Equal("Import.NotAllowed", (await Import.PreviewAsync(county, "split.xlsx", bytes)).Refusal?.Code);
        Assert.Equal(WriteStatus.NotAllowed, (await Import.ImportAsync(county, p)).Status);

        Assert.Equal(WriteStatus.Saved, (await Import.ImportAsync(bureau, p)).Status);
        var after = (await Commands.ReadAsync(bureau, year)).Targets.Single(t => t.Indicator == AnnualIndicator.FundsInPlace);
        Assert.Equal(shacheShare - 100m, after.Shares[shache.Id]);
        Assert.Equal(kashiShare - 50m, after.Shares[kashi.Id]);
        Assert.Equal(target.Shares.Count, after.Shares.Count);
        var audit = await database.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == ProjectRegisterImport.AuditType && a.EntityId == "annual-targets").ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Contains("split.xlsx", entry.After);
        Assert.Contains("\"row\":4", entry.After);
        Assert.Contains("\"before\":", entry.After);

        // The same file again: every row unchanged, nothing to import, nothing written.
        var again = await Import.PreviewAsync(bureau, "split.xlsx", bytes);
        Assert.Equal(2, again.Count(ImportOutcome.Unchanged));
        Assert.False(again.CanImport);
        Assert.Equal(after.Version, (await Commands.ReadAsync(bureau, year)).Targets.Single(t => t.Indicator == AnnualIndicator.FundsInPlace).Version);
    }

    [Fact]
    public async Task A_final_years_targets_and_split_cannot_change_on_the_screen_either()
    {
        var bureau = await database.ScopeOfAsync(ReferenceData.BureauCode, ActorRole.Bureau);
        var last = Commands.Today.Year - 1;
        Assert.True(await database.QueryAsync(db => db.Set<AssessmentScheme>().AnyAsync(s => s.Year == last && s.FrozenAtUtc != null)));
        var target = (await Commands.ReadAsync(bureau, last)).Targets.First(t => t.Id is not null);

        var set = await Commands.SetAsync(bureau, last, target.Indicator, target.Amount + 1m, target.Version);
        Assert.Equal(("amount", "AnnualTarget.YearFrozen"), Assert.Single(set.Errors!) is var e ? (e.Field, e.Violation.Code) : default);
        var split = await Commands.SplitAsync(bureau, target.Id!.Value, target.Version, AssessmentSequence.CountiesAndZone, new Dictionary<int, decimal?>());
        Assert.Equal("AnnualTarget.YearFrozen", Assert.Single(split.Errors!).Violation.Code);
        Assert.Equal(target.Amount, (await Commands.ReadAsync(bureau, last)).Targets.Single(t => t.Indicator == target.Indicator).Amount);
    }
}
