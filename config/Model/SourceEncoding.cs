namespace DataPipeline.Config.Model;

/// <summary>The character encoding of a table's staging files.</summary>
public enum SourceEncoding
{
    Utf8,
    /// <summary>ISO-8859-1: every byte is one character.</summary>
    Latin1,
    /// <summary>UTF-16 little-endian, as Windows writes it ("Unicode"), with or without a byte-order mark.</summary>
    Utf16,
}
