namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

/// <summary>The checkout the tests run from (the folder holding NovaPulse.sln), for committed files and scripts.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "NovaPulse.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("NovaPulse.sln not found above the test binaries.");
    }
}
