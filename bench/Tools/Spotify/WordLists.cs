namespace DataPipeline.Bench.Spotify;

/// <summary>The words names are built from: a few hundred, so names look real and compress like real ones.</summary>
internal static class WordLists
{
    public static readonly string[] FirstNames =
    [
        "Ava", "Leo", "Mia", "Noah", "Luna", "Eli", "Zoe", "Kai", "Ivy", "Max", "Nina", "Omar", "Rosa", "Theo", "Lila",
        "Jade", "Milo", "Sara", "Ezra", "Maya", "Hugo", "Cleo", "Ari", "Tess", "Dan", "Jon", "Kim", "Lea", "Ben", "Eva",
        "Carlos", "Sofia", "Marco", "Elena", "Diego", "Camila", "Jae", "Min", "Yuna", "Hiro", "Aiko", "Ravi", "Priya",
        "Arjun", "Ana", "Lucas", "Julia", "Mateo", "Olivia", "Ethan", "Grace", "Sam", "Billie", "Frank", "Nora", "Ruby",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Jones", "Brown", "Rivera", "Garcia", "Lopez", "Kim", "Park", "Lee", "Chen", "Wang", "Silva", "Costa",
        "Santos", "Rossi", "Moreau", "Dubois", "Novak", "Berg", "Larsen", "Walker", "Hayes", "Stone", "Fox", "Wolfe",
        "Gray", "Reed", "Cole", "Blake", "Hart", "Lane", "West", "Knight", "Moon", "Rose", "Vance", "Cruz", "Diaz",
        "Morales", "Ortiz", "Ramos", "Sato", "Tanaka", "Singh", "Patel", "Khan", "Ali", "Baker", "Miller", "Young",
    ];

    public static readonly string[] Adjectives =
    [
        "Blue", "Golden", "Silent", "Wild", "Broken", "Electric", "Neon", "Velvet", "Midnight", "Lonely", "Sweet",
        "Dark", "Bright", "Lost", "Young", "Crazy", "Little", "Perfect", "Cold", "Burning", "Secret", "Endless",
        "Summer", "Crystal", "Silver", "Hollow", "Fading", "Savage", "Gentle", "Easy", "Heavy", "Better", "Last",
        "First", "Sunday", "Wicked", "Cosmic", "Lucky", "Paper", "Purple",
    ];

    public static readonly string[] Nouns =
    [
        "Heart", "Night", "Love", "Fire", "Dream", "Sky", "Rain", "Road", "River", "Light", "Shadow", "Ocean", "Star",
        "Moon", "Sun", "City", "Dance", "Kiss", "Angel", "Ghost", "Wave", "Storm", "Garden", "Mirror", "Echo",
        "Memory", "Paradise", "Highway", "Home", "Girl", "Boy", "Money", "Party", "Time", "World", "Summer", "Tears",
        "Stranger", "Feeling", "Window", "Diamond", "Thunder", "Island", "Friday", "Rhythm", "Machine", "Signal",
        "Satellite", "Horizon", "Lullaby",
    ];

    public static readonly string[] Verbs =
    [
        "Falling", "Running", "Dancing", "Waiting", "Holding", "Chasing", "Calling", "Breaking", "Dreaming", "Burning",
        "Losing", "Flying", "Missing", "Leaving", "Loving", "Fading", "Shining", "Drifting",
    ];

    public static readonly string[] Prepositions = ["in the", "for the", "on the", "with the", "through the", "under the", "like the"];

    public static readonly string[] TrackSuffixes =
    [
        " - Remastered", " - Radio Edit", " - Live", " - Acoustic", " - Remix", " - Sped Up",
    ];

    public static readonly string[] AlbumSuffixes = [" (Deluxe Edition)", " (Remastered)", " (Expanded Edition)", " (Live)", " (Deluxe)"];

    public static readonly string[] ArtistPrefixes = ["The", "DJ", "Lil", "MC", "Young", "Los", "Big"];

    public static readonly string[] LabelSuffixes =
    [
        "Records", "Music", "Music Group", "Entertainment", "Recordings", "Records LLC", "Music Inc.", "Sound", "Label Group",
    ];

    public static readonly string[] LabelWords =
    [
        "Atlas", "Harbor", "Crown", "Orbit", "Summit", "Echo", "Sterling", "Nova", "Pulse", "Apex", "Vinyl", "Beacon",
        "Anthem", "Riverside", "Cardinal", "Monarch", "Parallel", "Northern", "Pacific", "Golden", "Red", "Blue",
        "Liberty", "Empire", "Capitol", "Island", "Motion", "Union", "Harvest", "Signal",
    ];

    /// <summary>Real Spotify genres, most common first (the picker favours the start of the list).</summary>
    public static readonly string[] Genres =
    [
        "pop", "dance pop", "rap", "hip hop", "latin", "trap", "pop rap", "k-pop", "rock", "modern rock", "edm",
        "reggaeton", "urbano latino", "trap latino", "r&b", "urban contemporary", "latin pop", "electropop", "indie pop",
        "alt z", "melodic rap", "house", "country", "contemporary country", "soul", "classic rock", "album rock",
        "art pop", "indie rock", "alternative rock", "atl hip hop", "uk pop", "j-pop", "anime", "bedroom pop",
        "tropical house", "progressive house", "big room", "dubstep", "drill", "uk drill", "afrobeats", "neo soul",
        "metal", "nu metal", "post-grunge", "pop punk", "emo", "folk", "singer-songwriter", "jazz", "blues", "funk",
        "disco", "soft rock", "mellow gold", "new wave", "permanent wave", "german hip hop", "sertanejo", "mpb",
        "bollywood", "filmi", "opm", "gospel", "soundtrack", "classical", "lo-fi beats", "chill pop",
    ];

    /// <summary>The plural of a word from <see cref="Nouns"/>: Hearts, Memories, Tears.</summary>
    public static string Plural(string noun) => noun switch
    {
        _ when noun.EndsWith('s') => noun,
        _ when noun.EndsWith('y') && !noun.EndsWith("ay", StringComparison.Ordinal) => noun[..^1] + "ies",
        _ => noun + "s",
    };
}
