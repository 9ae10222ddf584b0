using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace NovaPulse.WebApi.Infrastructure.Http;

/// <summary>
/// Binds enums in routes and query strings by their snake_case names (<c>?status=in_progress</c>), exactly as they
/// appear in JSON; numbers and C# names are rejected so there is one spelling per value.
/// </summary>
public sealed class SnakeCaseEnumModelBinder(Type enumType) : IModelBinder
{
    private readonly Dictionary<string, object> _values = Enum.GetValues(enumType).Cast<object>()
        .ToDictionary(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()!), v => v, StringComparer.Ordinal);

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None || string.IsNullOrEmpty(result.FirstValue))
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
        if (_values.TryGetValue(result.FirstValue, out var value))
        {
            bindingContext.Result = ModelBindingResult.Success(value);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(
                bindingContext.ModelName, $"'{result.FirstValue}' is not one of: {string.Join(", ", _values.Keys)}.");
        }

        return Task.CompletedTask;
    }
}

public sealed class SnakeCaseEnumModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type.IsEnum && context.BindingInfo.BindingSource != BindingSource.Body ? new SnakeCaseEnumModelBinder(type) : null;
    }
}
