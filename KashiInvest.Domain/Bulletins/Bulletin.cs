using System.Globalization;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;

namespace KashiInvest.Domain.Bulletins;

/// <summary>Where a bulletin stands. Stored as strings.</summary>
public enum BulletinStatus
{
    /// <summary>The Bureau drafts and edits the narrative.</summary>
    Draft,
    /// <summary>Submitted for a leader's approval.</summary>
    Submitted,
    /// <summary>Approved by a leader: the Bureau publishes it.</summary>
    Approved,
    /// <summary>Published: read-only, visible to every unit.</summary>
    Published,
}

public enum BulletinAction { Drafted, Edited, Refreshed, Submitted, Returned, Approved, Published }

/// <summary>
/// The quarterly bulletin (季度通报, Art. 26): a quarter's figures taken from the approved returns (the
/// <see cref="Snapshot"/>), the narrative the Bureau writes, the supervision list and the praise. Draft → submitted →
/// approved by a leader → published (read-only); a leader may return it to draft with a comment.
/// </summary>
public sealed class Bulletin : AggregateRoot, IAudited
{
    public const int TitleMaxLength = 200;
    public const int SectionMaxLength = 8000;
    public const int CommentMaxLength = 2000;

    private Bulletin()
    {
        Number = NumberPrefix = IssuingOffice = Title = CreatedBy = string.Empty;
        Snapshot = null!;
    }

    /// <summary>The quarter as <see cref="StatQuarter.Index"/>; one bulletin per quarter.</summary>
    public int QuarterIndex { get; private set; }

    public StatQuarter Quarter => StatQuarter.FromIndex(QuarterIndex);

    /// <summary>The year of the number (the year the bulletin was drafted, Beijing).</summary>
    public int NumberYear { get; private set; }

    /// <summary>The sequence of the number within <see cref="NumberYear"/>, from 1.</summary>
    public int Sequence { get; private set; }

    public string NumberPrefix { get; private set; }

    /// <summary>The document number, e.g. 喀招通〔2026〕3号.</summary>
    public string Number { get; private set; }

    public string IssuingOffice { get; private set; }

    public BulletinStatus Status { get; private set; }

    public string Title { get; private set; }

    /// <summary>总体情况: the overall picture.</summary>
    public string? Overview { get; private set; }

    /// <summary>主要成效: what went well.</summary>
    public string? Highlights { get; private set; }

    /// <summary>存在问题: the problems.</summary>
    public string? Problems { get; private set; }

    /// <summary>下步工作要求: what is asked next.</summary>
    public string? NextSteps { get; private set; }

    public BulletinSnapshot Snapshot { get; private set; }

    public string CreatedBy { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public string? UpdatedBy { get; private set; }
    public DateTime? SubmittedAtUtc { get; private set; }
    public string? SubmittedBy { get; private set; }
    /// <summary>A leader's comment when returning it to draft; cleared on the next submission.</summary>
    public string? ReturnComment { get; private set; }
    public DateTime? ApprovedAtUtc { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTime? PublishedAtUtc { get; private set; }
    public string? PublishedBy { get; private set; }

    /// <summary>The date printed on the bulletin: the day it was published (Beijing), or null before.</summary>
    public DateOnly? PublishedOn => PublishedAtUtc is { } p ? BeijingTime.DateOf(p) : null;

    public bool IsReadOnly => Status == BulletinStatus.Published;

    public static string FormatNumber(string prefix, int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}〔{year}〕{sequence}号");

    /// <summary>Why <see cref="Draft"/> would refuse; null when it may proceed.</summary>
    public static RuleViolation? CheckDraft(UserScope scope, StatQuarter quarter, DateTime nowUtc)
    {
        if (!BulletinAccess.CanEdit(scope)) return new RuleViolation("Bulletin.BureauOnly");
        if (quarter.CloseUtc > nowUtc) return new RuleViolation("Bulletin.QuarterNotClosed", quarter.ToString());
        return null;
    }

    /// <summary>The Bureau drafts the bulletin of a closed quarter, with its number and the figures as they stand.</summary>
    public static Bulletin Draft(UserScope scope, StatQuarter quarter, int sequence, BulletinSettings settings, BulletinSnapshot snapshot, string title, DateTime nowUtc)
    {
        if (CheckDraft(scope, quarter, nowUtc) is { } violation) throw new DomainRuleException(violation);
        if (sequence < 1) throw new ArgumentOutOfRangeException(nameof(sequence));
        if (snapshot.QuarterIndex != quarter.Index) throw new ArgumentException("The snapshot is of another quarter.", nameof(snapshot));
        TextRules.Ensure(title, TitleMaxLength);
        var year = BeijingTime.DateOf(nowUtc).Year;
        var b = new Bulletin
        {
            QuarterIndex = quarter.Index,
            NumberYear = year,
            Sequence = sequence,
            NumberPrefix = settings.NumberPrefix.Trim(),
            Number = FormatNumber(settings.NumberPrefix.Trim(), year, sequence),
            IssuingOffice = settings.IssuingOffice.Trim(),
            Status = BulletinStatus.Draft,
            Title = string.IsNullOrWhiteSpace(title) ? quarter.ToString() : title.Trim(),
            Snapshot = snapshot,
            CreatedBy = scope.UserName,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
        };
        b.Raise(new BulletinChanged(b, BulletinAction.Drafted));
        return b;
    }

    /// <summary>Checks an edit of the narrative; every bad field is reported.</summary>
    public static IReadOnlyList<FieldViolation> ValidateNarrative(string? title, string? overview, string? highlights, string? problems, string? nextSteps)
    {
        var errors = new List<FieldViolation>();
        TextRules.Field(errors, nameof(Title), title, TitleMaxLength, required: true);
        TextRules.Field(errors, nameof(Overview), overview, SectionMaxLength, required: false, multiLine: true);
        TextRules.Field(errors, nameof(Highlights), highlights, SectionMaxLength, required: false, multiLine: true);
        TextRules.Field(errors, nameof(Problems), problems, SectionMaxLength, required: false, multiLine: true);
        TextRules.Field(errors, nameof(NextSteps), nextSteps, SectionMaxLength, required: false, multiLine: true);
        return errors;
    }

    /// <summary>Why the Bureau may not change this bulletin now; null when it may.</summary>
    public RuleViolation? CheckEdit(UserScope scope)
    {
        if (!BulletinAccess.CanEdit(scope)) return new RuleViolation("Bulletin.BureauOnly");
        return Status switch
        {
            BulletinStatus.Draft => null,
            BulletinStatus.Published => new RuleViolation("Bulletin.Published"),
            _ => new RuleViolation("Bulletin.NotDraft"),
        };
    }

    /// <summary>The Bureau edits the title and the narrative sections of a draft.</summary>
    public void EditNarrative(UserScope scope, string title, string? overview, string? highlights, string? problems, string? nextSteps, DateTime nowUtc)
    {
        if (CheckEdit(scope) is { } violation) throw new DomainRuleException(violation);
        var errors = ValidateNarrative(title, overview, highlights, problems, nextSteps);
        if (errors.Count > 0) throw new DomainRuleException(errors[0].Violation);
        Title = title.Trim();
        Overview = Clean(overview);
        Highlights = Clean(highlights);
        Problems = Clean(problems);
        NextSteps = Clean(nextSteps);
        Touch(scope, nowUtc);
        Raise(new BulletinChanged(this, BulletinAction.Edited));
    }

    /// <summary>The Bureau takes the figures again (a return was approved or revised since the draft).</summary>
    public void RefreshSnapshot(UserScope scope, BulletinSnapshot snapshot, DateTime nowUtc)
    {
        if (CheckEdit(scope) is { } violation) throw new DomainRuleException(violation);
        if (snapshot.QuarterIndex != QuarterIndex) throw new ArgumentException("The snapshot is of another quarter.", nameof(snapshot));
        Snapshot = snapshot;
        Touch(scope, nowUtc);
        Raise(new BulletinChanged(this, BulletinAction.Refreshed));
    }

    public RuleViolation? CheckSubmit(UserScope scope) => CheckEdit(scope);

    /// <summary>The Bureau submits the draft for a leader's approval.</summary>
    public void Submit(UserScope scope, DateTime nowUtc)
    {
        if (CheckSubmit(scope) is { } violation) throw new DomainRuleException(violation);
        Status = BulletinStatus.Submitted;
        SubmittedAtUtc = nowUtc;
        SubmittedBy = scope.UserName;
        ReturnComment = null;
        Touch(scope, nowUtc);
        Raise(new BulletinChanged(this, BulletinAction.Submitted));
    }

    /// <summary>Why a leader may not approve or return this bulletin now; null when they may.</summary>
    public RuleViolation? CheckReview(UserScope scope)
    {
        if (!BulletinAccess.CanApprove(scope)) return new RuleViolation("Bulletin.LeadersOnly");
        return Status switch
        {
            BulletinStatus.Submitted => null,
            BulletinStatus.Approved => new RuleViolation("Bulletin.AlreadyApproved"),
            BulletinStatus.Published => new RuleViolation("Bulletin.Published"),
            _ => new RuleViolation("Bulletin.NotSubmitted"),
        };
    }

    /// <summary>A leader approves the submitted bulletin.</summary>
    public void Approve(UserScope scope, DateTime nowUtc)
    {
        if (CheckReview(scope) is { } violation) throw new DomainRuleException(violation);
        Status = BulletinStatus.Approved;
        ApprovedAtUtc = nowUtc;
        ApprovedBy = scope.UserName;
        Touch(scope, nowUtc);
        Raise(new BulletinChanged(this, BulletinAction.Approved));
    }

    public RuleViolation? CheckReturn(UserScope scope, string? comment)
    {
        if (CheckReview(scope) is { } violation) return violation;
        if (string.IsNullOrWhiteSpace(comment)) return new RuleViolation("Bulletin.CommentRequired");
        return TextRules.Check(comment, CommentMaxLength, multiLine: true);
    }

    /// <summary>A leader returns the submitted bulletin to draft, with a comment.</summary>
    public void ReturnToDraft(UserScope scope, string comment, DateTime nowUtc)
    {
        if (CheckReturn(scope, comment) is { } violation) throw new DomainRuleException(violation);
        Status = BulletinStatus.Draft;
        ReturnComment = comment.Trim();
        Touch(scope, nowUtc);
        Raise(new BulletinChanged(this, BulletinAction.Returned));
    }

    public RuleViolation? CheckPublish(UserScope scope)
    {
        if (!BulletinAccess.CanEdit(scope)) return new RuleViolation("Bulletin.BureauOnly");
        return Status switch
        {
            BulletinStatus.Approved => null,
            BulletinStatus.Published => new RuleViolation("Bulletin.Published"),
            _ => new RuleViolation("Bulletin.NotApproved"),
        };
    }

    /// <summary>The Bureau publishes the approved bulletin: from now on it is read-only and visible to every unit.</summary>
    public void Publish(UserScope scope, DateTime nowUtc)
    {
        if (CheckPublish(scope) is { } violation) throw new DomainRuleException(violation);
        Status = BulletinStatus.Published;
        PublishedAtUtc = nowUtc;
        PublishedBy = scope.UserName;
        Touch(scope, nowUtc);
        Raise(new BulletinChanged(this, BulletinAction.Published));
    }

    private void Touch(UserScope scope, DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        UpdatedBy = scope.UserName;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A bulletin was drafted, edited or moved along its approval.</summary>
public sealed record BulletinChanged(Bulletin Bulletin, BulletinAction Action) : IDomainEvent;
