using NovaPulse.Domain.Companies;

namespace NovaPulse.Application.Auth.Common;

public sealed record CompanyDto(Guid Id, string Name, string PlanId, DateTimeOffset CreatedAt)
{
    public static CompanyDto From(Company company) => new(company.Id, company.Name, company.PlanId, company.CreatedAt);
}
