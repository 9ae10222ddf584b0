namespace NovaPulse.Domain.Common;

/// <summary>Marks a property whose value must never appear in audit entries or logs.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute;
