namespace KashiInvest.Infrastructure.DemoData;

/// <summary>Settings of section <c>Demo</c>.</summary>
public sealed class DemoDataOptions
{
    public const string Section = "Demo";

    /// <summary>The password every demo account shares. Demo accounts exist only with demo data.</summary>
    public const string Password = "KashiDemo#2026";

    /// <summary>Fill an empty database with demo data and demo accounts at start-up.</summary>
    public bool Enabled { get; set; }

    /// <summary>Multiplies the number of investors, projects, reports and problems (1 = ~150 projects).</summary>
    public int Scale { get; set; } = 1;

    /// <summary>The random seed: the same seed, scale and day give the same data.</summary>
    public int Seed { get; set; } = 20260101;
}

/// <summary>A demo account as printed at start-up and listed in README.</summary>
public sealed record DemoAccount(string UserName, string Role, string UnitName);
