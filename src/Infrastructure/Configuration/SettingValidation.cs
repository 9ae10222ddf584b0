using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace NovaPulse.Infrastructure.Configuration;

/// <summary>
/// Options validation whose failures name the configuration key and its environment variable, so a failed start tells
/// the operator what to set rather than which C# property was wrong.
/// </summary>
public static class SettingValidation
{
    /// <summary>The environment variable that sets <paramref name="key"/>: <c>Auth:MaxFailedLogins</c> -> <c>Auth__MaxFailedLogins</c>.</summary>
    public static string EnvironmentVariable(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>
    /// <c>ValidateDataAnnotations</c>, but each failure reads
    /// "The field Auth:MaxFailedLogins must be between 1 and 100 (environment variable Auth__MaxFailedLogins)."
    /// </summary>
    public static OptionsBuilder<TOptions> ValidateSettings<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TOptions>(
        this OptionsBuilder<TOptions> builder, string section)
        where TOptions : class
    {
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new AnnotatedSettingsValidator<TOptions>(builder.Name, section));
        return builder;
    }

    private sealed class AnnotatedSettingsValidator<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TOptions>(
        string? optionsName, string section) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            if (optionsName is not null && optionsName != name)
            {
                return ValidateOptionsResult.Skip;
            }

            var failures = new List<string>();
            Collect(options, typeof(TOptions), section, failures);
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        /// <summary>Annotated properties, and those of nested sections marked <see cref="ValidateObjectMembersAttribute"/>.</summary>
        private static void Collect(object options, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type type, string section, List<string> failures)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var key = $"{section}:{property.Name}";
                if (property.IsDefined(typeof(ValidateObjectMembersAttribute), inherit: true))
                {
                    if (property.GetValue(options) is { } nested)
                    {
                        Collect(nested, property.PropertyType, key, failures);
                    }

                    continue;
                }

                if (!property.IsDefined(typeof(ValidationAttribute), inherit: true))
                {
                    continue;
                }

                // The display name is what the stock messages print ("The field {0} must be between ..."): make it the key.
                var context = new ValidationContext(options) { MemberName = property.Name, DisplayName = key };
                var results = new List<ValidationResult>();
                if (!Validator.TryValidateProperty(property.GetValue(options), context, results))
                {
                    failures.AddRange(results.Select(r => Describe(key, r.ErrorMessage ?? $"{key} is invalid.")));
                }
            }
        }

        private static string Describe(string key, string message)
        {
            var variable = EnvironmentVariable(key);
            return message.Contains(variable, StringComparison.Ordinal) ? message : $"{message.TrimEnd('.')} (environment variable {variable}).";
        }
    }
}
