using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NovaPulse.Application.Common.Events;
using NovaPulse.Application.Integrations.Notify;
using NovaPulse.Domain.Common;
using NovaPulse.Domain.Tasks;
using NovaPulse.Domain.Users;

namespace NovaPulse.Application.UnitTests.Events;

/// <summary>The event catalogue is the one declaration of every public event; these hold the rest of the code to it.</summary>
public sealed partial class EventDeclarationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_domain_event_has_exactly_one_declaration_and_every_declaration_but_the_test_event_a_domain_event()
    {
        var domainEvents = typeof(IDomainEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDomainEvent).IsAssignableFrom(t))
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)
            .ToList();
        var declared = EventCatalogue.Declarations.Where(d => d.DomainEvent is not null).Select(d => d.DomainEvent!.FullName!).ToList();

        Assert.NotEmpty(domainEvents);
        Assert.Equal(domainEvents, declared.Order(StringComparer.Ordinal));
        Assert.Equal([EventCatalogue.WebhookTest], EventCatalogue.Declarations.Where(d => d.DomainEvent is null).Select(d => d.Name));
        Assert.Equal(EventCatalogue.Declarations.Count, EventCatalogue.Declarations.Select(d => d.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_raised_domain_event_is_published_under_its_declared_name_with_its_typed_payload()
    {
        var task = TaskItem.Create(Guid.CreateVersion7(), "Report", null, TaskItemStatus.Todo, TaskPriority.High, null, null, [], Guid.CreateVersion7(), Now);
        var created = Assert.Single(task.DomainEvents);

        var (name, payload) = EventCatalogue.Publish(created);

        Assert.Equal("task.created", name);
        Assert.Equal(Assert.IsType<TaskCreated>(created).Task, Assert.IsType<TaskSnapshot>(payload));
    }

    [Fact]
    public void The_member_joined_payload_names_the_role_in_lower_case()
    {
        var user = User.Create(Guid.CreateVersion7(), "ada@example.com", "Ada", Role.Owner, Now);

        var (name, payload) = EventCatalogue.Publish(Assert.Single(user.DomainEvents));

        Assert.Equal("member.joined", name);
        Assert.Equal(new MemberJoinedPayload(user.Id, "ada@example.com", "Ada", "owner"), payload);
    }

    [Fact]
    public void Every_example_uses_only_fields_of_its_declared_payload_type()
    {
        foreach (var declaration in EventCatalogue.Declarations)
        {
            var fields = declaration.PayloadType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
                .ToHashSet(StringComparer.Ordinal);
            var unknown = declaration.Example.AsObject().Select(p => p.Key).Where(k => !fields.Contains(k)).ToList();
            Assert.True(unknown.Count == 0, $"{declaration.Name}: example fields {string.Join(", ", unknown)} are not in {declaration.PayloadType.Name}");
        }
    }

    [Fact]
    public void Notification_subjects_come_from_the_declaration()
    {
        var (subject, body) = NotificationText.For("task.assigned", JsonNode.Parse("""{"task":{"id":"t1","title":"Report"},"previousAssigneeId":null}"""));
        Assert.Equal("Task assigned to you: Report", subject);
        Assert.Equal("Task assigned to you: Report\n\nEvent: task.assigned\nTask id: t1", body);

        Assert.Equal("NovaPulse event: invoice.paid", NotificationText.For("invoice.paid", JsonNode.Parse("""{"id":"in_1"}""")).Subject);
    }

    [Fact]
    public void The_catalogue_table_in_the_webhooks_docs_lists_every_declared_type_with_its_least_role()
    {
        var rows = File.ReadAllLines(Path.Combine(TestRepository.Root, "docs", "WEBHOOKS.md"))
            .SkipWhile(l => l != "## Event catalogue")
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .SelectMany(cells => Backticked().Matches(cells[1]).Select(m => (Name: m.Groups[1].Value, Role: cells[3].Trim('*').Split(' ', '*')[0])))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();

        var declared = EventCatalogue.Declarations.Select(d => (d.Name, Role: d.MinimumRole.ToString())).OrderBy(r => r.Name, StringComparer.Ordinal);
        Assert.Equal(declared, rows);
    }

    [GeneratedRegex("`([a-z_.]+)`")]
    private static partial Regex Backticked();
}
