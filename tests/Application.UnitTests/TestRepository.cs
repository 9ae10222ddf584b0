namespace NovaPulse.Application.UnitTests;

/// <summary>The checkout the tests run from (the folder holding NovaPulse.sln), for committed docs and sources.</summary>
public static class TestRepository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NovaPulse.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("NovaPulse.sln not found above the test binaries.");
    }
}
