using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KashiInvest.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class WtEvalsign : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AgreementNumber",
                table: "Projects",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AgreementRecordedAtUtc",
                table: "Projects",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreementRecordedBy",
                table: "Projects",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AgreementTermYears",
                table: "Projects",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EvaluationPassedOn",
                table: "Projects",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LeadServiceUnitId",
                table: "Projects",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LeaderIsPrincipal",
                table: "Projects",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "TriageStatus",
                table: "Projects",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "New");

            migrationBuilder.CreateTable(
                name: "Evaluations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    Level = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AttendingUnitIds = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Attendees = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Decision = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Reasons = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RecordedByUnitId = table.Column<int>(type: "int", nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                name: "ProjectTriageSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    Action = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    By = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ByUnitId = table.Column<int>(type: "int", nullable: true),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Recommendation = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    ResponsibleLeader = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Meeting = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: false)
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
                name: "EvaluationCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EvaluationId = table.Column<int>(type: "int", nullable: false),
                    Criterion = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Judgement = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
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

            migrationBuilder.CreateIndex(
                name: "IX_Projects_LeadServiceUnitId",
                table: "Projects",
                column: "LeadServiceUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_TriageStatus",
                table: "Projects",
                column: "TriageStatus");

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
                name: "EvaluationCriteria");

            migrationBuilder.DropTable(
                name: "ProjectTriageSteps");

            migrationBuilder.DropTable(
                name: "ProjectWorkGroupDepartments");

            migrationBuilder.DropTable(
                name: "Evaluations");

            migrationBuilder.DropIndex(
                name: "IX_Projects_LeadServiceUnitId",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_TriageStatus",
                table: "Projects");

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
        }
    }
}
