namespace HeadlessReviews.Bench.Loader;

/// <summary>Word lists the generator draws from. "love" is kept out of them so that search hits stay a known, small share.</summary>
internal static class Vocabulary
{
    public static readonly string[] TitleAdjectives =
    [
        "Silent", "Last", "Burning", "Hidden", "Northern", "Broken", "Golden", "Quiet", "Lost", "Distant", "Wild",
        "Secret", "Crimson", "Endless", "Hollow", "Bright", "Cold", "Restless", "Sleeping", "Electric", "Paper",
    ];

    public static readonly string[] TitleNouns =
    [
        "Harbour", "Summer", "Orchard", "Frontier", "Signal", "River", "Machine", "Garden", "Winter", "Station",
        "Kingdom", "Lighthouse", "Engine", "Passage", "Mirror", "Island", "Hour", "Witness", "Country", "Voyage",
        "Letters", "Tide", "Archive", "Borderland", "Parade",
    ];

    public static readonly string[] FirstNames =
    [
        "Ada", "Ben", "Clara", "Dev", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonah", "Kaori", "Luca", "Maya",
        "Niall", "Olga", "Pedro", "Quinn", "Rosa", "Sami", "Tess", "Umar", "Vera", "Wes", "Ximena", "Yusuf", "Zoe",
    ];

    public static readonly string[] LastNames =
    [
        "Abbott", "Brennan", "Castillo", "Doyle", "Eriksen", "Fontaine", "Gallagher", "Haddad", "Ivanova", "Jensen",
        "Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor", "Petrov", "Quintero", "Rossi", "Sandoval", "Tanaka",
        "Ueda", "Varga", "Whitfield", "Xu", "Yilmaz", "Zamora",
    ];

    public static readonly string[] Genres =
    [
        "Drama", "Comedy", "Thriller", "Science Fiction", "Horror", "Romance", "Documentary", "Animation",
        "Crime", "Musical", "Western", "War", "Fantasy", "Mystery",
    ];

    public static readonly string[] Words =
    [
        "the", "film", "its", "a", "of", "and", "to", "in", "with", "camera", "scene", "light", "story", "performance",
        "director", "script", "moment", "frame", "sound", "score", "edit", "face", "city", "night", "morning", "road",
        "house", "memory", "silence", "music", "dialogue", "character", "actor", "audience", "screen", "shot", "long",
        "slow", "sharp", "tender", "strange", "funny", "cruel", "patient", "restless", "quiet", "loud", "bright",
        "dark", "cold", "warm", "late", "early", "never", "always", "often", "almost", "barely", "finally", "still",
        "holds", "turns", "finds", "loses", "keeps", "breaks", "builds", "follows", "watches", "waits", "returns",
        "lingers", "cuts", "opens", "closes", "carries", "earns", "misses", "lands", "sings", "rests", "drifts",
        "but", "so", "yet", "while", "because", "before", "after", "until", "every", "each", "one", "two", "three",
        "first", "second", "final", "hour", "minute", "year", "summer", "winter", "rain", "sea", "window", "door",
        "letter", "voice", "hand", "eyes", "heart", "grief", "joy", "fear", "hope", "anger", "wonder", "doubt",
    ];

    public static readonly string[] CommentOpeners =
    [
        "Saw it last night", "Watched it twice now", "Not sure I agree", "Spot on", "This is why I read this site",
        "Went in cold", "The second half drags", "Best thing I have seen this year", "My partner walked out",
        "The score alone is worth it",
    ];
}
