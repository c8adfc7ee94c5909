IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] nvarchar(450) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [AtUtc] datetime2 NOT NULL,
        [UserName] nvarchar(256) NOT NULL,
        [UnitId] int NULL,
        [EntityType] nvarchar(100) NOT NULL,
        [EntityId] nvarchar(100) NOT NULL,
        [Action] nvarchar(20) NOT NULL,
        [Before] nvarchar(max) NULL,
        [After] nvarchar(max) NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE TABLE [Investors] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(200) NOT NULL,
        [CreditCode] nchar(18) NULL,
        [Tiers] int NOT NULL,
        [Region] nvarchar(30) NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Investors] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE TABLE [Units] (
        [Id] int NOT NULL IDENTITY,
        [Code] nvarchar(40) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [NameEn] nvarchar(150) NOT NULL,
        [Type] nvarchar(30) NOT NULL,
        [ParentUnitId] int NULL,
        [Region] nvarchar(30) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Units] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Units_Units_ParentUnitId] FOREIGN KEY ([ParentUnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(450) NOT NULL,
        [UnitId] int NULL,
        [DisplayName] nvarchar(100) NOT NULL,
        [Culture] nvarchar(10) NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUsers_Units_UnitId] FOREIGN KEY ([UnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE TABLE [Chains] (
        [Id] int NOT NULL IDENTITY,
        [Code] nvarchar(40) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [NameEn] nvarchar(150) NOT NULL,
        [LeadUnitId] int NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Chains] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Chains_Units_LeadUnitId] FOREIGN KEY ([LeadUnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] nvarchar(450) NOT NULL,
        [RoleId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(450) NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE TABLE [ChainLinks] (
        [Id] int NOT NULL IDENTITY,
        [ChainId] int NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [NameEn] nvarchar(150) NOT NULL,
        [Segment] nvarchar(20) NOT NULL,
        [Strength] nvarchar(20) NOT NULL,
        CONSTRAINT [PK_ChainLinks] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ChainLinks_Chains_ChainId] FOREIGN KEY ([ChainId]) REFERENCES [Chains] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE TABLE [Projects] (
        [Id] int NOT NULL IDENTITY,
        [Code] nvarchar(20) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Description] nvarchar(2000) NULL,
        [HostUnitId] int NOT NULL,
        [SourceUnitId] int NOT NULL,
        [ChainId] int NOT NULL,
        [ChainLinkId] int NULL,
        [InvestorId] int NOT NULL,
        [PlannedInvestmentWan] decimal(18,4) NOT NULL,
        [ExpectedJobs] int NOT NULL,
        [Stage] nvarchar(20) NOT NULL,
        [CoordinationLevel] nvarchar(20) NOT NULL,
        [WorkGroupLevel] nvarchar(20) NOT NULL,
        [ResponsibleLeader] nvarchar(50) NULL,
        [LeaderInCharge] nvarchar(50) NULL,
        [PlannedStartOn] date NULL,
        [PlannedCompletionOn] date NULL,
        [SignedOn] date NULL,
        [TerminationReason] nvarchar(30) NULL,
        [FundsInPlaceWan] decimal(18,4) NOT NULL,
        [OutOfRegionFundsInPlaceWan] decimal(18,4) NOT NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        [UpdatedAtUtc] datetime2 NOT NULL,
        [LastActivityAtUtc] datetime2 NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Projects] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Projects_ChainLinks_ChainLinkId] FOREIGN KEY ([ChainLinkId]) REFERENCES [ChainLinks] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Projects_Chains_ChainId] FOREIGN KEY ([ChainId]) REFERENCES [Chains] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Projects_Investors_InvestorId] FOREIGN KEY ([InvestorId]) REFERENCES [Investors] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Projects_Units_HostUnitId] FOREIGN KEY ([HostUnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Projects_Units_SourceUnitId] FOREIGN KEY ([SourceUnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE TABLE [Milestones] (
        [Id] int NOT NULL IDENTITY,
        [ProjectId] int NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [PlannedOn] date NOT NULL,
        [ReachedOn] date NULL,
        [Order] int NOT NULL,
        CONSTRAINT [PK_Milestones] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Milestones_Projects_ProjectId] FOREIGN KEY ([ProjectId]) REFERENCES [Projects] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE TABLE [Problems] (
        [Id] int NOT NULL IDENTITY,
        [ProjectId] int NOT NULL,
        [Category] nvarchar(30) NOT NULL,
        [Factor] nvarchar(20) NULL,
        [Description] nvarchar(2000) NOT NULL,
        [Severity] nvarchar(20) NOT NULL,
        [OwnerUnitId] int NOT NULL,
        [DueOn] date NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [Level] nvarchar(20) NOT NULL,
        [Resolution] nvarchar(2000) NULL,
        [RaisedBy] nvarchar(256) NOT NULL,
        [RaisedByUnitId] int NULL,
        [RaisedAtUtc] datetime2 NOT NULL,
        [UpdatedAtUtc] datetime2 NOT NULL,
        [ResolvedAtUtc] datetime2 NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Problems] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Problems_Projects_ProjectId] FOREIGN KEY ([ProjectId]) REFERENCES [Projects] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Problems_Units_OwnerUnitId] FOREIGN KEY ([OwnerUnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE TABLE [ProgressReports] (
        [Id] int NOT NULL IDENTITY,
        [ProjectId] int NOT NULL,
        [PeriodIndex] int NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [Revision] int NOT NULL,
        [IsCurrent] bit NOT NULL,
        [Narrative] nvarchar(4000) NOT NULL,
        [NextSteps] nvarchar(4000) NULL,
        [FundsInPlaceThisPeriodWan] decimal(18,4) NOT NULL,
        [OutOfRegionFundsThisPeriodWan] decimal(18,4) NOT NULL,
        [SubmittedBy] nvarchar(256) NOT NULL,
        [SubmittedByUnitId] int NULL,
        [SubmittedAtUtc] datetime2 NOT NULL,
        [IsLate] bit NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ProgressReports] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ProgressReports_Projects_ProjectId] FOREIGN KEY ([ProjectId]) REFERENCES [Projects] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE TABLE [ProjectStageChanges] (
        [Id] int NOT NULL IDENTITY,
        [ProjectId] int NOT NULL,
        [From] nvarchar(20) NULL,
        [To] nvarchar(20) NOT NULL,
        [AtUtc] datetime2 NOT NULL,
        [ChangedBy] nvarchar(256) NOT NULL,
        [ChangedByUnitId] int NULL,
        [Note] nvarchar(2000) NULL,
        [TerminationReason] nvarchar(30) NULL,
        CONSTRAINT [PK_ProjectStageChanges] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ProjectStageChanges_Projects_ProjectId] FOREIGN KEY ([ProjectId]) REFERENCES [Projects] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_UnitId] ON [AspNetUsers] ([UnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_AtUtc] ON [AuditEntries] ([AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_EntityType_EntityId] ON [AuditEntries] ([EntityType], [EntityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ChainLinks_ChainId_Name] ON [ChainLinks] ([ChainId], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Chains_Code] ON [Chains] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE INDEX [IX_Chains_LeadUnitId] ON [Chains] ([LeadUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Investors_CreditCode] ON [Investors] ([CreditCode]) WHERE [CreditCode] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE INDEX [IX_Investors_Name] ON [Investors] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE INDEX [IX_Milestones_ProjectId_Order] ON [Milestones] ([ProjectId], [Order]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE INDEX [IX_Problems_OwnerUnitId] ON [Problems] ([OwnerUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE INDEX [IX_Problems_ProjectId_Status] ON [Problems] ([ProjectId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE INDEX [IX_Problems_Status_DueOn] ON [Problems] ([Status], [DueOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ProgressReports_ProjectId_PeriodIndex_Kind_Revision] ON [ProgressReports] ([ProjectId], [PeriodIndex], [Kind], [Revision]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE INDEX [IX_Projects_ChainId] ON [Projects] ([ChainId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE INDEX [IX_Projects_ChainLinkId] ON [Projects] ([ChainLinkId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Projects_Code] ON [Projects] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE INDEX [IX_Projects_HostUnitId] ON [Projects] ([HostUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE INDEX [IX_Projects_InvestorId] ON [Projects] ([InvestorId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE INDEX [IX_Projects_SourceUnitId] ON [Projects] ([SourceUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE INDEX [IX_Projects_Stage] ON [Projects] ([Stage]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE INDEX [IX_Projects_UpdatedAtUtc] ON [Projects] ([UpdatedAtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE INDEX [IX_Projects_WorkGroupLevel] ON [Projects] ([WorkGroupLevel]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE INDEX [IX_ProjectStageChanges_ProjectId_AtUtc] ON [ProjectStageChanges] ([ProjectId], [AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Units_Code] ON [Units] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    CREATE INDEX [IX_Units_ParentUnitId] ON [Units] ([ParentUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123082812_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261123082812_Initial', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123090129_ProblemHistory'
)
BEGIN
    DROP INDEX [IX_Problems_OwnerUnitId] ON [Problems];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123090129_ProblemHistory'
)
BEGIN
    CREATE TABLE [ProblemHistory] (
        [Id] int NOT NULL IDENTITY,
        [ProblemId] int NOT NULL,
        [Action] nvarchar(20) NOT NULL,
        [AtUtc] datetime2 NOT NULL,
        [UserName] nvarchar(256) NOT NULL,
        [UnitId] int NULL,
        [Status] nvarchar(20) NOT NULL,
        [Level] nvarchar(20) NOT NULL,
        [OwnerUnitId] int NOT NULL,
        [Note] nvarchar(2000) NULL,
        CONSTRAINT [PK_ProblemHistory] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ProblemHistory_Problems_ProblemId] FOREIGN KEY ([ProblemId]) REFERENCES [Problems] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123090129_ProblemHistory'
)
BEGIN
    CREATE INDEX [IX_Problems_OwnerUnitId_Status] ON [Problems] ([OwnerUnitId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123090129_ProblemHistory'
)
BEGIN
    CREATE INDEX [IX_ProblemHistory_ProblemId_AtUtc] ON [ProblemHistory] ([ProblemId], [AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123090129_ProblemHistory'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261123090129_ProblemHistory', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123112541_WtWebhooks'
)
BEGIN
    CREATE TABLE [WebhookEndpoints] (
        [Id] int NOT NULL IDENTITY,
        [UnitId] int NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Url] nvarchar(1000) NOT NULL,
        [Secret] nvarchar(200) NULL,
        [MinimumLevel] nvarchar(20) NOT NULL,
        [Enabled] bit NOT NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        [UpdatedAtUtc] datetime2 NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_WebhookEndpoints] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_WebhookEndpoints_Units_UnitId] FOREIGN KEY ([UnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123112541_WtWebhooks'
)
BEGIN
    CREATE TABLE [WebhookDeliveries] (
        [Id] bigint NOT NULL IDENTITY,
        [AlertId] bigint NOT NULL,
        [EndpointId] int NOT NULL,
        [UnitId] int NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [IsTest] bit NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [Attempts] int NOT NULL,
        [NextAttemptAtUtc] datetime2 NULL,
        [LastHttpStatus] int NULL,
        [LastError] nvarchar(500) NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        [LastAttemptAtUtc] datetime2 NULL,
        [DeliveredAtUtc] datetime2 NULL,
        CONSTRAINT [PK_WebhookDeliveries] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_WebhookDeliveries_Units_UnitId] FOREIGN KEY ([UnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_WebhookDeliveries_WebhookEndpoints_EndpointId] FOREIGN KEY ([EndpointId]) REFERENCES [WebhookEndpoints] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123112541_WtWebhooks'
)
BEGIN
    CREATE INDEX [IX_WebhookDeliveries_AlertId_EndpointId] ON [WebhookDeliveries] ([AlertId], [EndpointId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123112541_WtWebhooks'
)
BEGIN
    CREATE INDEX [IX_WebhookDeliveries_EndpointId] ON [WebhookDeliveries] ([EndpointId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123112541_WtWebhooks'
)
BEGIN
    CREATE INDEX [IX_WebhookDeliveries_Status_NextAttemptAtUtc] ON [WebhookDeliveries] ([Status], [NextAttemptAtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123112541_WtWebhooks'
)
BEGIN
    CREATE INDEX [IX_WebhookDeliveries_UnitId_CreatedAtUtc] ON [WebhookDeliveries] ([UnitId], [CreatedAtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123112541_WtWebhooks'
)
BEGIN
    CREATE INDEX [IX_WebhookEndpoints_UnitId_Enabled] ON [WebhookEndpoints] ([UnitId], [Enabled]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123112541_WtWebhooks'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261123112541_WtWebhooks', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    ALTER TABLE [Projects] ADD [AgreementNumber] nvarchar(50) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    ALTER TABLE [Projects] ADD [AgreementRecordedAtUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    ALTER TABLE [Projects] ADD [AgreementRecordedBy] nvarchar(256) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    ALTER TABLE [Projects] ADD [AgreementTermYears] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    ALTER TABLE [Projects] ADD [EvaluationPassedOn] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    ALTER TABLE [Projects] ADD [LeadServiceUnitId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    ALTER TABLE [Projects] ADD [LeaderIsPrincipal] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    ALTER TABLE [Projects] ADD [TriageStatus] nvarchar(30) NOT NULL DEFAULT N'New';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    ALTER TABLE [Investors] ADD [NameKey] nvarchar(200) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE TABLE [Alerts] (
        [Id] int NOT NULL IDENTITY,
        [Kind] nvarchar(40) NOT NULL,
        [ProjectId] int NULL,
        [UnitId] int NULL,
        [HostUnitId] int NULL,
        [ChainId] int NULL,
        [SourceUnitId] int NULL,
        [OwnerUnitId] int NULL,
        [Subject] nvarchar(200) NOT NULL,
        [OpenKey] nvarchar(300) NULL,
        [Severity] nvarchar(20) NOT NULL,
        [Code] nvarchar(60) NOT NULL,
        [ArgsJson] nvarchar(2000) NOT NULL,
        [RaisedAtUtc] datetime2 NOT NULL,
        [UpdatedAtUtc] datetime2 NOT NULL,
        [AcknowledgedBy] nvarchar(256) NULL,
        [AcknowledgedAtUtc] datetime2 NULL,
        [AcknowledgeNote] nvarchar(500) NULL,
        [ClearedAtUtc] datetime2 NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Alerts] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE TABLE [Evaluations] (
        [Id] int NOT NULL IDENTITY,
        [ProjectId] int NOT NULL,
        [Level] nvarchar(20) NOT NULL,
        [HeldOn] date NOT NULL,
        [AttendingUnitIds] nvarchar(500) NOT NULL,
        [Attendees] nvarchar(2000) NULL,
        [Decision] nvarchar(10) NOT NULL,
        [Reasons] nvarchar(2000) NULL,
        [RecordedBy] nvarchar(256) NOT NULL,
        [RecordedByUnitId] int NULL,
        [RecordedAtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_Evaluations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Evaluations_Projects_ProjectId] FOREIGN KEY ([ProjectId]) REFERENCES [Projects] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE TABLE [JobRuns] (
        [Id] bigint NOT NULL IDENTITY,
        [JobName] nvarchar(100) NOT NULL,
        [Trigger] nvarchar(100) NOT NULL,
        [StartedAtUtc] datetime2 NOT NULL,
        [FinishedAtUtc] datetime2 NULL,
        [Succeeded] bit NULL,
        [Result] nvarchar(1000) NULL,
        CONSTRAINT [PK_JobRuns] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE TABLE [LeadForms] (
        [Id] int NOT NULL IDENTITY,
        [ProjectId] int NOT NULL,
        [InvestorId] int NOT NULL,
        [FiledByUnitId] int NOT NULL,
        [FiledBy] nvarchar(256) NOT NULL,
        [FiledAtUtc] datetime2 NOT NULL,
        [EnterpriseName] nvarchar(200) NOT NULL,
        [CreditCode] nchar(18) NULL,
        [Region] nvarchar(30) NOT NULL,
        [Tiers] int NOT NULL,
        [Background] nvarchar(2000) NOT NULL,
        [Operations] nvarchar(2000) NULL,
        [ProjectName] nvarchar(100) NOT NULL,
        [ChainId] int NOT NULL,
        [ChainLinkId] int NULL,
        [HostUnitId] int NOT NULL,
        [AmountWan] decimal(18,4) NOT NULL,
        [Jobs] int NOT NULL,
        [Demands] nvarchar(2000) NOT NULL,
        [Feasibility] nvarchar(20) NOT NULL,
        [FeasibilityNote] nvarchar(2000) NOT NULL,
        [VisitedOn] date NOT NULL,
        [PeopleVisited] nvarchar(200) NOT NULL,
        [Visitors] nvarchar(200) NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_LeadForms] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_LeadForms_Chains_ChainId] FOREIGN KEY ([ChainId]) REFERENCES [Chains] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_LeadForms_Investors_InvestorId] FOREIGN KEY ([InvestorId]) REFERENCES [Investors] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_LeadForms_Projects_ProjectId] FOREIGN KEY ([ProjectId]) REFERENCES [Projects] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_LeadForms_Units_FiledByUnitId] FOREIGN KEY ([FiledByUnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE TABLE [ProjectTriageSteps] (
        [Id] int NOT NULL IDENTITY,
        [ProjectId] int NOT NULL,
        [Action] nvarchar(30) NOT NULL,
        [AtUtc] datetime2 NOT NULL,
        [By] nvarchar(256) NOT NULL,
        [ByUnitId] int NULL,
        [Text] nvarchar(2000) NULL,
        [Recommendation] nvarchar(30) NULL,
        [ResponsibleLeader] nvarchar(50) NULL,
        [DecidedOn] date NULL,
        [Meeting] nvarchar(100) NULL,
        CONSTRAINT [PK_ProjectTriageSteps] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ProjectTriageSteps_Projects_ProjectId] FOREIGN KEY ([ProjectId]) REFERENCES [Projects] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE TABLE [ProjectWorkGroupDepartments] (
        [Id] int NOT NULL IDENTITY,
        [ProjectId] int NOT NULL,
        [UnitId] int NOT NULL,
        CONSTRAINT [PK_ProjectWorkGroupDepartments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ProjectWorkGroupDepartments_Projects_ProjectId] FOREIGN KEY ([ProjectId]) REFERENCES [Projects] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ProjectWorkGroupDepartments_Units_UnitId] FOREIGN KEY ([UnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE TABLE [TargetEnterprises] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(200) NOT NULL,
        [NameKey] nvarchar(200) NOT NULL,
        [CreditCode] nchar(18) NULL,
        [ChainId] int NOT NULL,
        [ChainLinkId] int NULL,
        [Region] nvarchar(30) NOT NULL,
        [Tiers] int NOT NULL,
        [Notes] nvarchar(2000) NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        [UpdatedAtUtc] datetime2 NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_TargetEnterprises] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TargetEnterprises_ChainLinks_ChainLinkId] FOREIGN KEY ([ChainLinkId]) REFERENCES [ChainLinks] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_TargetEnterprises_Chains_ChainId] FOREIGN KEY ([ChainId]) REFERENCES [Chains] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE TABLE [WeeklyIntentionReports] (
        [Id] int NOT NULL IDENTITY,
        [UnitId] int NOT NULL,
        [WeekMonday] date NOT NULL,
        [NothingNew] bit NOT NULL,
        [Revision] int NOT NULL,
        [FiledBy] nvarchar(256) NOT NULL,
        [FirstFiledAtUtc] datetime2 NOT NULL,
        [FiledAtUtc] datetime2 NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_WeeklyIntentionReports] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_WeeklyIntentionReports_Units_UnitId] FOREIGN KEY ([UnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE TABLE [EvaluationCriteria] (
        [Id] int NOT NULL IDENTITY,
        [EvaluationId] int NOT NULL,
        [Criterion] nvarchar(30) NOT NULL,
        [Judgement] nvarchar(20) NOT NULL,
        [Comment] nvarchar(500) NULL,
        CONSTRAINT [PK_EvaluationCriteria] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_EvaluationCriteria_Evaluations_EvaluationId] FOREIGN KEY ([EvaluationId]) REFERENCES [Evaluations] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE TABLE [TargetPushes] (
        [Id] int NOT NULL IDENTITY,
        [TargetId] int NOT NULL,
        [UnitId] int NOT NULL,
        [ChainId] int NOT NULL,
        [Reason] nvarchar(20) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [LastNote] nvarchar(1000) NULL,
        [StatusOn] date NULL,
        [ProjectId] int NULL,
        [PushedBy] nvarchar(256) NOT NULL,
        [PushedAtUtc] datetime2 NOT NULL,
        [UpdatedAtUtc] datetime2 NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_TargetPushes] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TargetPushes_Projects_ProjectId] FOREIGN KEY ([ProjectId]) REFERENCES [Projects] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_TargetPushes_TargetEnterprises_TargetId] FOREIGN KEY ([TargetId]) REFERENCES [TargetEnterprises] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_TargetPushes_Units_UnitId] FOREIGN KEY ([UnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE TABLE [IntentionEntries] (
        [Id] int NOT NULL IDENTITY,
        [ReportId] int NOT NULL,
        [InvestorId] int NOT NULL,
        [InvestorName] nvarchar(200) NOT NULL,
        [CreditCode] nchar(18) NULL,
        [ChainId] int NOT NULL,
        [ProjectName] nvarchar(100) NOT NULL,
        [AmountWan] decimal(18,4) NULL,
        [Jobs] int NULL,
        [Stage] nvarchar(20) NOT NULL,
        [Notes] nvarchar(1000) NULL,
        [Order] int NOT NULL,
        CONSTRAINT [PK_IntentionEntries] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_IntentionEntries_Chains_ChainId] FOREIGN KEY ([ChainId]) REFERENCES [Chains] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_IntentionEntries_Investors_InvestorId] FOREIGN KEY ([InvestorId]) REFERENCES [Investors] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_IntentionEntries_WeeklyIntentionReports_ReportId] FOREIGN KEY ([ReportId]) REFERENCES [WeeklyIntentionReports] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE TABLE [TargetPushHistory] (
        [Id] int NOT NULL IDENTITY,
        [PushId] int NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [Note] nvarchar(1000) NULL,
        [On] date NOT NULL,
        [UserName] nvarchar(256) NOT NULL,
        [UnitId] int NULL,
        [AtUtc] datetime2 NOT NULL,
        [ProjectId] int NULL,
        CONSTRAINT [PK_TargetPushHistory] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_TargetPushHistory_TargetPushes_PushId] FOREIGN KEY ([PushId]) REFERENCES [TargetPushes] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE INDEX [IX_Projects_LeadServiceUnitId] ON [Projects] ([LeadServiceUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE INDEX [IX_Projects_TriageStatus] ON [Projects] ([TriageStatus]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE INDEX [IX_Investors_NameKey] ON [Investors] ([NameKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE INDEX [IX_Alerts_ClearedAtUtc_Severity] ON [Alerts] ([ClearedAtUtc], [Severity]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Alerts_OpenKey] ON [Alerts] ([OpenKey]) WHERE OpenKey IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE INDEX [IX_Alerts_ProjectId_ClearedAtUtc] ON [Alerts] ([ProjectId], [ClearedAtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE UNIQUE INDEX [IX_EvaluationCriteria_EvaluationId_Criterion] ON [EvaluationCriteria] ([EvaluationId], [Criterion]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE INDEX [IX_Evaluations_HeldOn] ON [Evaluations] ([HeldOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE INDEX [IX_Evaluations_ProjectId_HeldOn] ON [Evaluations] ([ProjectId], [HeldOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE INDEX [IX_IntentionEntries_ChainId] ON [IntentionEntries] ([ChainId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE INDEX [IX_IntentionEntries_InvestorId] ON [IntentionEntries] ([InvestorId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE INDEX [IX_IntentionEntries_ReportId] ON [IntentionEntries] ([ReportId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE INDEX [IX_JobRuns_JobName_StartedAtUtc] ON [JobRuns] ([JobName], [StartedAtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE INDEX [IX_LeadForms_ChainId] ON [LeadForms] ([ChainId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE INDEX [IX_LeadForms_FiledByUnitId_FiledAtUtc] ON [LeadForms] ([FiledByUnitId], [FiledAtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE INDEX [IX_LeadForms_InvestorId] ON [LeadForms] ([InvestorId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE UNIQUE INDEX [IX_LeadForms_ProjectId] ON [LeadForms] ([ProjectId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE INDEX [IX_ProjectTriageSteps_ProjectId_AtUtc] ON [ProjectTriageSteps] ([ProjectId], [AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ProjectWorkGroupDepartments_ProjectId_UnitId] ON [ProjectWorkGroupDepartments] ([ProjectId], [UnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE INDEX [IX_ProjectWorkGroupDepartments_UnitId] ON [ProjectWorkGroupDepartments] ([UnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE INDEX [IX_TargetEnterprises_ChainId_Region] ON [TargetEnterprises] ([ChainId], [Region]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE INDEX [IX_TargetEnterprises_ChainLinkId] ON [TargetEnterprises] ([ChainLinkId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE INDEX [IX_TargetEnterprises_CreditCode] ON [TargetEnterprises] ([CreditCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE INDEX [IX_TargetEnterprises_NameKey] ON [TargetEnterprises] ([NameKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE INDEX [IX_TargetPushes_ProjectId] ON [TargetPushes] ([ProjectId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE UNIQUE INDEX [IX_TargetPushes_TargetId_UnitId] ON [TargetPushes] ([TargetId], [UnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE INDEX [IX_TargetPushes_UnitId_Status] ON [TargetPushes] ([UnitId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE INDEX [IX_TargetPushHistory_PushId_AtUtc] ON [TargetPushHistory] ([PushId], [AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE UNIQUE INDEX [IX_WeeklyIntentionReports_UnitId_WeekMonday] ON [WeeklyIntentionReports] ([UnitId], [WeekMonday]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    CREATE INDEX [IX_WeeklyIntentionReports_WeekMonday] ON [WeeklyIntentionReports] ([WeekMonday]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    ALTER TABLE [Projects] ADD CONSTRAINT [FK_Projects_Units_LeadServiceUnitId] FOREIGN KEY ([LeadServiceUnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123132804_LifecycleAndAlerts'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261123132804_LifecycleAndAlerts', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123164708_Meetings'
)
BEGIN
    CREATE TABLE [Meetings] (
        [Id] int NOT NULL IDENTITY,
        [Kind] nvarchar(20) NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [StartsAtUtc] datetime2 NOT NULL,
        [Place] nvarchar(200) NULL,
        [Chair] nvarchar(200) NOT NULL,
        [ChairUserId] nvarchar(256) NULL,
        [OrganizerUnitId] int NOT NULL,
        [AttendingUnitIds] nvarchar(max) NOT NULL,
        [Attendees] nvarchar(4000) NULL,
        [ScopeKind] nvarchar(20) NOT NULL,
        [ScopeChainId] int NULL,
        [ScopeUnitId] int NULL,
        [IncludeAwaiting] bit NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [StartedAtUtc] datetime2 NULL,
        [EndedAtUtc] datetime2 NULL,
        [CurrentItemId] int NULL,
        [CurrentItemSinceUtc] datetime2 NULL,
        [PresenterUserId] nvarchar(256) NULL,
        [PresenterName] nvarchar(256) NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        [UpdatedAtUtc] datetime2 NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Meetings] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Meetings_Units_OrganizerUnitId] FOREIGN KEY ([OrganizerUnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123164708_Meetings'
)
BEGIN
    CREATE TABLE [MeetingActionItems] (
        [Id] int NOT NULL IDENTITY,
        [MeetingId] int NOT NULL,
        [AssignedByUnitId] int NOT NULL,
        [AgendaItemId] int NULL,
        [Text] nvarchar(2000) NOT NULL,
        [OwnerUnitId] int NOT NULL,
        [DueOn] date NOT NULL,
        [ProjectId] int NULL,
        [ProblemId] int NULL,
        [ProblemEffect] nvarchar(20) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [DoneOn] date NULL,
        [DoneNote] nvarchar(2000) NULL,
        [DoneBy] nvarchar(256) NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        [UpdatedAtUtc] datetime2 NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_MeetingActionItems] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_MeetingActionItems_Meetings_MeetingId] FOREIGN KEY ([MeetingId]) REFERENCES [Meetings] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_MeetingActionItems_Problems_ProblemId] FOREIGN KEY ([ProblemId]) REFERENCES [Problems] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_MeetingActionItems_Projects_ProjectId] FOREIGN KEY ([ProjectId]) REFERENCES [Projects] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_MeetingActionItems_Units_OwnerUnitId] FOREIGN KEY ([OwnerUnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123164708_Meetings'
)
BEGIN
    CREATE TABLE [MeetingDecisions] (
        [Id] int NOT NULL IDENTITY,
        [MeetingId] int NOT NULL,
        [AgendaItemId] int NULL,
        [Text] nvarchar(4000) NOT NULL,
        [RecordedAtUtc] datetime2 NOT NULL,
        [RecordedBy] nvarchar(256) NOT NULL,
        CONSTRAINT [PK_MeetingDecisions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_MeetingDecisions_Meetings_MeetingId] FOREIGN KEY ([MeetingId]) REFERENCES [Meetings] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123164708_Meetings'
)
BEGIN
    CREATE TABLE [MeetingAgendaItems] (
        [Id] int NOT NULL IDENTITY,
        [MeetingId] int NOT NULL,
        [Position] int NOT NULL,
        [Kind] nvarchar(30) NOT NULL,
        [ProjectId] int NULL,
        [ProblemId] int NULL,
        [ActionItemId] int NULL,
        [Title] nvarchar(200) NULL,
        [Note] nvarchar(4000) NULL,
        [Discussion] nvarchar(4000) NULL,
        [ElapsedSeconds] int NOT NULL,
        [IsManual] bit NOT NULL,
        [AlsoFor] nvarchar(200) NULL,
        CONSTRAINT [PK_MeetingAgendaItems] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_MeetingAgendaItems_MeetingActionItems_ActionItemId] FOREIGN KEY ([ActionItemId]) REFERENCES [MeetingActionItems] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_MeetingAgendaItems_Meetings_MeetingId] FOREIGN KEY ([MeetingId]) REFERENCES [Meetings] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_MeetingAgendaItems_Problems_ProblemId] FOREIGN KEY ([ProblemId]) REFERENCES [Problems] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_MeetingAgendaItems_Projects_ProjectId] FOREIGN KEY ([ProjectId]) REFERENCES [Projects] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123164708_Meetings'
)
BEGIN
    CREATE INDEX [IX_MeetingActionItems_MeetingId] ON [MeetingActionItems] ([MeetingId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123164708_Meetings'
)
BEGIN
    CREATE INDEX [IX_MeetingActionItems_OwnerUnitId_Status_DueOn] ON [MeetingActionItems] ([OwnerUnitId], [Status], [DueOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123164708_Meetings'
)
BEGIN
    CREATE INDEX [IX_MeetingActionItems_ProblemId] ON [MeetingActionItems] ([ProblemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123164708_Meetings'
)
BEGIN
    CREATE INDEX [IX_MeetingActionItems_ProjectId] ON [MeetingActionItems] ([ProjectId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123164708_Meetings'
)
BEGIN
    CREATE INDEX [IX_MeetingActionItems_Status_DueOn] ON [MeetingActionItems] ([Status], [DueOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123164708_Meetings'
)
BEGIN
    CREATE INDEX [IX_MeetingAgendaItems_ActionItemId] ON [MeetingAgendaItems] ([ActionItemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123164708_Meetings'
)
BEGIN
    CREATE INDEX [IX_MeetingAgendaItems_MeetingId_Position] ON [MeetingAgendaItems] ([MeetingId], [Position]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123164708_Meetings'
)
BEGIN
    CREATE INDEX [IX_MeetingAgendaItems_ProblemId] ON [MeetingAgendaItems] ([ProblemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123164708_Meetings'
)
BEGIN
    CREATE INDEX [IX_MeetingAgendaItems_ProjectId] ON [MeetingAgendaItems] ([ProjectId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123164708_Meetings'
)
BEGIN
    CREATE INDEX [IX_MeetingDecisions_MeetingId_RecordedAtUtc] ON [MeetingDecisions] ([MeetingId], [RecordedAtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123164708_Meetings'
)
BEGIN
    CREATE INDEX [IX_Meetings_OrganizerUnitId_StartsAtUtc] ON [Meetings] ([OrganizerUnitId], [StartsAtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123164708_Meetings'
)
BEGIN
    CREATE INDEX [IX_Meetings_Status_StartsAtUtc] ON [Meetings] ([Status], [StartsAtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123164708_Meetings'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261123164708_Meetings', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206145540_ProjectCodeCountersAndKeyRing'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206145540_ProjectCodeCountersAndKeyRing'
)
BEGIN
    CREATE TABLE [ProjectCodeCounters] (
        [Year] int NOT NULL,
        [LastNumber] int NOT NULL,
        CONSTRAINT [PK_ProjectCodeCounters] PRIMARY KEY ([Year])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206145540_ProjectCodeCountersAndKeyRing'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206145540_ProjectCodeCountersAndKeyRing', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE TABLE [ApprovalCatalogue] (
        [Id] int NOT NULL IDENTITY,
        [Code] nvarchar(40) NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [NameEn] nvarchar(200) NOT NULL,
        [DepartmentUnitId] int NOT NULL,
        [Level] nvarchar(20) NOT NULL,
        [StatutoryLimit] int NOT NULL,
        [Unit] nvarchar(20) NOT NULL,
        [LegalSource] nvarchar(500) NOT NULL,
        [Stage] nvarchar(40) NOT NULL,
        [MayRunInParallel] bit NOT NULL,
        [GreenChannelLimit] int NULL,
        [DepartmentCommitment] int NULL,
        [IsActive] bit NOT NULL,
        [PrerequisiteCodes] nvarchar(500) NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ApprovalCatalogue] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ApprovalCatalogue_Units_DepartmentUnitId] FOREIGN KEY ([DepartmentUnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE TABLE [CalendarYears] (
        [Id] int NOT NULL IDENTITY,
        [Year] int NOT NULL,
        [SourceTitle] nvarchar(300) NOT NULL,
        [SourcePublishedOn] date NULL,
        [UpdatedBy] nvarchar(256) NOT NULL,
        [UpdatedAtUtc] datetime2 NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_CalendarYears] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE TABLE [ServiceGroups] (
        [Id] int NOT NULL IDENTITY,
        [GroupUnitId] int NOT NULL,
        [HostUnitId] int NOT NULL,
        [LeadUnitId] int NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ServiceGroups] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ServiceGroups_Units_GroupUnitId] FOREIGN KEY ([GroupUnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ServiceGroups_Units_HostUnitId] FOREIGN KEY ([HostUnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ServiceGroups_Units_LeadUnitId] FOREIGN KEY ([LeadUnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE TABLE [ServicePlans] (
        [Id] int NOT NULL IDENTITY,
        [ProjectId] int NOT NULL,
        [HostUnitId] int NOT NULL,
        [ApplicantName] nvarchar(200) NOT NULL,
        [AppliedOn] date NOT NULL,
        [Phases] int NOT NULL,
        [GreenChannel] bit NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [RecordedBy] nvarchar(256) NOT NULL,
        [RecordedAtUtc] datetime2 NOT NULL,
        [PlannedBy] nvarchar(256) NULL,
        [PlannedAtUtc] datetime2 NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ServicePlans] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ServicePlans_Projects_ProjectId] FOREIGN KEY ([ProjectId]) REFERENCES [Projects] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ServicePlans_Units_HostUnitId] FOREIGN KEY ([HostUnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE TABLE [CalendarDays] (
        [Id] int NOT NULL IDENTITY,
        [CalendarYearId] int NOT NULL,
        [Date] date NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        CONSTRAINT [PK_CalendarDays] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CalendarDays_CalendarYears_CalendarYearId] FOREIGN KEY ([CalendarYearId]) REFERENCES [CalendarYears] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE TABLE [ServiceGroupMembers] (
        [Id] int NOT NULL IDENTITY,
        [ServiceGroupId] int NOT NULL,
        [DepartmentUnitId] int NOT NULL,
        CONSTRAINT [PK_ServiceGroupMembers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ServiceGroupMembers_ServiceGroups_ServiceGroupId] FOREIGN KEY ([ServiceGroupId]) REFERENCES [ServiceGroups] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ServiceGroupMembers_Units_DepartmentUnitId] FOREIGN KEY ([DepartmentUnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE TABLE [ServiceGroupProxies] (
        [Id] int NOT NULL IDENTITY,
        [ServiceGroupId] int NOT NULL,
        [UserName] nvarchar(256) NOT NULL,
        [DepartmentUnitId] int NOT NULL,
        CONSTRAINT [PK_ServiceGroupProxies] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ServiceGroupProxies_ServiceGroups_ServiceGroupId] FOREIGN KEY ([ServiceGroupId]) REFERENCES [ServiceGroups] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ServiceGroupProxies_Units_DepartmentUnitId] FOREIGN KEY ([DepartmentUnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE TABLE [PlanItems] (
        [Id] int NOT NULL IDENTITY,
        [ServicePlanId] int NOT NULL,
        [ProjectId] int NOT NULL,
        [HostUnitId] int NOT NULL,
        [CatalogueItemId] int NOT NULL,
        [ItemCode] nvarchar(40) NOT NULL,
        [ItemName] nvarchar(200) NOT NULL,
        [ItemNameEn] nvarchar(200) NOT NULL,
        [DepartmentUnitId] int NOT NULL,
        [Level] nvarchar(20) NOT NULL,
        [Stage] nvarchar(40) NOT NULL,
        [PrerequisiteCodes] nvarchar(500) NOT NULL,
        [MayRunInParallel] bit NOT NULL,
        [StatutoryLimit] int NOT NULL,
        [Unit] nvarchar(20) NOT NULL,
        [Limit] int NOT NULL,
        [GreenChannel] bit NOT NULL,
        [Status] nvarchar(30) NOT NULL,
        [Holder] nvarchar(256) NULL,
        [AcceptedOn] date NULL,
        [ClockStartOn] date NULL,
        [DecidedOn] date NULL,
        [CertificateIssuedOn] date NULL,
        [CertificateNumber] nvarchar(1000) NULL,
        [Reason] nvarchar(1000) NULL,
        [LastStepOn] date NOT NULL,
        [UpdatedAtUtc] datetime2 NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_PlanItems] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PlanItems_ApprovalCatalogue_CatalogueItemId] FOREIGN KEY ([CatalogueItemId]) REFERENCES [ApprovalCatalogue] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PlanItems_Projects_ProjectId] FOREIGN KEY ([ProjectId]) REFERENCES [Projects] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PlanItems_ServicePlans_ServicePlanId] FOREIGN KEY ([ServicePlanId]) REFERENCES [ServicePlans] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PlanItems_Units_DepartmentUnitId] FOREIGN KEY ([DepartmentUnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE TABLE [PlanItemPauses] (
        [Id] int NOT NULL IDENTITY,
        [PlanItemId] int NOT NULL,
        [Procedure] nvarchar(20) NOT NULL,
        [Reason] nvarchar(1000) NOT NULL,
        [StartedOn] date NOT NULL,
        [ExpectedEndOn] date NULL,
        [EndedOn] date NULL,
        CONSTRAINT [PK_PlanItemPauses] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PlanItemPauses_PlanItems_PlanItemId] FOREIGN KEY ([PlanItemId]) REFERENCES [PlanItems] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE TABLE [PlanItemSteps] (
        [Id] int NOT NULL IDENTITY,
        [PlanItemId] int NOT NULL,
        [Action] nvarchar(30) NOT NULL,
        [On] date NOT NULL,
        [AtUtc] datetime2 NOT NULL,
        [UserName] nvarchar(256) NOT NULL,
        [UnitId] int NULL,
        [StatusAfter] nvarchar(30) NOT NULL,
        [Note] nvarchar(1000) NULL,
        CONSTRAINT [PK_PlanItemSteps] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_PlanItemSteps_PlanItems_PlanItemId] FOREIGN KEY ([PlanItemId]) REFERENCES [PlanItems] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ApprovalCatalogue_Code] ON [ApprovalCatalogue] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE INDEX [IX_ApprovalCatalogue_DepartmentUnitId] ON [ApprovalCatalogue] ([DepartmentUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE INDEX [IX_CalendarDays_CalendarYearId] ON [CalendarDays] ([CalendarYearId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CalendarDays_Date] ON [CalendarDays] ([Date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CalendarYears_Year] ON [CalendarYears] ([Year]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE INDEX [IX_PlanItemPauses_PlanItemId] ON [PlanItemPauses] ([PlanItemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE INDEX [IX_PlanItems_CatalogueItemId] ON [PlanItems] ([CatalogueItemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE INDEX [IX_PlanItems_DepartmentUnitId_Status] ON [PlanItems] ([DepartmentUnitId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE INDEX [IX_PlanItems_Holder] ON [PlanItems] ([Holder]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE INDEX [IX_PlanItems_HostUnitId_Status] ON [PlanItems] ([HostUnitId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE INDEX [IX_PlanItems_ProjectId] ON [PlanItems] ([ProjectId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PlanItems_ServicePlanId_CatalogueItemId] ON [PlanItems] ([ServicePlanId], [CatalogueItemId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE INDEX [IX_PlanItemSteps_PlanItemId_AtUtc] ON [PlanItemSteps] ([PlanItemId], [AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE INDEX [IX_ServiceGroupMembers_DepartmentUnitId] ON [ServiceGroupMembers] ([DepartmentUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ServiceGroupMembers_ServiceGroupId_DepartmentUnitId] ON [ServiceGroupMembers] ([ServiceGroupId], [DepartmentUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE INDEX [IX_ServiceGroupProxies_DepartmentUnitId] ON [ServiceGroupProxies] ([DepartmentUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ServiceGroupProxies_ServiceGroupId_DepartmentUnitId_UserName] ON [ServiceGroupProxies] ([ServiceGroupId], [DepartmentUnitId], [UserName]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE INDEX [IX_ServiceGroupProxies_UserName] ON [ServiceGroupProxies] ([UserName]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ServiceGroups_GroupUnitId] ON [ServiceGroups] ([GroupUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ServiceGroups_HostUnitId] ON [ServiceGroups] ([HostUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE INDEX [IX_ServiceGroups_LeadUnitId] ON [ServiceGroups] ([LeadUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE INDEX [IX_ServicePlans_HostUnitId_Status] ON [ServicePlans] ([HostUnitId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ServicePlans_ProjectId] ON [ServicePlans] ([ProjectId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206174718_ApprovalsFoundation'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206174718_ApprovalsFoundation', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206184651_MonthlyReturns'
)
BEGIN
    CREATE TABLE [MonthlyReturns] (
        [Id] int NOT NULL IDENTITY,
        [UnitId] int NOT NULL,
        [MonthIndex] int NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [Revision] int NOT NULL,
        [ComputedAtUtc] datetime2 NOT NULL,
        [UpdatedAtUtc] datetime2 NOT NULL,
        [Steps] int NOT NULL,
        [ComputedBy] nvarchar(256) NOT NULL,
        [SubmittedAtUtc] datetime2 NULL,
        [SubmittedBy] nvarchar(256) NULL,
        [SubmittedLate] bit NOT NULL,
        [ReturnComment] nvarchar(2000) NULL,
        [ApprovedAtUtc] datetime2 NULL,
        [ApprovedBy] nvarchar(256) NULL,
        [ApprovedRevision] int NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_MonthlyReturns] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_MonthlyReturns_Units_UnitId] FOREIGN KEY ([UnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206184651_MonthlyReturns'
)
BEGIN
    CREATE TABLE [MonthlyReturnFigures] (
        [Id] int NOT NULL IDENTITY,
        [MonthlyReturnId] int NOT NULL,
        [Code] nvarchar(40) NOT NULL,
        [ChainId] int NULL,
        [ComputedValue] decimal(18,4) NOT NULL,
        [CorrectedValue] decimal(18,4) NULL,
        [CorrectionReason] nvarchar(500) NULL,
        [CorrectedBy] nvarchar(256) NULL,
        [CorrectedAtUtc] datetime2 NULL,
        [ApprovedValue] decimal(18,4) NULL,
        CONSTRAINT [PK_MonthlyReturnFigures] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_MonthlyReturnFigures_MonthlyReturns_MonthlyReturnId] FOREIGN KEY ([MonthlyReturnId]) REFERENCES [MonthlyReturns] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206184651_MonthlyReturns'
)
BEGIN
    CREATE TABLE [MonthlyReturnHistory] (
        [Id] int NOT NULL IDENTITY,
        [MonthlyReturnId] int NOT NULL,
        [Action] nvarchar(20) NOT NULL,
        [Revision] int NOT NULL,
        [By] nvarchar(256) NOT NULL,
        [ByUnitId] int NULL,
        [AtUtc] datetime2 NOT NULL,
        [Text] nvarchar(2000) NULL,
        [FigureCode] nvarchar(40) NULL,
        [ChainId] int NULL,
        [OldValue] decimal(18,4) NULL,
        [NewValue] decimal(18,4) NULL,
        CONSTRAINT [PK_MonthlyReturnHistory] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_MonthlyReturnHistory_MonthlyReturns_MonthlyReturnId] FOREIGN KEY ([MonthlyReturnId]) REFERENCES [MonthlyReturns] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206184651_MonthlyReturns'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_MonthlyReturnFigures_MonthlyReturnId_Code_ChainId] ON [MonthlyReturnFigures] ([MonthlyReturnId], [Code], [ChainId]) WHERE [ChainId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206184651_MonthlyReturns'
)
BEGIN
    CREATE INDEX [IX_MonthlyReturnHistory_MonthlyReturnId_AtUtc] ON [MonthlyReturnHistory] ([MonthlyReturnId], [AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206184651_MonthlyReturns'
)
BEGIN
    CREATE INDEX [IX_MonthlyReturns_MonthIndex_Status] ON [MonthlyReturns] ([MonthIndex], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206184651_MonthlyReturns'
)
BEGIN
    CREATE UNIQUE INDEX [IX_MonthlyReturns_UnitId_MonthIndex] ON [MonthlyReturns] ([UnitId], [MonthIndex]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206184651_MonthlyReturns'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206184651_MonthlyReturns', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206212523_Bulletins'
)
BEGIN
    CREATE TABLE [Bulletins] (
        [Id] int NOT NULL IDENTITY,
        [QuarterIndex] int NOT NULL,
        [NumberYear] int NOT NULL,
        [Sequence] int NOT NULL,
        [NumberPrefix] nvarchar(20) NOT NULL,
        [Number] nvarchar(60) NOT NULL,
        [IssuingOffice] nvarchar(100) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [Overview] nvarchar(max) NULL,
        [Highlights] nvarchar(max) NULL,
        [Problems] nvarchar(max) NULL,
        [NextSteps] nvarchar(max) NULL,
        [SnapshotJson] nvarchar(max) NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        [UpdatedAtUtc] datetime2 NOT NULL,
        [UpdatedBy] nvarchar(256) NULL,
        [SubmittedAtUtc] datetime2 NULL,
        [SubmittedBy] nvarchar(256) NULL,
        [ReturnComment] nvarchar(2000) NULL,
        [ApprovedAtUtc] datetime2 NULL,
        [ApprovedBy] nvarchar(256) NULL,
        [PublishedAtUtc] datetime2 NULL,
        [PublishedBy] nvarchar(256) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Bulletins] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206212523_Bulletins'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Bulletins_NumberYear_Sequence] ON [Bulletins] ([NumberYear], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206212523_Bulletins'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Bulletins_QuarterIndex] ON [Bulletins] ([QuarterIndex]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206212523_Bulletins'
)
BEGIN
    CREATE INDEX [IX_Bulletins_Status_QuarterIndex] ON [Bulletins] ([Status], [QuarterIndex]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206212523_Bulletins'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206212523_Bulletins', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206215635_BulletinActionItems'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[MeetingActionItems]') AND [c].[name] = N'MeetingId');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [MeetingActionItems] DROP CONSTRAINT ' + @var + ';');
    ALTER TABLE [MeetingActionItems] ALTER COLUMN [MeetingId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206215635_BulletinActionItems'
)
BEGIN
    ALTER TABLE [MeetingActionItems] ADD [BulletinId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206215635_BulletinActionItems'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_MeetingActionItems_BulletinId_OwnerUnitId] ON [MeetingActionItems] ([BulletinId], [OwnerUnitId]) WHERE [BulletinId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206215635_BulletinActionItems'
)
BEGIN
    ALTER TABLE [MeetingActionItems] ADD CONSTRAINT [FK_MeetingActionItems_Bulletins_BulletinId] FOREIGN KEY ([BulletinId]) REFERENCES [Bulletins] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206215635_BulletinActionItems'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206215635_BulletinActionItems', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206223636_ApprovalSatisfaction'
)
BEGIN
    ALTER TABLE [PlanItems] ADD [FollowUp] nvarchar(1000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206223636_ApprovalSatisfaction'
)
BEGIN
    ALTER TABLE [PlanItems] ADD [FollowUpAtUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206223636_ApprovalSatisfaction'
)
BEGIN
    ALTER TABLE [PlanItems] ADD [FollowUpBy] nvarchar(256) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206223636_ApprovalSatisfaction'
)
BEGIN
    ALTER TABLE [PlanItems] ADD [Satisfaction] nvarchar(10) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206223636_ApprovalSatisfaction'
)
BEGIN
    ALTER TABLE [PlanItems] ADD [SatisfactionAtUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206223636_ApprovalSatisfaction'
)
BEGIN
    ALTER TABLE [PlanItems] ADD [SatisfactionBy] nvarchar(256) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206223636_ApprovalSatisfaction'
)
BEGIN
    ALTER TABLE [PlanItems] ADD [SatisfactionComment] nvarchar(1000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206223636_ApprovalSatisfaction'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206223636_ApprovalSatisfaction', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207010107_Commitments'
)
BEGIN
    CREATE TABLE [Commitments] (
        [Id] int NOT NULL IDENTITY,
        [ProjectId] int NOT NULL,
        [HostUnitId] int NOT NULL,
        [Kind] nvarchar(30) NOT NULL,
        [Factor] nvarchar(20) NULL,
        [DocumentNumber] nvarchar(100) NOT NULL,
        [Clause] nvarchar(200) NULL,
        [Promise] nvarchar(1000) NOT NULL,
        [AmountWan] decimal(18,4) NULL,
        [Formula] nvarchar(300) NULL,
        [ResponsibleUnitId] int NOT NULL,
        [TimeLimit] int NOT NULL,
        [TimeLimitUnit] nvarchar(20) NOT NULL,
        [EvidenceRequired] nvarchar(1000) NOT NULL,
        [Concerns] nvarchar(60) NOT NULL,
        [FairCompetitionReason] nvarchar(1000) NULL,
        [FairCompetitionReview] nvarchar(20) NOT NULL,
        [Status] nvarchar(30) NOT NULL,
        [StatusBeforeDispute] nvarchar(30) NULL,
        [DueSince] date NULL,
        [DueOn] date NULL,
        [DeliveredOn] date NULL,
        [TerminationReason] nvarchar(1000) NULL,
        [RecordedBy] nvarchar(256) NOT NULL,
        [RecordedAtUtc] datetime2 NOT NULL,
        [UpdatedAtUtc] datetime2 NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Commitments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Commitments_Projects_ProjectId] FOREIGN KEY ([ProjectId]) REFERENCES [Projects] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Commitments_Units_HostUnitId] FOREIGN KEY ([HostUnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Commitments_Units_ResponsibleUnitId] FOREIGN KEY ([ResponsibleUnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207010107_Commitments'
)
BEGIN
    CREATE TABLE [CommitmentConditions] (
        [Id] int NOT NULL IDENTITY,
        [CommitmentId] int NOT NULL,
        [Number] int NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [Threshold] decimal(18,4) NULL,
        [MilestoneId] int NULL,
        [Description] nvarchar(200) NULL,
        [MetOn] date NULL,
        [MetBy] nvarchar(256) NULL,
        [Note] nvarchar(1000) NULL,
        CONSTRAINT [PK_CommitmentConditions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CommitmentConditions_Commitments_CommitmentId] FOREIGN KEY ([CommitmentId]) REFERENCES [Commitments] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207010107_Commitments'
)
BEGIN
    CREATE TABLE [CommitmentHistory] (
        [Id] int NOT NULL IDENTITY,
        [CommitmentId] int NOT NULL,
        [Action] nvarchar(30) NOT NULL,
        [AtUtc] datetime2 NOT NULL,
        [UserName] nvarchar(256) NOT NULL,
        [UnitId] int NULL,
        [Status] nvarchar(30) NOT NULL,
        [Note] nvarchar(1000) NULL,
        [AmountWan] decimal(18,4) NULL,
        CONSTRAINT [PK_CommitmentHistory] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CommitmentHistory_Commitments_CommitmentId] FOREIGN KEY ([CommitmentId]) REFERENCES [Commitments] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207010107_Commitments'
)
BEGIN
    CREATE TABLE [CommitmentPayments] (
        [Id] int NOT NULL IDENTITY,
        [CommitmentId] int NOT NULL,
        [AmountWan] decimal(18,4) NULL,
        [PaidOn] date NOT NULL,
        [RecordedBy] nvarchar(256) NOT NULL,
        [RecordedAtUtc] datetime2 NOT NULL,
        [Note] nvarchar(1000) NULL,
        CONSTRAINT [PK_CommitmentPayments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CommitmentPayments_Commitments_CommitmentId] FOREIGN KEY ([CommitmentId]) REFERENCES [Commitments] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207010107_Commitments'
)
BEGIN
    CREATE INDEX [IX_CommitmentConditions_CommitmentId_Number] ON [CommitmentConditions] ([CommitmentId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207010107_Commitments'
)
BEGIN
    CREATE INDEX [IX_CommitmentHistory_CommitmentId_AtUtc] ON [CommitmentHistory] ([CommitmentId], [AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207010107_Commitments'
)
BEGIN
    CREATE INDEX [IX_CommitmentPayments_CommitmentId_PaidOn] ON [CommitmentPayments] ([CommitmentId], [PaidOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207010107_Commitments'
)
BEGIN
    CREATE INDEX [IX_Commitments_HostUnitId] ON [Commitments] ([HostUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207010107_Commitments'
)
BEGIN
    CREATE INDEX [IX_Commitments_ProjectId_Status] ON [Commitments] ([ProjectId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207010107_Commitments'
)
BEGIN
    CREATE INDEX [IX_Commitments_ResponsibleUnitId_Status] ON [Commitments] ([ResponsibleUnitId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207010107_Commitments'
)
BEGIN
    CREATE INDEX [IX_Commitments_Status_DueOn] ON [Commitments] ([Status], [DueOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207010107_Commitments'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207010107_Commitments', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207020054_ChainMaps'
)
BEGIN
    ALTER TABLE [Chains] ADD [UpdatedAtUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207020054_ChainMaps'
)
BEGIN
    ALTER TABLE [ChainLinks] ADD [Description] nvarchar(500) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207020054_ChainMaps'
)
BEGIN
    ALTER TABLE [ChainLinks] ADD [GapNote] nvarchar(2000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207020054_ChainMaps'
)
BEGIN
    ALTER TABLE [ChainLinks] ADD [Goal] nvarchar(20) NOT NULL DEFAULT N'Strong';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207020054_ChainMaps'
)
BEGIN
    ALTER TABLE [ChainLinks] ADD [Kind] nvarchar(20) NOT NULL DEFAULT N'Product';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207020054_ChainMaps'
)
BEGIN
    ALTER TABLE [ChainLinks] ADD [LocalEnterprises] nvarchar(max) NOT NULL DEFAULT N'[]';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207020054_ChainMaps'
)
BEGIN
    ALTER TABLE [ChainLinks] ADD [Order] int NOT NULL DEFAULT 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207020054_ChainMaps'
)
BEGIN
    ALTER TABLE [ChainLinks] ADD [ReratingProjectId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207020054_ChainMaps'
)
BEGIN
    ALTER TABLE [ChainLinks] ADD [ReratingProposedAtUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207020054_ChainMaps'
)
BEGIN
    CREATE TABLE [ChainComments] (
        [Id] int NOT NULL IDENTITY,
        [ChainId] int NOT NULL,
        [ChainLinkId] int NULL,
        [Text] nvarchar(2000) NOT NULL,
        [By] nvarchar(100) NOT NULL,
        [ByUnitId] int NULL,
        [AtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_ChainComments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ChainComments_ChainLinks_ChainLinkId] FOREIGN KEY ([ChainLinkId]) REFERENCES [ChainLinks] ([Id]),
        CONSTRAINT [FK_ChainComments_Chains_ChainId] FOREIGN KEY ([ChainId]) REFERENCES [Chains] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207020054_ChainMaps'
)
BEGIN
    CREATE TABLE [ChainFlows] (
        [Id] int NOT NULL IDENTITY,
        [ChainId] int NOT NULL,
        [FromLinkId] int NOT NULL,
        [ToLinkId] int NOT NULL,
        CONSTRAINT [PK_ChainFlows] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ChainFlows_ChainLinks_FromLinkId] FOREIGN KEY ([FromLinkId]) REFERENCES [ChainLinks] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ChainFlows_ChainLinks_ToLinkId] FOREIGN KEY ([ToLinkId]) REFERENCES [ChainLinks] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_ChainFlows_Chains_ChainId] FOREIGN KEY ([ChainId]) REFERENCES [Chains] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207020054_ChainMaps'
)
BEGIN
    CREATE TABLE [ChainLinkStatusChanges] (
        [Id] int NOT NULL IDENTITY,
        [ChainLinkId] int NOT NULL,
        [From] nvarchar(20) NOT NULL,
        [To] nvarchar(20) NOT NULL,
        [Reason] nvarchar(1000) NOT NULL,
        [Kind] nvarchar(30) NOT NULL,
        [ProjectId] int NULL,
        [By] nvarchar(100) NOT NULL,
        [ByUnitId] int NULL,
        [AtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_ChainLinkStatusChanges] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ChainLinkStatusChanges_ChainLinks_ChainLinkId] FOREIGN KEY ([ChainLinkId]) REFERENCES [ChainLinks] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207020054_ChainMaps'
)
BEGIN
    CREATE TABLE [ChainRoadmapEntries] (
        [Id] int NOT NULL IDENTITY,
        [ChainLinkId] int NOT NULL,
        [Sought] nvarchar(500) NOT NULL,
        [SourceRegions] nvarchar(max) NOT NULL,
        [By] date NOT NULL,
        [CreatedBy] nvarchar(100) NOT NULL,
        [CreatedAtUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_ChainRoadmapEntries] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ChainRoadmapEntries_ChainLinks_ChainLinkId] FOREIGN KEY ([ChainLinkId]) REFERENCES [ChainLinks] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207020054_ChainMaps'
)
BEGIN
    CREATE INDEX [IX_ChainComments_ChainId_AtUtc] ON [ChainComments] ([ChainId], [AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207020054_ChainMaps'
)
BEGIN
    CREATE INDEX [IX_ChainComments_ChainLinkId] ON [ChainComments] ([ChainLinkId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207020054_ChainMaps'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ChainFlows_ChainId_FromLinkId_ToLinkId] ON [ChainFlows] ([ChainId], [FromLinkId], [ToLinkId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207020054_ChainMaps'
)
BEGIN
    CREATE INDEX [IX_ChainFlows_FromLinkId] ON [ChainFlows] ([FromLinkId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207020054_ChainMaps'
)
BEGIN
    CREATE INDEX [IX_ChainFlows_ToLinkId] ON [ChainFlows] ([ToLinkId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207020054_ChainMaps'
)
BEGIN
    CREATE INDEX [IX_ChainLinkStatusChanges_ChainLinkId] ON [ChainLinkStatusChanges] ([ChainLinkId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207020054_ChainMaps'
)
BEGIN
    CREATE INDEX [IX_ChainRoadmapEntries_ChainLinkId] ON [ChainRoadmapEntries] ([ChainLinkId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207020054_ChainMaps'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207020054_ChainMaps', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207044120_Assessment'
)
BEGIN
    CREATE TABLE [AssessmentRounds] (
        [Id] int NOT NULL IDENTITY,
        [Year] int NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [MeasuredThrough] date NULL,
        [ComputedAtUtc] datetime2 NULL,
        [ResultsJson] nvarchar(max) NOT NULL,
        [InputsJson] nvarchar(max) NOT NULL,
        [ChecksJson] nvarchar(max) NOT NULL,
        [StepsJson] nvarchar(max) NOT NULL,
        [LastReviewComment] nvarchar(2000) NULL,
        [FinalAtUtc] datetime2 NULL,
        [ApprovedBy] nvarchar(256) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_AssessmentRounds] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207044120_Assessment'
)
BEGIN
    CREATE TABLE [AssessmentSchemes] (
        [Id] int NOT NULL IDENTITY,
        [Year] int NOT NULL,
        [ContentJson] nvarchar(max) NOT NULL,
        [UpdatedAtUtc] datetime2 NOT NULL,
        [UpdatedBy] nvarchar(256) NOT NULL,
        [FrozenAtUtc] datetime2 NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_AssessmentSchemes] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207044120_Assessment'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AssessmentRounds_Year] ON [AssessmentRounds] ([Year]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207044120_Assessment'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AssessmentSchemes_Year] ON [AssessmentSchemes] ([Year]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207044120_Assessment'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207044120_Assessment', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207044545_Complaints'
)
BEGIN
    CREATE TABLE [Complaints] (
        [Id] int NOT NULL IDENTITY,
        [TrackingNumber] nvarchar(20) NOT NULL,
        [CodeHash] nvarchar(120) NOT NULL,
        [EnterpriseName] nvarchar(200) NOT NULL,
        [CreditCode] nvarchar(18) NOT NULL,
        [ContactName] nvarchar(50) NOT NULL,
        [Phone] nvarchar(30) NOT NULL,
        [ProjectName] nvarchar(200) NULL,
        [ProjectId] int NULL,
        [CommitmentId] int NULL,
        [Category] nvarchar(30) NOT NULL,
        [Description] nvarchar(2000) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [FiledAtUtc] datetime2 NOT NULL,
        [FiledOn] date NOT NULL,
        [AcceptBy] date NOT NULL,
        [AcceptedOn] date NULL,
        [RefusalReason] nvarchar(1000) NULL,
        [AssignedUnitId] int NULL,
        [AssignedOn] date NULL,
        [DueOn] date NULL,
        [Reply] nvarchar(2000) NULL,
        [AnsweredOn] date NULL,
        [Rating] nvarchar(20) NULL,
        [RatingComment] nvarchar(1000) NULL,
        [FollowUps] int NOT NULL,
        [UpdatedAtUtc] datetime2 NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Complaints] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Complaints_Commitments_CommitmentId] FOREIGN KEY ([CommitmentId]) REFERENCES [Commitments] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Complaints_Projects_ProjectId] FOREIGN KEY ([ProjectId]) REFERENCES [Projects] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Complaints_Units_AssignedUnitId] FOREIGN KEY ([AssignedUnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207044545_Complaints'
)
BEGIN
    CREATE TABLE [ComplaintHistory] (
        [Id] int NOT NULL IDENTITY,
        [ComplaintId] int NOT NULL,
        [Action] nvarchar(30) NOT NULL,
        [AtUtc] datetime2 NOT NULL,
        [UserName] nvarchar(256) NOT NULL,
        [UnitId] int NULL,
        [Status] nvarchar(20) NOT NULL,
        [Note] nvarchar(2000) NULL,
        CONSTRAINT [PK_ComplaintHistory] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ComplaintHistory_Complaints_ComplaintId] FOREIGN KEY ([ComplaintId]) REFERENCES [Complaints] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207044545_Complaints'
)
BEGIN
    CREATE INDEX [IX_ComplaintHistory_ComplaintId_AtUtc] ON [ComplaintHistory] ([ComplaintId], [AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207044545_Complaints'
)
BEGIN
    CREATE INDEX [IX_Complaints_AssignedUnitId_Status] ON [Complaints] ([AssignedUnitId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207044545_Complaints'
)
BEGIN
    CREATE INDEX [IX_Complaints_CommitmentId] ON [Complaints] ([CommitmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207044545_Complaints'
)
BEGIN
    CREATE INDEX [IX_Complaints_ProjectId] ON [Complaints] ([ProjectId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207044545_Complaints'
)
BEGIN
    CREATE INDEX [IX_Complaints_Status_AcceptBy] ON [Complaints] ([Status], [AcceptBy]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207044545_Complaints'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Complaints_TrackingNumber] ON [Complaints] ([TrackingNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207044545_Complaints'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207044545_Complaints', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207050145_AnnualTargets'
)
BEGIN
    CREATE TABLE [AnnualTargets] (
        [Id] int NOT NULL IDENTITY,
        [Year] int NOT NULL,
        [Indicator] nvarchar(40) NOT NULL,
        [Amount] decimal(18,4) NOT NULL,
        [UpdatedAtUtc] datetime2 NOT NULL,
        [UpdatedBy] nvarchar(256) NOT NULL,
        [Changes] int NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_AnnualTargets] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207050145_AnnualTargets'
)
BEGIN
    CREATE TABLE [AnnualTargetShares] (
        [Id] int NOT NULL IDENTITY,
        [AnnualTargetId] int NOT NULL,
        [UnitId] int NOT NULL,
        [Sequence] nvarchar(20) NOT NULL,
        [Amount] decimal(18,4) NOT NULL,
        CONSTRAINT [PK_AnnualTargetShares] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AnnualTargetShares_AnnualTargets_AnnualTargetId] FOREIGN KEY ([AnnualTargetId]) REFERENCES [AnnualTargets] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AnnualTargetShares_Units_UnitId] FOREIGN KEY ([UnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207050145_AnnualTargets'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AnnualTargets_Year_Indicator] ON [AnnualTargets] ([Year], [Indicator]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207050145_AnnualTargets'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AnnualTargetShares_AnnualTargetId_UnitId] ON [AnnualTargetShares] ([AnnualTargetId], [UnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207050145_AnnualTargets'
)
BEGIN
    CREATE INDEX [IX_AnnualTargetShares_UnitId] ON [AnnualTargetShares] ([UnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207050145_AnnualTargets'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207050145_AnnualTargets', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207082207_Integrity'
)
BEGIN
    CREATE TABLE [IntegrityCases] (
        [Id] int NOT NULL IDENTITY,
        [Kind] nvarchar(30) NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [Description] nvarchar(2000) NOT NULL,
        [UnitId] int NOT NULL,
        [Since] date NOT NULL,
        [ProjectId] int NULL,
        [CommitmentId] int NULL,
        [ComplaintId] int NULL,
        [Status] nvarchar(20) NOT NULL,
        [OpenedOn] date NOT NULL,
        [OpenedBy] nvarchar(256) NOT NULL,
        [RectifyBy] date NOT NULL,
        [Plan] nvarchar(2000) NULL,
        [Report] nvarchar(2000) NULL,
        [ReportedOn] date NULL,
        [VerifiedBy] nvarchar(256) NULL,
        [VerifiedOn] date NULL,
        [Reason] nvarchar(1000) NULL,
        [RecordedBreachOn] date NULL,
        [UpdatedAtUtc] datetime2 NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_IntegrityCases] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_IntegrityCases_Commitments_CommitmentId] FOREIGN KEY ([CommitmentId]) REFERENCES [Commitments] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_IntegrityCases_Complaints_ComplaintId] FOREIGN KEY ([ComplaintId]) REFERENCES [Complaints] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_IntegrityCases_Projects_ProjectId] FOREIGN KEY ([ProjectId]) REFERENCES [Projects] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_IntegrityCases_Units_UnitId] FOREIGN KEY ([UnitId]) REFERENCES [Units] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207082207_Integrity'
)
BEGIN
    CREATE TABLE [IntegrityCaseHistory] (
        [Id] int NOT NULL IDENTITY,
        [CaseId] int NOT NULL,
        [Action] nvarchar(30) NOT NULL,
        [AtUtc] datetime2 NOT NULL,
        [UserName] nvarchar(256) NOT NULL,
        [UnitId] int NULL,
        [Status] nvarchar(20) NOT NULL,
        [Note] nvarchar(2000) NULL,
        CONSTRAINT [PK_IntegrityCaseHistory] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_IntegrityCaseHistory_IntegrityCases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [IntegrityCases] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207082207_Integrity'
)
BEGIN
    CREATE INDEX [IX_IntegrityCaseHistory_CaseId_AtUtc] ON [IntegrityCaseHistory] ([CaseId], [AtUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207082207_Integrity'
)
BEGIN
    CREATE INDEX [IX_IntegrityCases_CommitmentId] ON [IntegrityCases] ([CommitmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207082207_Integrity'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_IntegrityCases_ComplaintId] ON [IntegrityCases] ([ComplaintId]) WHERE ComplaintId IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207082207_Integrity'
)
BEGIN
    CREATE INDEX [IX_IntegrityCases_ProjectId] ON [IntegrityCases] ([ProjectId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207082207_Integrity'
)
BEGIN
    CREATE INDEX [IX_IntegrityCases_Status_RectifyBy] ON [IntegrityCases] ([Status], [RectifyBy]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207082207_Integrity'
)
BEGIN
    CREATE INDEX [IX_IntegrityCases_UnitId_Status] ON [IntegrityCases] ([UnitId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207082207_Integrity'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207082207_Integrity', N'10.0.15');
END;

COMMIT;
GO

