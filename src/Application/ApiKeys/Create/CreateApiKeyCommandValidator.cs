using FluentValidation;
using NovaPulse.Domain.ApiKeys;

namespace NovaPulse.Application.ApiKeys.Create;

public sealed class CreateApiKeyCommandValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(ApiKey.NameMaxLength);
        RuleFor(c => c.Role).IsInEnum();
    }
}
