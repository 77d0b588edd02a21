namespace SafeguardDocs.TestSupport;

/// <summary>Paths in the repository, found from the test's working folder.</summary>
public static class Repo
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SafeguardDocs.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Could not find SafeguardDocs.sln above the test folder.");
    });

    public static string Root => RootPath.Value;

    public static string Samples => Path.Combine(Root, "samples");

    public static string Templates => Path.Combine(Root, "templates");

    public static string Sample(string name) => Path.Combine(Samples, name);

    /// <summary>The published sample cases beside the repository (<c>../shared/cases</c>), when present.</summary>
    public static string? SharedCases
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "cases"));
            return Directory.Exists(path) ? path : null;
        }
    }

    /// <summary>A new empty folder under the system temp folder, for one test.</summary>
    public static string NewTempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "sgd-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
