namespace NovaPulse.Domain.Common;

/// <summary>A row that belongs to exactly one company; reads and writes are restricted to the caller's company.</summary>
public interface ITenantOwned
{
    Guid CompanyId { get; }
}
