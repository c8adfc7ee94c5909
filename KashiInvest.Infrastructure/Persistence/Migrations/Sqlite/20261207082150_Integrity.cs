using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KashiInvest.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Integrity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IntegrityCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Since = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: true),
                    CommitmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RectifyBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Plan = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Report = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VerifiedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    VerifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedBreachOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrityCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntegrityCases_Commitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "Commitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IntegrityCases_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IntegrityCases_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IntegrityCases_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IntegrityCaseHistory",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrityCaseHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntegrityCaseHistory_IntegrityCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "IntegrityCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrityCaseHistory_CaseId_AtUtc",
                table: "IntegrityCaseHistory",
                columns: new[] { "CaseId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrityCases_CommitmentId",
                table: "IntegrityCases",
                column: "CommitmentId");

            migrationBuilder.CreateIndex(
                name: "IX_IntegrityCases_ComplaintId",
                table: "IntegrityCases",
                column: "ComplaintId",
                unique: true,
                filter: "ComplaintId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_IntegrityCases_ProjectId",
                table: "IntegrityCases",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_IntegrityCases_Status_RectifyBy",
                table: "IntegrityCases",
                columns: new[] { "Status", "RectifyBy" });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrityCases_UnitId_Status",
                table: "IntegrityCases",
                columns: new[] { "UnitId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntegrityCaseHistory");

            migrationBuilder.DropTable(
                name: "IntegrityCases");
        }
    }
}
