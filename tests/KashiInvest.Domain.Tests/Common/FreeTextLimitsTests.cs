using System.Reflection;
using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Evaluations;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Leads;
using KashiInvest.Domain.Meetings;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Domain.Signing;
using KashiInvest.Domain.Targets;
using KashiInvest.Domain.Triage;
using KashiInvest.Domain.Units;
using KashiInvest.Domain.Tests.Meetings;
using KashiInvest.Domain.Tests.Support;

namespace KashiInvest.Domain.Tests.Common;

/// <summary>
/// Every string a user can type into the domain has a limit the domain enforces (SQLite ignores column sizes) and
/// refuses control characters. The domain is read by reflection: every string property of a public record (the
/// inputs) and every string parameter of a public method must be listed here, either with a probe that proves the
/// limit, or as not typed by users, with the reason. A new free-text field without a limit fails the first test.
/// </summary>
public partial class FreeTextLimitsTests
{
    private static readonly DateOnly Today = TestProjects.Today;
    private static readonly Actor Actor = TestProjects.Actor;

    /// <summary>One free-text field: its limit, whether it may hold line breaks, and what the domain says to a value in it (null: accepted).</summary>
    public sealed record Probe(string Member, int MaxLength, bool MultiLine, Func<string, RuleViolation?> Apply)
    {
        public override string ToString() => Member;
    }

    private static RuleViolation? FieldOf(IEnumerable<FieldViolation> errors, string field) =>
        errors.FirstOrDefault(e => e.Field == field)?.Violation;

    private static RuleViolation? Thrown(Action act)
    {
        try { act(); return null; }
        catch (DomainRuleException ex) { return ex.Violation; }
    }

    private static readonly EvaluationInput Evaluation0 = new(Today, [1], "招商局、莎车县", [], EvaluationDecision.Pass, null);
    private static readonly LeadFormInput Lead0 = new("某纺织集团有限公司", null, SourceRegionCode.Shandong, InvestorTier.None, "背景", null, "棉纺项目",
        3, null, 7, 10_000m, 100, "用地", Feasibility.High, "可行", Today, "王总", "李科长");
    private static readonly IntentionInput Intention0 = new("某纺织集团有限公司", null, 3, "棉纺项目", 10_000m, 100, ContactStage.Talks, null);
    private static readonly TargetInput Target0 = new("某纺织集团有限公司", null, 3, null, SourceRegionCode.Shandong, InvestorTier.None, null);
    private static readonly AgreementInput Agreement0 = new(Today, 75_000m, 600, 20, null);
    private static readonly WorkGroupInput WorkGroup0 = new("县长", true, [1, 2], 3);

    private static Problem NewProblem(string description = "用地指标未落实") =>
        new(1, ProblemCategory.Other, null, description, ProblemSeverity.Medium, 7, Today.AddDays(10), Actor, TestProjects.Now);

    private static Problem ResolvedProblem()
    {
        var p = NewProblem();
        p.Resolve("已协调解决", Actor, TestProjects.Now);
        return p;
    }

    private static Meeting Running()
    {
        var m = MeetingTests.WithItems();
        m.Start(MeetingTests.Zhang, "张科长", MeetingTests.Nine);
        return m;
    }

    private static ActionItem Action(string text = "三日内报送用地方案") =>
        ActionItem.Record(Running(), null, text, 7, Today.AddDays(30), null, null, ProblemEffect.None, null, MeetingTests.Zhang, MeetingTests.Nine);

    private static ProgressReport Report(string narrative, string? nextSteps) =>
        ProgressReporting.Submit(TestProjects.SignedKeyProject(new DateOnly(2026, 10, 20), ProjectStage.Construction), new HalfMonthPeriod(2026, 11, 1),
            ReportKind.Fortnightly, null, new ReportInput(narrative, nextSteps, 0m, 0m, []), Actor, TestProjects.Now, 3);

    private static TargetPush Push() => new(1, 10, 3, PushReason.Chain, new Actor("bureau", 1), TestProjects.Now.AddDays(-10));

    public static readonly Probe[] Probes =
    [
        // Projects
        new("ProjectDetails.Name", ProjectDetailsRules.NameMaxLength, false, v => FieldOf(ProjectDetailsRules.Validate(TestProjects.Details(name: v), Today), "Name")),
        new("ProjectDetails.Description", ProjectDetailsRules.DescriptionMaxLength, true, v => FieldOf(ProjectDetailsRules.Validate(TestProjects.Details(description: v), Today), "Description")),
        new("ProjectDetails.ResponsibleLeader", ProjectDetailsRules.PersonMaxLength, false, v => FieldOf(ProjectDetailsRules.Validate(TestProjects.Details(responsibleLeader: v), Today), "ResponsibleLeader")),
        new("ProjectDetails.LeaderInCharge", ProjectDetailsRules.PersonMaxLength, false, v => FieldOf(ProjectDetailsRules.Validate(TestProjects.Details(leaderInCharge: v), Today), "LeaderInCharge")),
        new("MilestoneInput.Name", Milestone.NameMaxLength, false, v => FieldOf(ProjectDetailsRules.Validate(TestProjects.Details(milestones: [TestProjects.Milestone(v, Today)]), Today), "Milestones[0].Name")),
        new("StageTransition.Note", ProjectStageChange.NoteMaxLength, true, v => ProjectLifecycle.Check(TestProjects.Create(ProjectStage.Evaluation), new StageTransition(ProjectStage.Reserve, v), Today)),
        // Investors and targets
        new("Investor.ctor(name)", Investor.NameMaxLength, false, v => Thrown(() => _ = new Investor(v, null, InvestorTier.None, SourceRegionCode.Shandong))),
        new("Investor.Update(name)", Investor.NameMaxLength, false, v => Thrown(() => new Investor("某集团", null, InvestorTier.None, SourceRegionCode.Shandong).Update(v, null, InvestorTier.None, SourceRegionCode.Shandong))),
        new("TargetInput.Name", Investor.NameMaxLength, false, v => FieldOf(TargetEnterprise.Validate(Target0 with { Name = v }), "Name")),
        new("TargetInput.Notes", TargetEnterprise.NotesMaxLength, true, v => FieldOf(TargetEnterprise.Validate(Target0 with { Notes = v }), "Notes")),
        new("TargetPush.CheckRecord(note)", TargetPush.NoteMaxLength, true, v => Push().CheckRecord(TargetFollowUp.Contacted, v, Today, Today)),
        new("TargetPush.Record(note)", TargetPush.NoteMaxLength, true, v => Thrown(() => Push().Record(TargetFollowUp.Contacted, v, Today, Actor, TestProjects.Now))),
        // Leads
        new("LeadFormInput.EnterpriseName", Investor.NameMaxLength, false, v => FieldOf(LeadFormRules.Validate(Lead0 with { EnterpriseName = v }, Today), "EnterpriseName")),
        new("LeadFormInput.Background", LeadFormRules.TextMaxLength, true, v => FieldOf(LeadFormRules.Validate(Lead0 with { Background = v }, Today), "Background")),
        new("LeadFormInput.Operations", LeadFormRules.TextMaxLength, true, v => FieldOf(LeadFormRules.Validate(Lead0 with { Operations = v }, Today), "Operations")),
        new("LeadFormInput.ProjectName", ProjectDetailsRules.NameMaxLength, false, v => FieldOf(LeadFormRules.Validate(Lead0 with { ProjectName = v }, Today), "ProjectName")),
        new("LeadFormInput.Demands", LeadFormRules.TextMaxLength, true, v => FieldOf(LeadFormRules.Validate(Lead0 with { Demands = v }, Today), "Demands")),
        new("LeadFormInput.FeasibilityNote", LeadFormRules.TextMaxLength, true, v => FieldOf(LeadFormRules.Validate(Lead0 with { FeasibilityNote = v }, Today), "FeasibilityNote")),
        new("LeadFormInput.PeopleVisited", LeadFormRules.PeopleMaxLength, false, v => FieldOf(LeadFormRules.Validate(Lead0 with { PeopleVisited = v }, Today), "PeopleVisited")),
        new("LeadFormInput.Visitors", LeadFormRules.PeopleMaxLength, false, v => FieldOf(LeadFormRules.Validate(Lead0 with { Visitors = v }, Today), "Visitors")),
        new("IntentionInput.InvestorName", Investor.NameMaxLength, false, v => FieldOf(WeeklyIntentionReport.Validate(ReportWeek.Containing(Today), false, [Intention0 with { InvestorName = v }], Today), "Entries[0].InvestorName")),
        new("IntentionInput.ProjectName", ProjectDetailsRules.NameMaxLength, false, v => FieldOf(WeeklyIntentionReport.Validate(ReportWeek.Containing(Today), false, [Intention0 with { ProjectName = v }], Today), "Entries[0].ProjectName")),
        new("IntentionInput.Notes", WeeklyIntentionReport.TextMaxLength, true, v => FieldOf(WeeklyIntentionReport.Validate(ReportWeek.Containing(Today), false, [Intention0 with { Notes = v }], Today), "Entries[0].Notes")),
        // Triage, evaluation, signing
        new("TriageInput.Text", TriageStep.TextMaxLength, true, v => FieldOf(TriageRules.Validate(TriageAction.Return, new TriageInput(Text: v), Today), "Text")),
        new("TriageInput.ResponsibleLeader", ProjectDetailsRules.PersonMaxLength, false, v => FieldOf(TriageRules.Validate(TriageAction.Decide, new TriageInput(ResponsibleLeader: v), Today), "ResponsibleLeader")),
        new("TriageInput.Meeting", TriageStep.ShortTextMaxLength, false, v => FieldOf(TriageRules.Validate(TriageAction.Decide, new TriageInput(Meeting: v), Today), "Meeting")),
        new("EvaluationInput.Attendees", Evaluation.TextMaxLength, true, v => FieldOf(EvaluationRules.Validate(Evaluation0 with { Attendees = v }, Today), "Attendees")),
        new("EvaluationInput.Reasons", Evaluation.TextMaxLength, true, v => FieldOf(EvaluationRules.Validate(Evaluation0 with { Reasons = v }, Today), "Reasons")),
        new("CriterionJudgement.Comment", Evaluation.CommentMaxLength, true, v => FieldOf(EvaluationRules.Validate(Evaluation0 with
            { Criteria = [new CriterionJudgement(EvaluationCriterion.Feasibility, Judgement.Good, v)] }, Today), $"Criteria[{EvaluationCriterion.Feasibility}]")),
        new("AgreementInput.Number", SigningRules.NumberMaxLength, false, v => FieldOf(SigningRules.Validate(Agreement0 with { Number = v }, Today), "Number")),
        new("WorkGroupInput.LeaderInCharge", ProjectDetailsRules.PersonMaxLength, false, v => FieldOf(WorkGroupRules.Validate(WorkGroupLevel.KeyProject, WorkGroup0 with { LeaderInCharge = v }), "LeaderInCharge")),
        // Reports
        new("ReportInput.Narrative", ProgressReport.TextMaxLength, true, v => Thrown(() => Report(v, null))),
        new("ReportInput.NextSteps", ProgressReport.TextMaxLength, true, v => Thrown(() => Report("主体施工中", v))),
        // Problem ledger
        new("Problem.ctor(description)", Problem.TextMaxLength, true, v => Thrown(() => NewProblem(v))),
        new("Problem.Assign(note)", Problem.TextMaxLength, true, v => Thrown(() => NewProblem().Assign(8, null, v, Actor, TestProjects.Now))),
        new("Problem.Escalate(reason)", Problem.TextMaxLength, true, v => Thrown(() => NewProblem().Escalate(v, 8, null, Actor, TestProjects.Now))),
        new("Problem.Resolve(resolution)", Problem.TextMaxLength, true, v => Thrown(() => NewProblem().Resolve(v, Actor, TestProjects.Now))),
        new("Problem.Reopen(reason)", Problem.TextMaxLength, true, v => Thrown(() => ResolvedProblem().Reopen(v, Actor, TestProjects.Now))),
        // Alerts
        new("Alert.Acknowledge(note)", Alert.NoteMaxLength, true, v => Thrown(() => new Alert(new AlertCondition(AlertKind.ReportOverdue, 1, null, "2026-11-H1", AlertSeverity.Medium, "ReportOverdue", []),
            new ProjectKey(1, 7, 3, 7), TestProjects.Now).Acknowledge(Actor, v, TestProjects.Now))),
        // Meetings
        new("MeetingDetails.Title", Meeting.TitleMaxLength, false, v => FieldOf((MeetingTests.Details() with { Title = v }).Validate(), "Title")),
        new("MeetingDetails.Place", Meeting.ShortTextMaxLength, false, v => FieldOf((MeetingTests.Details() with { Place = v }).Validate(), "Place")),
        new("MeetingDetails.Chair", Meeting.ShortTextMaxLength, false, v => FieldOf((MeetingTests.Details() with { Chair = v }).Validate(), "Chair")),
        new("MeetingDetails.Attendees", Meeting.TextMaxLength, true, v => FieldOf((MeetingTests.Details() with { Attendees = v }).Validate(), "Attendees")),
        new("Meeting.AddItem(title)", Meeting.TitleMaxLength, false, v => Thrown(() => MeetingTests.WithItems().AddItem(AgendaItemKind.Custom, null, null, null, v, null, MeetingTests.Nine))),
        new("Meeting.AddItem(note)", Meeting.TextMaxLength, true, v => Thrown(() => MeetingTests.WithItems().AddItem(AgendaItemKind.Custom, null, null, null, "其他事项", v, MeetingTests.Nine))),
        new("Meeting.Annotate(note)", Meeting.TextMaxLength, true, v => Thrown(() => MeetingTests.WithItems().Annotate(11, v, null, MeetingTests.Nine))),
        new("Meeting.Annotate(title)", Meeting.TitleMaxLength, false, v => Thrown(() => MeetingTests.WithItems().Annotate(11, null, v, MeetingTests.Nine))),
        new("Meeting.RecordDiscussion(discussion)", Meeting.TextMaxLength, true, v => Thrown(() => Running().RecordDiscussion(11, v, MeetingTests.Zhang, MeetingTests.Nine))),
        new("Meeting.RecordDecision(text)", Meeting.TextMaxLength, true, v => Thrown(() => Running().RecordDecision(11, v, MeetingTests.Zhang, MeetingTests.Nine))),
        new("ActionItem.Validate(text)", ActionItem.TextMaxLength, true, v => FieldOf(ActionItem.Validate(v, 7, Today.AddDays(30), Today, null, ProblemEffect.None), "Text")),
        new("ActionItem.Record(text)", ActionItem.TextMaxLength, true, v => Thrown(() => Action(v))),
        new("ActionItem.MarkDone(note)", ActionItem.TextMaxLength, true, v => Thrown(() => Action().MarkDone(v, true, MeetingTests.Zhang, MeetingTests.Nine))),
        .. ApprovalProbes(),
        .. StatisticsProbes(),
        .. BulletinProbes(),
        .. CommitmentProbes(),
        .. ChainProbes(),
        .. AssessmentProbes(),
        .. ComplaintProbes(),
        .. IntegrityProbes(),
    ];

    /// <summary>Strings that reach the domain without being typed into a form, each with the reason.</summary>
    private static readonly Dictionary<string, string> NotTyped = new()
    {
        ["Actor.UserName"] = "the signed-in account",
        ["Actor.System(job)"] = "a job name in code",
        ["UserScope.UserName"] = "the signed-in account",
        ["UserScope.DisplayName"] = "the signed-in account",
        ["AgendaProjectFact.Code"] = "a fact read from the database for the agenda",
        ["MilestoneFact.Name"] = "a fact read from the database for the health rules",
        ["OverdueApprovalsFact.OldestItemName"] = "a catalogue item's name read from the database for the health rules",
        ["OverdueApprovalsFact.OldestItemNameEn"] = "a catalogue item's name read from the database for the health rules",
        ["HealthReason.Code"] = "built by the health rules",
        ["HealthReason.Subject"] = "built by the health rules",
        ["RuleViolation.Code"] = "a rule code in code",
        ["FieldViolation.Field"] = "a field name in code",
        ["DomainRuleException.ctor(code)"] = "a rule code in code",
        ["AuditEntry.ctor(userName)"] = "written by the unit of work",
        ["AuditEntry.ctor(entityType)"] = "written by the unit of work",
        ["AuditEntry.ctor(entityId)"] = "written by the unit of work",
        ["AuditEntry.ctor(before)"] = "written by the unit of work",
        ["AuditEntry.ctor(after)"] = "written by the unit of work",
        ["AuditEntry.AssignEntityId(id)"] = "written by the unit of work",
        ["Project.Create(code)"] = "allocated by ProjectCodes",
        ["Alert.KeyOf(subject)"] = "built by the alert rules",
        ["AlertCondition.Subject"] = "built by the alert rules",
        ["AlertCondition.Code"] = "built by the alert rules",
        ["IndustryChain.ctor(code)"] = "reference data seeded by the app",
        ["IndustryChain.ctor(name)"] = "reference data seeded by the app",
        ["IndustryChain.ctor(nameEn)"] = "reference data seeded by the app",
        ["IndustryChain.RemoveLocalEnterprise(name)"] = "removes only a name already on the link's list",
        ["Unit.ctor(code)"] = "reference data seeded by the app",
        ["Unit.ctor(name)"] = "reference data seeded by the app",
        ["Unit.ctor(nameEn)"] = "reference data seeded by the app",
        ["ProgressReport.ctor(narrative)"] = "built only by ProgressReporting.Submit, which checks ReportInput",
        ["ProgressReport.ctor(nextSteps)"] = "built only by ProgressReporting.Submit, which checks ReportInput",
        ["InvestorMatching.NormalizeName(name)"] = "a lookup key; writes nothing",
        ["InvestorMatching.Find(name)"] = "a lookup; writes nothing",
        ["InvestorCandidate.Name"] = "a lookup row read from the database",
        ["InvestorCandidate.CreditCode"] = "a lookup row read from the database",
        ["ReportWeek.TryParse(text)"] = "a parser of an address parameter; writes nothing",
        ["WorkGroupComposition.LeaderInCharge"] = "the stored group read back; typed through WorkGroupInput",
        ["MeetingDetails.ChairUserId"] = "picked from the list of accounts, never typed",
        ["Meeting.Start(presenterName)"] = "the signed-in account's display name",
        ["Meeting.TakeOver(presenterName)"] = "the signed-in account's display name",
        // A credit code is checked character by character (18 of its alphabet, with a check character): see CreditCodes_refuse_oversize_and_control_characters.
        ["CreditCode.TryParse(input)"] = "the credit code's own format",
        ["CreditCode.Parse(input)"] = "the credit code's own format",
        ["CreditCode.Complete(first17)"] = "the credit code's own format (demo data)",
        ["LeadFormInput.CreditCode"] = "the credit code's own format",
        ["ApprovalItemFacts.ItemName"] = "a fact read from the database for the alert rules",
        ["CommitmentAlertFacts.DocumentNumber"] = "a fact read from the database for the alert rules",
        // The complaint window: what the app makes (tracking number, code, hash) and what only looks a complaint up.
        ["ComplaintAlertFacts.TrackingNumber"] = "a fact read from the database for the alert rules",
        ["IntegrityAlertFacts.Title"] = "a fact read from the database for the alert rules",
        ["ComplaintInput.CreditCode"] = "the credit code's own format",
        ["ComplaintInput.Phone"] = "a phone number's own format, after the length and character rules: see ComplaintTests.A_phone_number_has_a_limit_and_no_control_characters",
        ["Complaint.ctor(trackingNumber)"] = "made by ComplaintCode.NewTrackingNumber",
        ["Complaint.ctor(codeHash)"] = "made by ComplaintCode.Hash from a code made by ComplaintCode.NewCode",
        ["Complaint.HasCode(code)"] = "a lookup; writes nothing (ComplaintCode.Matches ignores anything longer than MaxTypedLength)",
        ["Complaint.IsPhone(text)"] = "a check; writes nothing",
        ["ComplaintCode.Hash(code)"] = "a code made by ComplaintCode.NewCode",
        ["ComplaintCode.Matches(code)"] = "a lookup; writes nothing",
        ["ComplaintCode.Matches(stored)"] = "the stored hash",
        ["ComplaintCode.Normalize(text)"] = "a lookup key; writes nothing",
        ["HolidayNotice.Title"] = "the confirmed State Council notices, in code",
        ["ServiceGroup.IsProxy(userName)"] = "a lookup; writes nothing",
        ["ServiceGroup.RemoveProxy(userName)"] = "removes only a name already in the group",
        ["StatMonth.TryParse(text)"] = "a parser of an address parameter; writes nothing",
        ["Choices.Add(field)"] = "a field name in code",
        ["IntentionInput.CreditCode"] = "the credit code's own format",
        ["TargetInput.CreditCode"] = "the credit code's own format",
        // The bulletin: names and figures read from the database for its snapshot, and a setting checked at start.
        ["Bulletin.FormatNumber(prefix)"] = "the NumberPrefix setting, validated at start (1–20 characters)",
        ["BulletinUnitRow.Name"] = "a unit's name read from the database for the snapshot",
        ["BulletinUnitRow.NameEn"] = "a unit's name read from the database for the snapshot",
        ["SlowProject.Code"] = "a project's code read from the database for the snapshot",
        ["SlowProject.Name"] = "a project's name read from the database for the snapshot (typed through ProjectDetails)",
        ["SlowProject.UnitName"] = "a unit's name read from the database for the snapshot",
        ["SlowProject.UnitNameEn"] = "a unit's name read from the database for the snapshot",
        ["SlowProject.Subject"] = "a milestone's or approval item's name read from the database for the snapshot",
        ["SupervisionEntry.Name"] = "a unit's name carried from UnitPerformance by the supervision rule",
        ["SupervisionEntry.NameEn"] = "a unit's name carried from UnitPerformance by the supervision rule",
        ["PraiseEntry.Name"] = "a unit's name carried from UnitPerformance by the supervision rule",
        ["PraiseEntry.NameEn"] = "a unit's name carried from UnitPerformance by the supervision rule",
        ["UnitPerformance.Name"] = "a unit's name read from the database for the supervision rule",
        ["UnitPerformance.NameEn"] = "a unit's name read from the database for the supervision rule",
        // The assessment: facts read from the database for the scoring, the signed-in account, and entries already checked.
        ["AssessmentFact.Label"] = "a project's, commitment's or approval item's name read from the database for the scoring",
        ["RoundStep.UserName"] = "the signed-in account",
        ["RoundStep.Comment"] = "a comment already checked by AssessmentRound.SendBack / Approve",
        ["CheckEntry.ctor(evidence)"] = "built by AssessmentRound.EnterCheck after its check (or read back from storage)",
        ["RectifyTask.Text"] = "built by SupervisionRule.TasksOf from the RectifyActionText setting (validated at start); ActionItem.FromBulletin checks it",
    };

    private static IEnumerable<string> StringInputsOfTheDomain()
    {
        const BindingFlags declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in typeof(TextRules).Assembly.GetExportedTypes())
        {
            if (type == typeof(TextRules) || type.IsEnum || type.IsInterface) continue;
            var isRecord = type.GetMethod("<Clone>$") is not null || (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null);
            if (isRecord)
            {
                foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                {
                    if (p.PropertyType == typeof(string) && p.SetMethod is not null) yield return $"{type.Name}.{p.Name}";
                }
                foreach (var m in type.GetMethods(declared).Where(m => !m.IsSpecialName && m.Name is not ("Equals" or "ToString" or "GetHashCode" or "Deconstruct")))
                {
                    foreach (var par in m.GetParameters().Where(p => p.ParameterType == typeof(string))) yield return $"{type.Name}.{m.Name}({par.Name})";
                }
                continue;
            }
            var methods = type.GetMethods(declared).Where(m => !m.IsSpecialName && m.Name is not ("Equals" or "ToString")).Cast<MethodBase>()
                .Concat(type.GetConstructors());
            foreach (var m in methods)
            {
                foreach (var par in m.GetParameters().Where(p => p.ParameterType == typeof(string) || p.ParameterType == typeof(string[])))
                    yield return $"{type.Name}.{(m is ConstructorInfo ? "ctor" : m.Name)}({par.Name})";
            }
        }
    }

    [Fact]
    public void Every_string_a_form_can_send_into_the_domain_has_a_probed_limit_or_a_reason()
    {
        var found = StringInputsOfTheDomain().ToHashSet();
        var known = Probes.Select(p => p.Member).Concat(NotTyped.Keys).ToHashSet();
        var unlisted = found.Except(known).Order().ToList();
        Assert.True(unlisted.Count == 0, "Free text without a limit (add a TextRules check and a probe here): " + string.Join(", ", unlisted));
        var stale = known.Except(found).Order().ToList();
        Assert.True(stale.Count == 0, "Listed here but no longer in the domain: " + string.Join(", ", stale));
    }

    public static TheoryData<string> ProbeNames()
    {
        var data = new TheoryData<string>();
        foreach (var p in Probes) data.Add(p.Member);
        return data;
    }

    private static Probe Get(string member) => Probes.Single(p => p.Member == member);

    [Theory]
    [MemberData(nameof(ProbeNames))]
    public void A_value_at_the_limit_is_accepted_and_one_character_more_is_refused_as_too_long(string member)
    {
        var probe = Get(member);
        Assert.Null(probe.Apply(new string('字', probe.MaxLength)));
        var refused = probe.Apply(new string('字', probe.MaxLength + 1));
        Assert.Equal(TextRules.TooLong, refused?.Code);
        Assert.Equal([probe.MaxLength], refused!.Args);
    }

    [Theory]
    [MemberData(nameof(ProbeNames))]
    public void A_200_KB_value_is_refused_as_too_long(string member) =>
        Assert.Equal(TextRules.TooLong, Get(member).Apply(new string('长', 200 * 1024))?.Code);

    [Theory]
    [MemberData(nameof(ProbeNames))]
    public void Control_characters_are_refused_and_line_breaks_only_in_multi_line_fields(string member)
    {
        var probe = Get(member);
        Assert.Equal(TextRules.ControlCharacters, probe.Apply("甲\u0000乙")?.Code);
        Assert.Equal(TextRules.ControlCharacters, probe.Apply("甲\u001b[2J乙")?.Code);
        var lines = probe.Apply("第一行\r\n第二行\t完");
        if (probe.MultiLine) Assert.Null(lines);
        else Assert.Equal(TextRules.ControlCharacters, lines?.Code);
    }

    [Fact]
    public void CreditCodes_refuse_oversize_and_control_characters()
    {
        Assert.False(CreditCode.TryParse(new string('9', 200 * 1024), out _, out var huge));
        Assert.NotNull(huge);
        Assert.False(CreditCode.TryParse("91650000\u00007100000X", out _, out var control));
        Assert.NotNull(control);
    }
}
