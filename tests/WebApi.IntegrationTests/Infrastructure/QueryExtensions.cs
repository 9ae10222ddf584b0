using Microsoft.EntityFrameworkCore;

namespace NovaPulse.WebApi.IntegrationTests.Infrastructure;

public static class QueryExtensions
{
    /// <summary>Tests read across tenants on purpose, to prove what was (not) stored.</summary>
    public static IQueryable<T> IgnoreTenant<T>(this IQueryable<T> query)
        where T : class => query.IgnoreQueryFilters();
}
