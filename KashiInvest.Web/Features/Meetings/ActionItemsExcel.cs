using KashiInvest.Domain.Common;
using KashiInvest.Domain.Meetings;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Excel;

namespace KashiInvest.Web.Features.Meetings;

/// <summary>A meeting's action items (交办事项) as a workbook: the items its page lists, with owner, deadline and status.</summary>
public static class ActionItemsExcel
{
    public static ExcelSheet<ActionView> Sheet(UiText t, ReferenceCache.Snapshot reference) => new("Meetings.Actions", "action-items",
    [
        new("Meetings.Action.Text", ExcelKind.Text, a => a.Text),
        new("Project.Code", ExcelKind.Text, a => a.ProjectCode),
        new("Ledger.Field.Project", ExcelKind.Text, a => a.ProjectName),
        new("Meetings.Action.Owner", ExcelKind.Choice, a => reference.UnitName(a.OwnerUnitId)),
        new("Meetings.Action.Due", ExcelKind.Date, a => a.DueOn),
        new("Meetings.Action.Status", ExcelKind.Choice, a => a.IsOpen ? t[a.IsOverdue ? "Meetings.Overdue" : "ActionItemStatus.Open"] : t["ActionItemStatus.Done"]),
        new("Excel.Col.DoneOn", ExcelKind.Date, a => a.DoneOn),
        new("Excel.Col.DoneNote", ExcelKind.Text, a => a.DoneNote),
        new("Excel.Col.Meeting", ExcelKind.Text, a => a.MeetingTitle),
        new("Excel.Col.MeetingOn", ExcelKind.Date, a => BeijingTime.DateOf(a.MeetingStartsAtUtc)),
    ]);

    /// <summary>The items of one meeting's list (its own, or those carried over), named by the meeting in the title row.</summary>
    public static ExcelFile Export(ExcelExporter exporter, UiText t, ReferenceCache.Snapshot reference, IEnumerable<ActionView> actions, string meetingTitle, string listKey) =>
        exporter.Export(Sheet(t, reference), actions, new ExcelFilters().When("Excel.Col.Meeting", meetingTitle).When("Excel.Col.List", t[listKey]));
}
