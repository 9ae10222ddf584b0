using NetArchTest.Rules;

namespace NovaPulse.Architecture.Tests;

internal static class ArchitectureAssert
{
    /// <summary>Fails with the names of the offending types, so a red test says what to fix.</summary>
    public static void Holds(TestResult result, string rule) =>
        Assert.True(result.IsSuccessful, $"{rule}. Offending types: {string.Join(", ", result.FailingTypeNames ?? [])}");

    public static void NoneOf(IEnumerable<Type> offenders, string rule)
    {
        var names = offenders.Select(t => t.FullName).Order(StringComparer.Ordinal).ToList();
        Assert.True(names.Count == 0, $"{rule}. Offending types: {string.Join(", ", names)}");
    }
}
