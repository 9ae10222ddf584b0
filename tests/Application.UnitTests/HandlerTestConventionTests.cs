using System.Text.RegularExpressions;

namespace NovaPulse.Application.UnitTests;

/// <summary>
/// A use case with a rule (the handler throws, or asks a guard to Ensure/Require something) has its own handler test
/// class, named for the handler, so a rule cannot land without a test that states it.
/// </summary>
public sealed partial class HandlerTestConventionTests
{
    [Fact]
    public void Every_handler_with_a_rule_has_a_unit_test_class_named_for_it()
    {
        var ruled = Directory.EnumerateFiles(Path.Combine(TestRepository.Root, "src", "Application"), "*Handler.cs", SearchOption.AllDirectories)
            .Where(file => Rule().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetFileNameWithoutExtension(file))
            .ToList();
        var tested = typeof(HandlerTestConventionTests).Assembly.GetTypes().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        var untested = ruled.Where(handler => !tested.Contains(handler + "Tests")).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(ruled);
        Assert.True(untested.Count == 0, "Handlers with a rule but no <Handler>Tests class: " + string.Join(", ", untested));
    }

    [GeneratedRegex(@"\bthrow\b|AppException\.|\.Ensure\w+|\.Require(?!CompanyId\b|UserId\b)\w+")]
    private static partial Regex Rule();
}
