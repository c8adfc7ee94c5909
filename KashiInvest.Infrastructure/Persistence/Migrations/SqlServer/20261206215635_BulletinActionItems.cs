using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KashiInvest.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class BulletinActionItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "MeetingId",
                table: "MeetingActionItems",
                type: "int",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "int");

            migrationBuilder.AddColumn<int>(
                name: "BulletinId",
                table: "MeetingActionItems",
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingActionItems_BulletinId_OwnerUnitId",
                table: "MeetingActionItems",
                columns: new[] { "BulletinId", "OwnerUnitId" },
                unique: true,
                filter: "[BulletinId] IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "FK_MeetingActionItems_Bulletins_BulletinId",
                table: "MeetingActionItems",
                column: "BulletinId",
                principalTable: "Bulletins",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_MeetingActionItems_Bulletins_BulletinId",
                table: "MeetingActionItems");

            migrationBuilder.DropIndex(
                name: "IX_MeetingActionItems_BulletinId_OwnerUnitId",
                table: "MeetingActionItems");

            migrationBuilder.DropColumn(
                name: "BulletinId",
                table: "MeetingActionItems");

            migrationBuilder.AlterColumn<int>(
                name: "MeetingId",
                table: "MeetingActionItems",
                type: "int",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "int",
                oldNullable: true);
        }
    }
}
