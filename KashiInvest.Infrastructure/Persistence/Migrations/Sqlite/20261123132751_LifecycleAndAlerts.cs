using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KashiInvest.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LifecycleAndAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AgreementNumber",
                table: "Projects",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AgreementRecordedAtUtc",
                table: "Projects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreementRecordedBy",
                table: "Projects",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AgreementTermYears",
                table: "Projects",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EvaluationPassedOn",
                table: "Projects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LeadServiceUnitId",
                table: "Projects",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LeaderIsPrincipal",
                table: "Projects",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "TriageStatus",
                table: "Projects",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "New");

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "Investors",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    HostUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    ChainId = table.Column<int>(type: "INTEGER", nullable: true),
                    SourceUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OpenKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ArgsJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RaisedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgeNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ClearedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Evaluations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AttendingUnitIds = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Attendees = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedByUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evaluations_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JobRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LeadForms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    InvestorId = table.Column<int>(type: "INTEGER", nullable: false),
                    FiledByUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FiledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EnterpriseName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 18, nullable: true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Tiers = table.Column<int>(type: "INTEGER", nullable: false),
                    Background = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Operations = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProjectName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChainId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChainLinkId = table.Column<int>(type: "INTEGER", nullable: true),
                    HostUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountWan = table.Column<long>(type: "INTEGER", nullable: false),
                    Jobs = table.Column<int>(type: "INTEGER", nullable: false),
                    Demands = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Feasibility = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FeasibilityNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeopleVisited = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Visitors = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadForms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeadForms_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LeadForms_Investors_InvestorId",
                        column: x => x.InvestorId,
                        principalTable: "Investors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LeadForms_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LeadForms_Units_FiledByUnitId",
                        column: x => x.FiledByUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProjectTriageSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ByUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Recommendation = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ResponsibleLeader = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Meeting = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectTriageSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectTriageSteps_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectWorkGroupDepartments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectWorkGroupDepartments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectWorkGroupDepartments_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProjectWorkGroupDepartments_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TargetEnterprises",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 18, nullable: true),
                    ChainId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChainLinkId = table.Column<int>(type: "INTEGER", nullable: true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Tiers = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetEnterprises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TargetEnterprises_ChainLinks_ChainLinkId",
                        column: x => x.ChainLinkId,
                        principalTable: "ChainLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TargetEnterprises_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WeeklyIntentionReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    WeekMonday = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NothingNew = table.Column<bool>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FirstFiledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FiledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeeklyIntentionReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WeeklyIntentionReports_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EvaluationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Criterion = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Judgement = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationCriteria_Evaluations_EvaluationId",
                        column: x => x.EvaluationId,
                        principalTable: "Evaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TargetPushes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChainId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LastNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    StatusOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: true),
                    PushedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PushedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetPushes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TargetPushes_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TargetPushes_TargetEnterprises_TargetId",
                        column: x => x.TargetId,
                        principalTable: "TargetEnterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TargetPushes_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IntentionEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    InvestorId = table.Column<int>(type: "INTEGER", nullable: false),
                    InvestorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 18, nullable: true),
                    ChainId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AmountWan = table.Column<long>(type: "INTEGER", nullable: true),
                    Jobs = table.Column<int>(type: "INTEGER", nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntentionEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntentionEntries_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IntentionEntries_Investors_InvestorId",
                        column: x => x.InvestorId,
                        principalTable: "Investors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IntentionEntries_WeeklyIntentionReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "WeeklyIntentionReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TargetPushHistory",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PushId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetPushHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TargetPushHistory_TargetPushes_PushId",
                        column: x => x.PushId,
                        principalTable: "TargetPushes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_LeadServiceUnitId",
                table: "Projects",
                column: "LeadServiceUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_TriageStatus",
                table: "Projects",
                column: "TriageStatus");

            migrationBuilder.CreateIndex(
                name: "IX_Investors_NameKey",
                table: "Investors",
                column: "NameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_ClearedAtUtc_Severity",
                table: "Alerts",
                columns: new[] { "ClearedAtUtc", "Severity" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_OpenKey",
                table: "Alerts",
                column: "OpenKey",
                unique: true,
                filter: "OpenKey IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_ProjectId_ClearedAtUtc",
                table: "Alerts",
                columns: new[] { "ProjectId", "ClearedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationCriteria_EvaluationId_Criterion",
                table: "EvaluationCriteria",
                columns: new[] { "EvaluationId", "Criterion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_HeldOn",
                table: "Evaluations",
                column: "HeldOn");

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_ProjectId_HeldOn",
                table: "Evaluations",
                columns: new[] { "ProjectId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_IntentionEntries_ChainId",
                table: "IntentionEntries",
                column: "ChainId");

            migrationBuilder.CreateIndex(
                name: "IX_IntentionEntries_InvestorId",
                table: "IntentionEntries",
                column: "InvestorId");

            migrationBuilder.CreateIndex(
                name: "IX_IntentionEntries_ReportId",
                table: "IntentionEntries",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_JobRuns_JobName_StartedAtUtc",
                table: "JobRuns",
                columns: new[] { "JobName", "StartedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadForms_ChainId",
                table: "LeadForms",
                column: "ChainId");

            migrationBuilder.CreateIndex(
                name: "IX_LeadForms_FiledByUnitId_FiledAtUtc",
                table: "LeadForms",
                columns: new[] { "FiledByUnitId", "FiledAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LeadForms_InvestorId",
                table: "LeadForms",
                column: "InvestorId");

            migrationBuilder.CreateIndex(
                name: "IX_LeadForms_ProjectId",
                table: "LeadForms",
                column: "ProjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectTriageSteps_ProjectId_AtUtc",
                table: "ProjectTriageSteps",
                columns: new[] { "ProjectId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectWorkGroupDepartments_ProjectId_UnitId",
                table: "ProjectWorkGroupDepartments",
                columns: new[] { "ProjectId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectWorkGroupDepartments_UnitId",
                table: "ProjectWorkGroupDepartments",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_TargetEnterprises_ChainId_Region",
                table: "TargetEnterprises",
                columns: new[] { "ChainId", "Region" });

            migrationBuilder.CreateIndex(
                name: "IX_TargetEnterprises_ChainLinkId",
                table: "TargetEnterprises",
                column: "ChainLinkId");

            migrationBuilder.CreateIndex(
                name: "IX_TargetEnterprises_CreditCode",
                table: "TargetEnterprises",
                column: "CreditCode");

            migrationBuilder.CreateIndex(
                name: "IX_TargetEnterprises_NameKey",
                table: "TargetEnterprises",
                column: "NameKey");

            migrationBuilder.CreateIndex(
                name: "IX_TargetPushes_ProjectId",
                table: "TargetPushes",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_TargetPushes_TargetId_UnitId",
                table: "TargetPushes",
                columns: new[] { "TargetId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TargetPushes_UnitId_Status",
                table: "TargetPushes",
                columns: new[] { "UnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_TargetPushHistory_PushId_AtUtc",
                table: "TargetPushHistory",
                columns: new[] { "PushId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyIntentionReports_UnitId_WeekMonday",
                table: "WeeklyIntentionReports",
                columns: new[] { "UnitId", "WeekMonday" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyIntentionReports_WeekMonday",
                table: "WeeklyIntentionReports",
                column: "WeekMonday");

            migrationBuilder.AddForeignKey(
                name: "FK_Projects_Units_LeadServiceUnitId",
                table: "Projects",
                column: "LeadServiceUnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Projects_Units_LeadServiceUnitId",
                table: "Projects");

            migrationBuilder.DropTable(
                name: "Alerts");

            migrationBuilder.DropTable(
                name: "EvaluationCriteria");

            migrationBuilder.DropTable(
                name: "IntentionEntries");

            migrationBuilder.DropTable(
                name: "JobRuns");

            migrationBuilder.DropTable(
                name: "LeadForms");

            migrationBuilder.DropTable(
                name: "ProjectTriageSteps");

            migrationBuilder.DropTable(
                name: "ProjectWorkGroupDepartments");

            migrationBuilder.DropTable(
                name: "TargetPushHistory");

            migrationBuilder.DropTable(
                name: "Evaluations");

            migrationBuilder.DropTable(
                name: "WeeklyIntentionReports");

            migrationBuilder.DropTable(
                name: "TargetPushes");

            migrationBuilder.DropTable(
                name: "TargetEnterprises");

            migrationBuilder.DropIndex(
                name: "IX_Projects_LeadServiceUnitId",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_TriageStatus",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Investors_NameKey",
                table: "Investors");

            migrationBuilder.DropColumn(
                name: "AgreementNumber",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "AgreementRecordedAtUtc",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "AgreementRecordedBy",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "AgreementTermYears",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "EvaluationPassedOn",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "LeadServiceUnitId",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "LeaderIsPrincipal",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "TriageStatus",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "Investors");
        }
    }
}
