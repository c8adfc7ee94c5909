using KashiInvest.Web.Shared.Excel;

namespace KashiInvest.Web.Tests.Shared.Excel;

/// <summary>Reading an import preview by heading, as the import tests check it (<c>using static</c>).</summary>
internal static class ImportPreviewCells
{
    /// <summary>The index of a heading's cell in each row of the preview.</summary>
    public static int Col(ImportPreview p, string key) => p.Headings.ToList().IndexOf(key);

    /// <summary>The error code under the cell of <paramref name="key"/> in row <paramref name="rowNumber"/>; null when the cell is fine.</summary>
    public static string? Error(ImportPreview p, int rowNumber, string key) => p.Rows.Single(r => r.Number == rowNumber).Cells[Col(p, key)]?.Error?.Code;
}
