using Namotion.Reflection;
using NJsonSchema;
using NJsonSchema.Generation;
using NovaPulse.Domain.Common;

namespace NovaPulse.WebApi.Infrastructure.OpenApi;

/// <summary>
/// A partial update's <see cref="Optional{T}"/> property is T on the wire (absent or the value), so the contract
/// describes it as T, nullability included; the wrapper itself never appears in the document.
/// </summary>
public sealed class OptionalSchemaReflectionService : SystemTextJsonReflectionService
{
    protected override JsonTypeDescription GetDescription(
        ContextualType contextualType,
        SystemTextJsonSchemaGeneratorSettings settings,
        Type originalType,
        bool isNullable,
        ReferenceTypeNullHandling defaultReferenceTypeNullHandling) =>
        originalType.IsGenericType && originalType.GetGenericTypeDefinition() == typeof(Optional<>)
            ? GetDescription(contextualType.GenericArguments[0], defaultReferenceTypeNullHandling, settings)
            : base.GetDescription(contextualType, settings, originalType, isNullable, defaultReferenceTypeNullHandling);
}
