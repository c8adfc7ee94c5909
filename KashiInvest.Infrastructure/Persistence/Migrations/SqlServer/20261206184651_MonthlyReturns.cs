using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KashiInvest.Infrastructure.Persistence.Migrations.SqlServer
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UnitId = table.Column<int>(type: "int", nullable: false),
                    MonthIndex = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false),
                    ComputedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Steps = table.Column<int>(type: "int", nullable: false),
                    ComputedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SubmittedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    SubmittedLate = table.Column<bool>(type: "bit", nullable: false),
                    ReturnComment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ApprovedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ApprovedRevision = table.Column<int>(type: "int", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MonthlyReturnId = table.Column<int>(type: "int", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ChainId = table.Column<int>(type: "int", nullable: true),
                    ComputedValue = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    CorrectedValue = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    CorrectionReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CorrectedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    CorrectedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ApprovedValue = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MonthlyReturnId = table.Column<int>(type: "int", nullable: false),
                    Action = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false),
                    By = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ByUnitId = table.Column<int>(type: "int", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    FigureCode = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    ChainId = table.Column<int>(type: "int", nullable: true),
                    OldValue = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    NewValue = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true)
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
                unique: true,
                filter: "[ChainId] IS NOT NULL");

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
