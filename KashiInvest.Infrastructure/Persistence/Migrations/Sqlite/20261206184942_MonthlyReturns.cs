using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KashiInvest.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MonthlyReturns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MonthlyReturns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    MonthIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Steps = table.Column<int>(type: "INTEGER", nullable: false),
                    ComputedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SubmittedLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReturnComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovedRevision = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyReturns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonthlyReturns_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MonthlyReturnFigures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MonthlyReturnId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChainId = table.Column<int>(type: "INTEGER", nullable: true),
                    ComputedValue = table.Column<long>(type: "INTEGER", nullable: false),
                    CorrectedValue = table.Column<long>(type: "INTEGER", nullable: true),
                    CorrectionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CorrectedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CorrectedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedValue = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyReturnFigures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonthlyReturnFigures_MonthlyReturns_MonthlyReturnId",
                        column: x => x.MonthlyReturnId,
                        principalTable: "MonthlyReturns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonthlyReturnHistory",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MonthlyReturnId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ByUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FigureCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ChainId = table.Column<int>(type: "INTEGER", nullable: true),
                    OldValue = table.Column<long>(type: "INTEGER", nullable: true),
                    NewValue = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyReturnHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonthlyReturnHistory_MonthlyReturns_MonthlyReturnId",
                        column: x => x.MonthlyReturnId,
                        principalTable: "MonthlyReturns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyReturnFigures_MonthlyReturnId_Code_ChainId",
                table: "MonthlyReturnFigures",
                columns: new[] { "MonthlyReturnId", "Code", "ChainId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyReturnHistory_MonthlyReturnId_AtUtc",
                table: "MonthlyReturnHistory",
                columns: new[] { "MonthlyReturnId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyReturns_MonthIndex_Status",
                table: "MonthlyReturns",
                columns: new[] { "MonthIndex", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyReturns_UnitId_MonthIndex",
                table: "MonthlyReturns",
                columns: new[] { "UnitId", "MonthIndex" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MonthlyReturnFigures");

            migrationBuilder.DropTable(
                name: "MonthlyReturnHistory");

            migrationBuilder.DropTable(
                name: "MonthlyReturns");
        }
    }
}
