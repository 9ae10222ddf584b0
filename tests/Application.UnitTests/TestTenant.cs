using NovaPulse.Domain.Common;
using NovaPulse.Domain.Companies;
using NovaPulse.Domain.Users;

namespace NovaPulse.Application.UnitTests;

/// <summary>
/// A company and its owner written straight to the database, as registration would leave them. Seeding acts as
/// nobody, so it works whoever the test has signed in.
/// </summary>
public sealed record TestTenant(Company Company, User Owner)
{
    public static async Task<TestTenant> CreateAsync(TestDatabase database, string name)
    {
        var now = database.Clock.GetUtcNow();
        var company = Company.Create(name, now);
        var owner = User.Create(company.Id, $"owner@{name.ToLowerInvariant()}.test", $"{name} Owner", Role.Owner, now);
        await using var context = database.NewContext(actingAs: new TestCurrentUser());
        context.Companies.Add(company);
        context.Users.Add(owner);
        await context.SaveChangesAsync();
        return new TestTenant(company, owner);
    }

    /// <summary>A new company whose owner the test then acts as.</summary>
    public static async Task<TestTenant> CreateSignedInAsync(TestDatabase database, string name)
    {
        var tenant = await CreateAsync(database, name);
        database.CurrentUser.SignInAs(tenant.Owner);
        return tenant;
    }

    public async Task<User> AddMemberAsync(TestDatabase database, string name, Role role = Role.Member)
    {
        var member = User.Create(Company.Id, $"{name.ToLowerInvariant()}@{Company.Name.ToLowerInvariant()}.test", name, role, database.Clock.GetUtcNow());
        await using var context = database.NewContext(actingAs: new TestCurrentUser());
        context.Users.Add(member);
        await context.SaveChangesAsync();
        return member;
    }
}
