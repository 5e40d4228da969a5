namespace DataPipeline.Local.Engine;

/// <summary>The files under a table's staging folder: those the plan reads, in path order, and those it ignores.</summary>
internal sealed record StagingListing(string Folder, IReadOnlyList<StagingFile> Files, IReadOnlyList<string> Ignored, bool FolderExists);
