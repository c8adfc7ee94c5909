using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KashiInvest.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WtLeads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "Investors",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

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
                name: "IX_Investors_NameKey",
                table: "Investors",
                column: "NameKey");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntentionEntries");

            migrationBuilder.DropTable(
                name: "LeadForms");

            migrationBuilder.DropTable(
                name: "TargetPushHistory");

            migrationBuilder.DropTable(
                name: "WeeklyIntentionReports");

            migrationBuilder.DropTable(
                name: "TargetPushes");

            migrationBuilder.DropTable(
                name: "TargetEnterprises");

            migrationBuilder.DropIndex(
                name: "IX_Investors_NameKey",
                table: "Investors");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "Investors");
        }
    }
}
