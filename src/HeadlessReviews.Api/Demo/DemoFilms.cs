using HeadlessReviews.Api.Films;
using HeadlessReviews.Api.Images;

namespace HeadlessReviews.Api.Demo;

/// <summary>
/// Real films with their real credits, UK release dates, runtimes and BBFC certificates.
/// Cast is listed in billing order; people are named by their <see cref="DemoPeople"/> slug.
/// </summary>
public static class DemoFilms
{
    /// <summary>A fresh list on every call: documents are mutable, and one test's edits must not leak into another's.</summary>
    public static IReadOnlyList<Film> Build() =>
    [
        Film("her", "Her", 2013, new(2014, 2, 14), 126, Certificate.Fifteen,
            ["Drama", "Romance", "Science Fiction"],
            "In a softly futuristic Los Angeles, a lonely man who writes other people's love letters for a living falls for the voice of his new operating system. What begins as company becomes a love affair that neither of them quite knows how to hold.",
            directors: ["spike-jonze"], writers: ["spike-jonze"],
            ("joaquin-phoenix", "Theodore Twombly"),
            ("amy-adams", "Amy"),
            ("rooney-mara", "Catherine"),
            ("olivia-wilde", "Blind Date"),
            ("scarlett-johansson", "Samantha")),

        Film("the-master", "The Master", 2012, new(2012, 11, 16), 144, Certificate.Fifteen,
            ["Drama"],
            "A volatile navy veteran, adrift in post-war America, stows away on the yacht of a charismatic author who is building a movement around himself. The two men circle each other as teacher, patron and something harder to name.",
            directors: ["paul-thomas-anderson"], writers: ["paul-thomas-anderson"],
            ("joaquin-phoenix", "Freddie Quell"),
            ("philip-seymour-hoffman", "Lancaster Dodd"),
            ("amy-adams", "Peggy Dodd"),
            ("laura-dern", "Helen Sullivan"),
            ("jesse-plemons", "Val Dodd")),

        Film("inherent-vice", "Inherent Vice", 2014, new(2015, 1, 30), 148, Certificate.Fifteen,
            ["Comedy", "Crime", "Mystery"],
            "In 1970 Los Angeles a perpetually stoned private eye agrees to help an old flame, and is soon lost in a fog of missing tycoons, dentists, surf musicians and a schooner called the Golden Fang.",
            directors: ["paul-thomas-anderson"], writers: ["paul-thomas-anderson"],
            ("joaquin-phoenix", "Larry \"Doc\" Sportello"),
            ("josh-brolin", "Christian \"Bigfoot\" Bjornsen"),
            ("owen-wilson", "Coy Harlingen"),
            ("katherine-waterston", "Shasta Fay Hepworth"),
            ("reese-witherspoon", "Penny Kimball"),
            ("benicio-del-toro", "Sauncho Smilax")),

        Film("joker", "Joker", 2019, new(2019, 10, 4), 122, Certificate.Fifteen,
            ["Crime", "Drama", "Thriller"],
            "A struggling party clown and would-be comedian in a decaying Gotham City is failed by everyone around him, and turns his humiliation into violence.",
            directors: ["todd-phillips"], writers: ["todd-phillips", "scott-silver"],
            ("joaquin-phoenix", "Arthur Fleck"),
            ("robert-de-niro", "Murray Franklin"),
            ("zazie-beetz", "Sophie Dumond"),
            ("frances-conroy", "Penny Fleck")),

        Film("arrival", "Arrival", 2016, new(2016, 11, 10), 116, Certificate.TwelveA,
            ["Drama", "Science Fiction"],
            "When twelve alien craft settle over the Earth, a linguist is brought in by the US Army to find out what the visitors want. Learning their language changes more than her vocabulary.",
            directors: ["denis-villeneuve"], writers: ["eric-heisserer"],
            ("amy-adams", "Louise Banks"),
            ("jeremy-renner", "Ian Donnelly"),
            ("forest-whitaker", "Colonel GT Weber"),
            ("michael-stuhlbarg", "Agent David Halpern")),

        Film("the-social-network", "The Social Network", 2010, new(2010, 10, 15), 120, Certificate.TwelveA,
            ["Biography", "Drama"],
            "A Harvard undergraduate builds a website in his dorm room that becomes a global company, and loses his closest friend on the way. Told through the two lawsuits that followed.",
            directors: ["david-fincher"], writers: ["aaron-sorkin"],
            ("jesse-eisenberg", "Mark Zuckerberg"),
            ("andrew-garfield", "Eduardo Saverin"),
            ("justin-timberlake", "Sean Parker"),
            ("armie-hammer", "Cameron Winklevoss / Tyler Winklevoss"),
            ("max-minghella", "Divya Narendra"),
            ("rooney-mara", "Erica Albright")),

        Film("carol", "Carol", 2015, new(2015, 11, 27), 118, Certificate.Fifteen,
            ["Drama", "Romance"],
            "New York, 1952: a young shop assistant and an elegant older woman in the middle of a bitter divorce fall in love across a department store counter, at a time when that love could cost them everything.",
            directors: ["todd-haynes"], writers: ["phyllis-nagy"],
            ("cate-blanchett", "Carol Aird"),
            ("rooney-mara", "Therese Belivet"),
            ("sarah-paulson", "Abby Gerhard"),
            ("jake-lacy", "Richard Semco"),
            ("kyle-chandler", "Harge Aird")),

        Film("lost-in-translation", "Lost in Translation", 2003, new(2004, 1, 9), 102, Certificate.Fifteen,
            ["Comedy", "Drama", "Romance"],
            "A fading American film star in Tokyo to shoot a whisky advert and a young woman left alone in the same hotel by her busy husband keep each other company through a week of sleepless nights.",
            directors: ["sofia-coppola"], writers: ["sofia-coppola"],
            ("bill-murray", "Bob Harris"),
            ("scarlett-johansson", "Charlotte"),
            ("giovanni-ribisi", "John"),
            ("anna-faris", "Kelly")),

        Film("marriage-story", "Marriage Story", 2019, new(2019, 11, 15), 137, Certificate.Fifteen,
            ["Comedy", "Drama"],
            "A New York theatre director and his actor wife set out to separate kindly, until her move to Los Angeles and the arrival of lawyers turn their divorce into a contest over their young son.",
            directors: ["noah-baumbach"], writers: ["noah-baumbach"],
            ("scarlett-johansson", "Nicole Barber"),
            ("adam-driver", "Charlie Barber"),
            ("laura-dern", "Nora Fanshaw"),
            ("alan-alda", "Bert Spitz"),
            ("ray-liotta", "Jay Marotta")),

        Film("being-john-malkovich", "Being John Malkovich", 1999, new(2000, 3, 17), 112, Certificate.Fifteen,
            ["Comedy", "Fantasy"],
            "An out-of-work puppeteer takes a filing job on floor seven and a half of a Manhattan office block and finds a small door that leads into the head of the actor John Malkovich.",
            directors: ["spike-jonze"], writers: ["charlie-kaufman"],
            ("john-cusack", "Craig Schwartz"),
            ("cameron-diaz", "Lotte Schwartz"),
            ("catherine-keener", "Maxine Lund"),
            ("john-malkovich", "John Horatio Malkovich")),

        Film("wallace-and-gromit-the-curse-of-the-were-rabbit", "Wallace & Gromit: The Curse of the Were-Rabbit", 2005, new(2005, 10, 14), 85, Certificate.U,
            ["Animation", "Comedy", "Family"],
            "Days before the village's giant vegetable competition, an inventor and his long-suffering dog run a humane pest-control firm, and something enormous is eating the marrows by moonlight.",
            directors: ["nick-park", "steve-box"], writers: ["steve-box", "nick-park", "mark-burton", "bob-baker"],
            ("peter-sallis", "Wallace"),
            ("ralph-fiennes", "Victor Quartermaine"),
            ("helena-bonham-carter", "Lady Campanula Tottington"),
            ("peter-kay", "PC Mackintosh")),

        Film("paddington-2", "Paddington 2", 2017, new(2017, 11, 10), 103, Certificate.PG,
            ["Adventure", "Comedy", "Family"],
            "Paddington takes odd jobs to buy a rare pop-up book for his Aunt Lucy's hundredth birthday, and is sent to prison when it is stolen. The Browns set out to find the real thief, a vain actor with a dressing-up box.",
            directors: ["paul-king"], writers: ["paul-king", "simon-farnaby"],
            ("ben-whishaw", "Paddington"),
            ("hugh-bonneville", "Henry Brown"),
            ("sally-hawkins", "Mary Brown"),
            ("brendan-gleeson", "Knuckles McGinty"),
            ("julie-walters", "Mrs Bird"),
            ("jim-broadbent", "Mr Gruber"),
            ("peter-capaldi", "Mr Curry"),
            ("hugh-grant", "Phoenix Buchanan")),

        Film("the-wolf-of-wall-street", "The Wolf of Wall Street", 2013, new(2014, 1, 17), 180, Certificate.Eighteen,
            ["Biography", "Comedy", "Crime"],
            "The rise and fall of Jordan Belfort, a Long Island stockbroker who got very rich selling worthless shares by telephone and spent the money on everything the law forbids.",
            directors: ["martin-scorsese"], writers: ["terence-winter"],
            ("leonardo-dicaprio", "Jordan Belfort"),
            ("jonah-hill", "Donnie Azoff"),
            ("margot-robbie", "Naomi Lapaglia"),
            ("matthew-mcconaughey", "Mark Hanna"),
            ("kyle-chandler", "Patrick Denham")),
    ];

    private static Film Film(
        string slug, string title, int year, DateOnly ukReleaseDate, int runtimeMinutes, Certificate certificate,
        List<string> genres, string synopsis, string[] directors, string[] writers,
        params (string Person, string Character)[] cast) => new()
        {
            Id = DemoIds.For("film", slug),
            Slug = slug,
            Title = title,
            Year = year,
            UkReleaseDate = ukReleaseDate,
            RuntimeMinutes = runtimeMinutes,
            Certificate = certificate,
            Genres = genres,
            Synopsis = synopsis,
            Poster = new Image($"https://images.example.org/posters/{slug}.jpg", $"Poster for {title} ({year})", 600, 900),
            DirectorIds = [.. directors.Select(PersonId)],
            WriterIds = [.. writers.Select(PersonId)],
            // Billing follows the order the cast is listed in, starting at 1 for top of the bill.
            Cast = [.. cast.Select((member, index) => new CastMember(PersonId(member.Person), member.Character, index + 1))],
        };

    private static Guid PersonId(string slug) => DemoIds.For("person", slug);
}
