using System.Globalization;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;

namespace KashiInvest.Web.Features.Approvals;

/// <summary>One line of a pasted catalogue table: what it says (null when it could not be read) and what is wrong with it.</summary>
/// <param name="Line">The line's number in the pasted text (1-based).</param>
/// <param name="IsNew">No catalogue item has the line's code yet: saving adds it (otherwise it replaces the item's facts).</param>
public sealed record CatalogueImportRow(int Line, string Code, CatalogueItemInput? Input, string DepartmentCode, bool IsNew, IReadOnlyList<FieldViolation> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// The text form of catalogue items for an import: one item per line, tab-separated columns as a spreadsheet copies
/// them — code, name, English name, department code, level, statutory limit, unit, legal source, stage, prerequisites
/// (codes separated by <c>;</c>), may run in parallel, green-channel limit (blank: none). Levels, units and stages are
/// read as the screen shows them in Chinese or English, or by their codes (<c>County</c>, <c>WorkingDays</c>…); a yes/no
/// as 是/否, yes/no, true/false or 1/0. Blank lines, lines starting with <c>#</c> and a heading line are ignored.
/// </summary>
public static class CatalogueImport
{
    public const string Field = "Rows";

    /// <summary>Room for a few hundred items; no more.</summary>
    public const int MaxLength = 100_000;

    public const int Columns = 12;

    public static readonly string[] Heading =
        ["code", "name", "nameEn", "department", "level", "statutoryLimit", "unit", "legalSource", "stage", "prerequisites", "parallel", "greenChannel"];

    private static readonly Dictionary<string, ApprovalLevel> Levels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["县级"] = ApprovalLevel.County, ["县"] = ApprovalLevel.County, ["地区级"] = ApprovalLevel.Prefecture, ["地区"] = ApprovalLevel.Prefecture,
        ["地州级"] = ApprovalLevel.Prefecture, ["自治区级"] = ApprovalLevel.Region, ["自治区"] = ApprovalLevel.Region,
    };

    private static readonly Dictionary<string, LimitUnit> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["工作日"] = LimitUnit.WorkingDays, ["自然日"] = LimitUnit.NaturalDays, ["working days"] = LimitUnit.WorkingDays, ["natural days"] = LimitUnit.NaturalDays,
        ["working"] = LimitUnit.WorkingDays, ["natural"] = LimitUnit.NaturalDays,
    };

    private static readonly Dictionary<string, ApprovalStage> Stages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["立项用地规划许可"] = ApprovalStage.ProjectApprovalAndLandUsePlanning, ["Project approval and land-use planning"] = ApprovalStage.ProjectApprovalAndLandUsePlanning,
        ["工程建设许可"] = ApprovalStage.ConstructionPermit, ["施工许可"] = ApprovalStage.ConstructionPermit, ["Construction permit"] = ApprovalStage.ConstructionPermit,
        ["竣工验收"] = ApprovalStage.CompletionAcceptance, ["Completion acceptance"] = ApprovalStage.CompletionAcceptance,
    };

    /// <summary>
    /// Reads the lines: each gets its input, or the reasons it could not be read (a wrong number of columns, a department
    /// code that is not a department, a level, unit, stage, number or yes/no not understood). The catalogue's own rules
    /// are checked by <see cref="CatalogueCommands.PreviewImportAsync"/>.
    /// </summary>
    /// <param name="departments">Department unit ids by code.</param>
    public static (IReadOnlyList<CatalogueImportRow> Rows, IReadOnlyList<FieldViolation> Errors) Parse(string? text, IReadOnlyDictionary<string, int> departments)
    {
        if (TextRules.Check(text, MaxLength, multiLine: true) is { } refused) return ([], [new FieldViolation(Field, refused)]);
        var rows = new List<CatalogueImportRow>();
        var lines = (text ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            var cells = line.Split('\t').Select(c => c.Trim()).ToArray();
            if (rows.Count == 0 && (string.Equals(cells[0], Heading[0], StringComparison.OrdinalIgnoreCase) || cells[0] is "编码" or "事项编码")) continue;
            rows.Add(Read(i + 1, cells, departments));
        }
        if (rows.Count == 0) return ([], [new FieldViolation(Field, "Catalogue.ImportEmpty")]);
        return (rows, []);
    }

    private static CatalogueImportRow Read(int line, string[] cells, IReadOnlyDictionary<string, int> departments)
    {
        var code = cells[0];
        if (cells.Length is < Columns - 1 or > Columns)
            return new(line, code, null, string.Empty, false, [new FieldViolation(Field, "Catalogue.ImportColumns", Columns, cells.Length)]);
        var errors = new List<FieldViolation>();
        var departmentCode = cells[3];
        if (!departments.TryGetValue(departmentCode, out var departmentId)) errors.Add(new FieldViolation("DepartmentUnitId", "Catalogue.DepartmentUnknown", departmentCode));
        var level = Choice(cells[4], Levels, "Level", errors);
        var limit = int.TryParse(cells[5], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : Bad("StatutoryLimit", cells[5], errors);
        var unit = Choice(cells[6], Units, "Unit", errors);
        var stage = Choice(cells[8], Stages, "Stage", errors);
        var prerequisites = cells[9].Split([';', '；', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        bool? parallel = cells[10].ToLowerInvariant() switch
        {
            "是" or "yes" or "true" or "1" or "y" => true,
            "否" or "no" or "false" or "0" or "n" => false,
            _ => null,
        };
        if (parallel is null) Bad("MayRunInParallel", cells[10], errors);
        var greenText = cells.Length == Columns ? cells[11] : string.Empty;
        int? green = greenText.Length == 0 ? null
            : int.TryParse(greenText, NumberStyles.None, CultureInfo.InvariantCulture, out var g) ? g : Bad("GreenChannelLimit", greenText, errors);
        if (errors.Count > 0) return new(line, code, null, departmentCode, false, errors);
        return new(line, code, new CatalogueItemInput(code, cells[1], cells[2], departmentId, level, limit, unit, cells[7], stage, prerequisites,
            parallel!.Value, green), departmentCode, false, []);
    }

    private static T Choice<T>(string text, Dictionary<string, T> words, string field, List<FieldViolation> errors) where T : struct, Enum
    {
        if (words.TryGetValue(text, out var value)) return value;
        if (!int.TryParse(text, out _) && Enum.TryParse<T>(text, ignoreCase: true, out var named) && Choices.IsKnown(named)) return named;
        errors.Add(new FieldViolation(field, "Catalogue.ImportValueInvalid", text));
        return default;
    }

    private static int Bad(string field, string text, List<FieldViolation> errors)
    {
        errors.Add(new FieldViolation(field, "Catalogue.ImportValueInvalid", text));
        return 0;
    }

    /// <summary>Catalogue items as import lines (the heading first), so that the catalogue can be copied out, edited and pasted back.</summary>
    public static string Format(IEnumerable<(CatalogueItem Item, string DepartmentCode)> items) =>
        string.Join('\n', new[] { string.Join('\t', Heading) }.Concat(items.Select(p => string.Join('\t',
            p.Item.Code, p.Item.Name, p.Item.NameEn, p.DepartmentCode, p.Item.Level, p.Item.StatutoryLimit.ToString(CultureInfo.InvariantCulture),
            p.Item.Unit, p.Item.LegalSource, p.Item.Stage, string.Join(';', p.Item.Prerequisites), p.Item.MayRunInParallel ? "yes" : "no",
            p.Item.GreenChannelLimit?.ToString(CultureInfo.InvariantCulture) ?? string.Empty))));
}
