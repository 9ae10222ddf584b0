using FluentValidation.TestHelper;
using NovaPulse.Application.Auth.Register;

namespace NovaPulse.Application.UnitTests.Auth;

public sealed class RegisterCommandValidatorTests
{
    private static readonly RegisterCommand Valid = new("Acme", "Ada Lovelace", "ada@acme.test", "correct-horse-1");

    private readonly RegisterCommandValidator _validator = new();

    [Fact]
    public void A_complete_registration_is_valid()
    {
        _validator.TestValidate(Valid).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("")]
    [InlineData("short1")]
    [InlineData("abc123x")]
    public void The_password_has_at_least_8_characters(string password)
    {
        _validator.TestValidate(Valid with { Password = password }).ShouldHaveValidationErrorFor(c => c.Password);
    }

    [Fact]
    public void A_password_of_exactly_8_characters_with_a_letter_and_a_digit_is_accepted()
    {
        _validator.TestValidate(Valid with { Password = "abcdefg1" }).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void The_password_has_at_most_128_characters()
    {
        _validator.TestValidate(Valid with { Password = "a1" + new string('x', 127) }).ShouldHaveValidationErrorFor(c => c.Password);
        _validator.TestValidate(Valid with { Password = "a1" + new string('x', 126) }).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void The_password_needs_a_digit()
    {
        _validator.TestValidate(Valid with { Password = "onlyletters" }).ShouldHaveValidationErrorFor(c => c.Password)
            .WithErrorMessage("'Password' must contain at least one letter and one digit.");
    }

    [Fact]
    public void The_password_needs_a_letter()
    {
        _validator.TestValidate(Valid with { Password = "1234567890" }).ShouldHaveValidationErrorFor(c => c.Password)
            .WithErrorMessage("'Password' must contain at least one letter and one digit.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-email")]
    public void The_email_must_be_an_email_address(string email)
    {
        _validator.TestValidate(Valid with { Email = email }).ShouldHaveValidationErrorFor(c => c.Email);
    }

    [Fact]
    public void The_email_is_at_most_254_characters()
    {
        _validator.TestValidate(Valid with { Email = new string('a', 250) + "@x.io" }).ShouldHaveValidationErrorFor(c => c.Email);
    }

    [Fact]
    public void Company_and_person_names_are_required_and_bounded()
    {
        _validator.TestValidate(Valid with { CompanyName = "" }).ShouldHaveValidationErrorFor(c => c.CompanyName);
        _validator.TestValidate(Valid with { CompanyName = new string('c', 121) }).ShouldHaveValidationErrorFor(c => c.CompanyName);
        _validator.TestValidate(Valid with { Name = "" }).ShouldHaveValidationErrorFor(c => c.Name);
        _validator.TestValidate(Valid with { Name = new string('n', 121) }).ShouldHaveValidationErrorFor(c => c.Name);
    }
}
