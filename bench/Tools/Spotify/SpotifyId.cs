namespace DataPipeline.Bench.Spotify;

/// <summary>22-character base62 ids like Spotify's, distinct for distinct indexes of one kind.</summary>
internal static class SpotifyId
{
    public const int Length = 22;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string Create(int seed, ulong kindSalt, long index)
    {
        // The first half encodes a bijection of the index (11 base62 digits hold any 64-bit value), so ids never collide.
        var head = SeededRandom.Mix(SeededRandom.Mix(kindSalt ^ (ulong)(uint)seed * 0x9E3779B97F4A7C15UL) + (ulong)index);
        var tail = SeededRandom.Mix(head ^ 0x5851F42D4C957F2DUL);
        return string.Create(Length, (head, tail), static (chars, halves) =>
        {
            Encode(halves.head, chars[..11]);
            Encode(halves.tail, chars[11..]);
        });
    }

    private static void Encode(ulong value, Span<char> chars)
    {
        for (var position = chars.Length - 1; position >= 0; position--)
        {
            chars[position] = Alphabet[(int)(value % 62)];
            value /= 62;
        }
    }
}
