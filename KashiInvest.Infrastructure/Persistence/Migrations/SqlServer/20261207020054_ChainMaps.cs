using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KashiInvest.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ChainMaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAtUtc",
                table: "Chains",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "ChainLinks",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GapNote",
                table: "ChainLinks",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Goal",
                table: "ChainLinks",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Strong");

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "ChainLinks",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Product");

            migrationBuilder.AddColumn<string>(
                name: "LocalEnterprises",
                table: "ChainLinks",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "Order",
                table: "ChainLinks",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReratingProjectId",
                table: "ChainLinks",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReratingProposedAtUtc",
                table: "ChainLinks",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ChainComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ChainId = table.Column<int>(type: "int", nullable: false),
                    ChainLinkId = table.Column<int>(type: "int", nullable: true),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    By = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ByUnitId = table.Column<int>(type: "int", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChainComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChainComments_ChainLinks_ChainLinkId",
                        column: x => x.ChainLinkId,
                        principalTable: "ChainLinks",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ChainComments_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChainFlows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ChainId = table.Column<int>(type: "int", nullable: false),
                    FromLinkId = table.Column<int>(type: "int", nullable: false),
                    ToLinkId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChainFlows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChainFlows_ChainLinks_FromLinkId",
                        column: x => x.FromLinkId,
                        principalTable: "ChainLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChainFlows_ChainLinks_ToLinkId",
                        column: x => x.ToLinkId,
                        principalTable: "ChainLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChainFlows_Chains_ChainId",
                        column: x => x.ChainId,
                        principalTable: "Chains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChainLinkStatusChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ChainLinkId = table.Column<int>(type: "int", nullable: false),
                    From = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    ProjectId = table.Column<int>(type: "int", nullable: true),
                    By = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ByUnitId = table.Column<int>(type: "int", nullable: true),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChainLinkStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChainLinkStatusChanges_ChainLinks_ChainLinkId",
                        column: x => x.ChainLinkId,
                        principalTable: "ChainLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChainRoadmapEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ChainLinkId = table.Column<int>(type: "int", nullable: false),
                    Sought = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    SourceRegions = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    By = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChainRoadmapEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChainRoadmapEntries_ChainLinks_ChainLinkId",
                        column: x => x.ChainLinkId,
                        principalTable: "ChainLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChainComments_ChainId_AtUtc",
                table: "ChainComments",
                columns: new[] { "ChainId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ChainComments_ChainLinkId",
                table: "ChainComments",
                column: "ChainLinkId");

            migrationBuilder.CreateIndex(
                name: "IX_ChainFlows_ChainId_FromLinkId_ToLinkId",
                table: "ChainFlows",
                columns: new[] { "ChainId", "FromLinkId", "ToLinkId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChainFlows_FromLinkId",
                table: "ChainFlows",
                column: "FromLinkId");

            migrationBuilder.CreateIndex(
                name: "IX_ChainFlows_ToLinkId",
                table: "ChainFlows",
                column: "ToLinkId");

            migrationBuilder.CreateIndex(
                name: "IX_ChainLinkStatusChanges_ChainLinkId",
                table: "ChainLinkStatusChanges",
                column: "ChainLinkId");

            migrationBuilder.CreateIndex(
                name: "IX_ChainRoadmapEntries_ChainLinkId",
                table: "ChainRoadmapEntries",
                column: "ChainLinkId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChainComments");

            migrationBuilder.DropTable(
                name: "ChainFlows");

            migrationBuilder.DropTable(
                name: "ChainLinkStatusChanges");

            migrationBuilder.DropTable(
                name: "ChainRoadmapEntries");

            migrationBuilder.DropColumn(
                name: "UpdatedAtUtc",
                table: "Chains");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "ChainLinks");

            migrationBuilder.DropColumn(
                name: "GapNote",
                table: "ChainLinks");

            migrationBuilder.DropColumn(
                name: "Goal",
                table: "ChainLinks");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "ChainLinks");

            migrationBuilder.DropColumn(
                name: "LocalEnterprises",
                table: "ChainLinks");

            migrationBuilder.DropColumn(
                name: "Order",
                table: "ChainLinks");

            migrationBuilder.DropColumn(
                name: "ReratingProjectId",
                table: "ChainLinks");

            migrationBuilder.DropColumn(
                name: "ReratingProposedAtUtc",
                table: "ChainLinks");
        }
    }
}
