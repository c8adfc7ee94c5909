using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KashiInvest.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ApprovalsFoundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApprovalCatalogue",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DepartmentUnitId = table.Column<int>(type: "int", nullable: false),
                    Level = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    StatutoryLimit = table.Column<int>(type: "int", nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    LegalSource = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    MayRunInParallel = table.Column<bool>(type: "bit", nullable: false),
                    GreenChannelLimit = table.Column<int>(type: "int", nullable: true),
                    DepartmentCommitment = table.Column<int>(type: "int", nullable: true),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    PrerequisiteCodes = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalCatalogue", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApprovalCatalogue_Units_DepartmentUnitId",
                        column: x => x.DepartmentUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CalendarYears",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Year = table.Column<int>(type: "int", nullable: false),
                    SourceTitle = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    SourcePublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarYears", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ServiceGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    GroupUnitId = table.Column<int>(type: "int", nullable: false),
                    HostUnitId = table.Column<int>(type: "int", nullable: false),
                    LeadUnitId = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceGroups_Units_GroupUnitId",
                        column: x => x.GroupUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceGroups_Units_HostUnitId",
                        column: x => x.HostUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceGroups_Units_LeadUnitId",
                        column: x => x.LeadUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServicePlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    HostUnitId = table.Column<int>(type: "int", nullable: false),
                    ApplicantName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Phases = table.Column<int>(type: "int", nullable: false),
                    GreenChannel = table.Column<bool>(type: "bit", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    PlannedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    PlannedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServicePlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServicePlans_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServicePlans_Units_HostUnitId",
                        column: x => x.HostUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CalendarYearId = table.Column<int>(type: "int", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalendarDays_CalendarYears_CalendarYearId",
                        column: x => x.CalendarYearId,
                        principalTable: "CalendarYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceGroupMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ServiceGroupId = table.Column<int>(type: "int", nullable: false),
                    DepartmentUnitId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceGroupMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceGroupMembers_ServiceGroups_ServiceGroupId",
                        column: x => x.ServiceGroupId,
                        principalTable: "ServiceGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ServiceGroupMembers_Units_DepartmentUnitId",
                        column: x => x.DepartmentUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceGroupProxies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ServiceGroupId = table.Column<int>(type: "int", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    DepartmentUnitId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceGroupProxies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceGroupProxies_ServiceGroups_ServiceGroupId",
                        column: x => x.ServiceGroupId,
                        principalTable: "ServiceGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ServiceGroupProxies_Units_DepartmentUnitId",
                        column: x => x.DepartmentUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ServicePlanId = table.Column<int>(type: "int", nullable: false),
                    ProjectId = table.Column<int>(type: "int", nullable: false),
                    HostUnitId = table.Column<int>(type: "int", nullable: false),
                    CatalogueItemId = table.Column<int>(type: "int", nullable: false),
                    ItemCode = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ItemName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ItemNameEn = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DepartmentUnitId = table.Column<int>(type: "int", nullable: false),
                    Level = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    PrerequisiteCodes = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    MayRunInParallel = table.Column<bool>(type: "bit", nullable: false),
                    StatutoryLimit = table.Column<int>(type: "int", nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Limit = table.Column<int>(type: "int", nullable: false),
                    GreenChannel = table.Column<bool>(type: "bit", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Holder = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClockStartOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CertificateIssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CertificateNumber = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    LastStepOn = table.Column<DateOnly>(type: "date", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanItems_ApprovalCatalogue_CatalogueItemId",
                        column: x => x.CatalogueItemId,
                        principalTable: "ApprovalCatalogue",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanItems_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanItems_ServicePlans_ServicePlanId",
                        column: x => x.ServicePlanId,
                        principalTable: "ServicePlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanItems_Units_DepartmentUnitId",
                        column: x => x.DepartmentUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanItemPauses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PlanItemId = table.Column<int>(type: "int", nullable: false),
                    Procedure = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpectedEndOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanItemPauses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanItemPauses_PlanItems_PlanItemId",
                        column: x => x.PlanItemId,
                        principalTable: "PlanItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanItemSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PlanItemId = table.Column<int>(type: "int", nullable: false),
                    Action = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UnitId = table.Column<int>(type: "int", nullable: true),
                    StatusAfter = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanItemSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanItemSteps_PlanItems_PlanItemId",
                        column: x => x.PlanItemId,
                        principalTable: "PlanItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalCatalogue_Code",
                table: "ApprovalCatalogue",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalCatalogue_DepartmentUnitId",
                table: "ApprovalCatalogue",
                column: "DepartmentUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarDays_CalendarYearId",
                table: "CalendarDays",
                column: "CalendarYearId");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarDays_Date",
                table: "CalendarDays",
                column: "Date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalendarYears_Year",
                table: "CalendarYears",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanItemPauses_PlanItemId",
                table: "PlanItemPauses",
                column: "PlanItemId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanItems_CatalogueItemId",
                table: "PlanItems",
                column: "CatalogueItemId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanItems_DepartmentUnitId_Status",
                table: "PlanItems",
                columns: new[] { "DepartmentUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanItems_Holder",
                table: "PlanItems",
                column: "Holder");

            migrationBuilder.CreateIndex(
                name: "IX_PlanItems_HostUnitId_Status",
                table: "PlanItems",
                columns: new[] { "HostUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanItems_ProjectId",
                table: "PlanItems",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanItems_ServicePlanId_CatalogueItemId",
                table: "PlanItems",
                columns: new[] { "ServicePlanId", "CatalogueItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanItemSteps_PlanItemId_AtUtc",
                table: "PlanItemSteps",
                columns: new[] { "PlanItemId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceGroupMembers_DepartmentUnitId",
                table: "ServiceGroupMembers",
                column: "DepartmentUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceGroupMembers_ServiceGroupId_DepartmentUnitId",
                table: "ServiceGroupMembers",
                columns: new[] { "ServiceGroupId", "DepartmentUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceGroupProxies_DepartmentUnitId",
                table: "ServiceGroupProxies",
                column: "DepartmentUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceGroupProxies_ServiceGroupId_DepartmentUnitId_UserName",
                table: "ServiceGroupProxies",
                columns: new[] { "ServiceGroupId", "DepartmentUnitId", "UserName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceGroupProxies_UserName",
                table: "ServiceGroupProxies",
                column: "UserName");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceGroups_GroupUnitId",
                table: "ServiceGroups",
                column: "GroupUnitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceGroups_HostUnitId",
                table: "ServiceGroups",
                column: "HostUnitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceGroups_LeadUnitId",
                table: "ServiceGroups",
                column: "LeadUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ServicePlans_HostUnitId_Status",
                table: "ServicePlans",
                columns: new[] { "HostUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ServicePlans_ProjectId",
                table: "ServicePlans",
                column: "ProjectId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "PlanItemPauses");

            migrationBuilder.DropTable(
                name: "PlanItemSteps");

            migrationBuilder.DropTable(
                name: "ServiceGroupMembers");

            migrationBuilder.DropTable(
                name: "ServiceGroupProxies");

            migrationBuilder.DropTable(
                name: "CalendarYears");

            migrationBuilder.DropTable(
                name: "PlanItems");

            migrationBuilder.DropTable(
                name: "ServiceGroups");

            migrationBuilder.DropTable(
                name: "ApprovalCatalogue");

            migrationBuilder.DropTable(
                name: "ServicePlans");
        }
    }
}
