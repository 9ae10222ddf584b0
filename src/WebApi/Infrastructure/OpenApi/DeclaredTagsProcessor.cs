using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace NovaPulse.WebApi.Infrastructure.OpenApi;

/// <summary>
/// Declares every tag the operations use (one per controller) in the document's top-level <c>tags</c>, in name order,
/// as the OpenAPI lint (<c>operation-tag-defined</c>) expects; a new controller's tag is declared without a code change.
/// </summary>
public sealed class DeclaredTagsProcessor : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context)
    {
        var document = context.Document;
        var used = document.Paths.Values.SelectMany(path => path.Values).SelectMany(operation => operation.Tags ?? []).Distinct(StringComparer.Ordinal);
        var declared = document.Tags.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in used.Where(n => !declared.Contains(n)))
        {
            document.Tags.Add(new OpenApiTag { Name = name });
        }

        var ordered = document.Tags.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        document.Tags.Clear();
        foreach (var tag in ordered)
        {
            document.Tags.Add(tag);
        }
    }
}
