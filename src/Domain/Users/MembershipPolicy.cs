using NovaPulse.Domain.Common;

namespace NovaPulse.Domain.Users;

/// <summary>Who may grant, change or remove which role; the company must always keep an Owner.</summary>
public static class MembershipPolicy
{
    /// <summary>An actor may grant roles up to their own (only an Owner makes Owners).</summary>
    public static bool CanGrant(Role actor, Role granted) => actor >= granted && actor >= Role.Admin;

    public static void EnsureCanChangeRole(Role actor, User target, Role newRole, int ownerCount)
    {
        EnsureCanManage(actor, target);
        if (!CanGrant(actor, newRole))
        {
            throw new DomainAccessException($"A {actor} cannot grant the {newRole} role.");
        }

        if (target.Role == Role.Owner && newRole != Role.Owner && ownerCount <= 1)
        {
            throw new DomainRuleException("last_owner", "The last Owner cannot be demoted; make another member Owner first.");
        }
    }

    public static void EnsureCanRemove(Role actor, User target, int ownerCount)
    {
        EnsureCanManage(actor, target);
        if (target.Role == Role.Owner && ownerCount <= 1)
        {
            throw new DomainRuleException("last_owner", "The last Owner cannot be removed.");
        }
    }

    private static void EnsureCanManage(Role actor, User target)
    {
        if (actor < Role.Admin || target.Role > actor)
        {
            throw new DomainAccessException($"A {actor} cannot manage a {target.Role}.");
        }
    }
}
