namespace KashiInvest.Web.Tests.Support;

public static class Repo
{
    /// <summary>The repository root (the folder holding KashiInvest.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Where browser tests save their screenshots: artifacts/screenshots.</summary>
    public static string Screenshots
    {
        get
        {
            var dir = Path.Combine(Root, "artifacts", "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KashiInvest.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("KashiInvest.sln not found above the test binaries.");
    }
}
