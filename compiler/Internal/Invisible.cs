using System.Globalization;

namespace DataPipeline.Compiler.Internal;

/// <summary>Characters that do not show in SQL text (controls, format characters such as a byte-order mark, odd spaces, U+FFFD), written as escapes so plans stay readable.</summary>
internal static class Invisible
{
    public static bool Is(char c) => c != ' ' && (char.IsControl(c) || c == '\uFFFD' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format
        or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
}
