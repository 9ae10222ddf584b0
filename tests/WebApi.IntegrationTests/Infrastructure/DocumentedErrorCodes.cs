namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

/// <summary>The ProblemDetails codes docs/ERRORS.md lists: the first cell of each table row, e.g. <c>| `not_found` | 404 |</c>.</summary>
public static class DocumentedErrorCodes
{
    private static readonly Lazy<HashSet<string>> Codes = new(() =>
    [
        .. File.ReadLines(Path.Combine(RepositoryRoot.Path, "docs", "ERRORS.md"))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Split('`')[1]),
    ]);

    public static bool Contains(string code) => Codes.Value.Contains(code);
}
