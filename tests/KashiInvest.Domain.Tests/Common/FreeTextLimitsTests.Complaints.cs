using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Complaints;
using KashiInvest.Domain.Tests.Approvals;
using KashiInvest.Domain.Tests.Complaints;

namespace KashiInvest.Domain.Tests.Common;

/// <summary>The probes of the complaint window: what the complainant types, the Bureau's notes and reasons, the unit's reply.</summary>
public partial class FreeTextLimitsTests
{
    private static readonly DateTime ComplaintNow = new(2026, 11, 16, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly ComplaintDay = new(2026, 11, 16);
    private static readonly Actor ComplaintBureau = new("bureau", 1);

    private static Complaint NewComplaint() => new(ComplaintTests.Input(), "TS1", ComplaintCode.Hash("ABCD2345"), Calendars.China, new ComplaintSettings(), ComplaintNow);

    private static Complaint ComplaintAt(ComplaintStatus status)
    {
        var c = NewComplaint();
        if (status == ComplaintStatus.Filed) return c;
        c.Accept(null, ComplaintDay, ComplaintBureau, ComplaintNow);
        c.Assign(7, null, Calendars.China, new ComplaintSettings(), ComplaintDay, ComplaintBureau, ComplaintNow);
        if (status == ComplaintStatus.Assigned) return c;
        c.Answer("已答复", ComplaintDay, new Actor("shache", 7), ComplaintNow);
        return c;
    }

    private static RuleViolation? ComplaintField(string field, ComplaintInput input) => FieldOf(Complaint.Validate(input), field);

    private static Probe[] ComplaintProbes() =>
    [
        new("ComplaintInput.EnterpriseName", Complaint.EnterpriseNameMaxLength, false, v => ComplaintField("EnterpriseName", ComplaintTests.Input() with { EnterpriseName = v })),
        new("ComplaintInput.ContactName", Complaint.ContactNameMaxLength, false, v => ComplaintField("ContactName", ComplaintTests.Input() with { ContactName = v })),
        new("ComplaintInput.ProjectName", Complaint.ProjectNameMaxLength, false, v => ComplaintField("ProjectName", ComplaintTests.Input() with { ProjectName = v })),
        new("ComplaintInput.Description", Complaint.DescriptionMaxLength, true, v => ComplaintField("Description", ComplaintTests.Input(v))),
        new("Complaint.Accept(note)", Complaint.NoteMaxLength, true, v => Thrown(() => ComplaintAt(ComplaintStatus.Filed).Accept(v, ComplaintDay, ComplaintBureau, ComplaintNow))),
        new("Complaint.Refuse(reason)", Complaint.ReasonMaxLength, true, v => Thrown(() => ComplaintAt(ComplaintStatus.Filed).Refuse(v, ComplaintBureau, ComplaintNow))),
        new("Complaint.Answer(reply)", Complaint.ReplyMaxLength, true, v => Thrown(() => ComplaintAt(ComplaintStatus.Assigned).Answer(v, ComplaintDay, ComplaintBureau, ComplaintNow))),
        new("Complaint.Rate(comment)", Complaint.CommentMaxLength, true, v => Thrown(() =>
            ComplaintAt(ComplaintStatus.Answered).Rate(ComplaintRating.Dissatisfied, v, Calendars.China, new ComplaintSettings(), ComplaintDay, ComplaintNow))),
    ];
}
