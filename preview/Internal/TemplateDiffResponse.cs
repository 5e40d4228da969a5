namespace DataPipeline.Preview;

/// <summary>What preview/template-diff.js prints.</summary>
internal sealed record TemplateDiffResponse(IReadOnlyList<DiffedStack> Stacks);
