using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KashiInvest.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProblemHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Problems_OwnerUnitId",
                table: "Problems");

            migrationBuilder.CreateTable(
                name: "ProblemHistory",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProblemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OwnerUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProblemHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProblemHistory_Problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "Problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Problems_OwnerUnitId_Status",
                table: "Problems",
                columns: new[] { "OwnerUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ProblemHistory_ProblemId_AtUtc",
                table: "ProblemHistory",
                columns: new[] { "ProblemId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProblemHistory");

            migrationBuilder.DropIndex(
                name: "IX_Problems_OwnerUnitId_Status",
                table: "Problems");

            migrationBuilder.CreateIndex(
                name: "IX_Problems_OwnerUnitId",
                table: "Problems",
                column: "OwnerUnitId");
        }
    }
}
