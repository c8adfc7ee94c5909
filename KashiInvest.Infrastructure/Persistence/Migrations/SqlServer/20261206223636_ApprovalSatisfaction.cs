using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KashiInvest.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ApprovalSatisfaction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FollowUp",
                table: "PlanItems",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FollowUpAtUtc",
                table: "PlanItems",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FollowUpBy",
                table: "PlanItems",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Satisfaction",
                table: "PlanItems",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SatisfactionAtUtc",
                table: "PlanItems",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SatisfactionBy",
                table: "PlanItems",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SatisfactionComment",
                table: "PlanItems",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FollowUp",
                table: "PlanItems");

            migrationBuilder.DropColumn(
                name: "FollowUpAtUtc",
                table: "PlanItems");

            migrationBuilder.DropColumn(
                name: "FollowUpBy",
                table: "PlanItems");

            migrationBuilder.DropColumn(
                name: "Satisfaction",
                table: "PlanItems");

            migrationBuilder.DropColumn(
                name: "SatisfactionAtUtc",
                table: "PlanItems");

            migrationBuilder.DropColumn(
                name: "SatisfactionBy",
                table: "PlanItems");

            migrationBuilder.DropColumn(
                name: "SatisfactionComment",
                table: "PlanItems");
        }
    }
}
