using HeadlessReviews.Api.Images;
using HeadlessReviews.Api.People;

namespace HeadlessReviews.Api.Demo;

/// <summary>Everyone credited in <see cref="DemoFilms"/>; slugs are the names in kebab case.</summary>
public static class DemoPeople
{
    /// <summary>A fresh list on every call: documents are mutable, and one test's edits must not leak into another's.</summary>
    public static IReadOnlyList<Person> Build() =>
    [
        // Her
        Person("spike-jonze", "Spike Jonze",
            "American director who came to features from skateboard films and music videos. His first, Being John Malkovich, opened in 1999; Her won him the Academy Award for Best Original Screenplay."),
        Person("joaquin-phoenix", "Joaquin Phoenix",
            "American actor drawn to volatile, physically committed roles, from a drifting sailor in The Master to the title part in Joker, which won him the Academy Award for Best Actor."),
        Person("amy-adams", "Amy Adams",
            "American actor with six Academy Award nominations, The Master among them; she carried Denis Villeneuve's Arrival almost single-handed."),
        Person("rooney-mara", "Rooney Mara",
            "American actor whose few scenes in The Social Network announced her; she later shared the Best Actress prize at Cannes for Carol."),
        Person("olivia-wilde", "Olivia Wilde"),
        Person("scarlett-johansson", "Scarlett Johansson",
            "American actor who started as a child and has moved between small, quiet films such as Lost in Translation and blockbuster franchises; Marriage Story brought her a Best Actress nomination."),

        // The Master, Inherent Vice
        Person("paul-thomas-anderson", "Paul Thomas Anderson",
            "American writer-director of crowded, restless portraits of California and its oddballs, from Boogie Nights to Inherent Vice."),
        Person("philip-seymour-hoffman", "Philip Seymour Hoffman"),
        Person("laura-dern", "Laura Dern",
            "American actor whose long career runs from David Lynch's films to Marriage Story, for which she won the Academy Award for Best Supporting Actress."),
        Person("jesse-plemons", "Jesse Plemons"),
        Person("josh-brolin", "Josh Brolin"),
        Person("owen-wilson", "Owen Wilson"),
        Person("katherine-waterston", "Katherine Waterston"),
        Person("reese-witherspoon", "Reese Witherspoon"),
        Person("benicio-del-toro", "Benicio del Toro"),

        // Joker
        Person("todd-phillips", "Todd Phillips"),
        Person("scott-silver", "Scott Silver"),
        Person("robert-de-niro", "Robert De Niro"),
        Person("zazie-beetz", "Zazie Beetz"),
        Person("frances-conroy", "Frances Conroy"),

        // Arrival
        Person("denis-villeneuve", "Denis Villeneuve"),
        Person("eric-heisserer", "Eric Heisserer"),
        Person("jeremy-renner", "Jeremy Renner"),
        Person("forest-whitaker", "Forest Whitaker"),
        Person("michael-stuhlbarg", "Michael Stuhlbarg"),

        // The Social Network
        Person("david-fincher", "David Fincher"),
        Person("aaron-sorkin", "Aaron Sorkin"),
        Person("jesse-eisenberg", "Jesse Eisenberg"),
        Person("andrew-garfield", "Andrew Garfield"),
        Person("justin-timberlake", "Justin Timberlake"),
        Person("armie-hammer", "Armie Hammer"),
        Person("max-minghella", "Max Minghella"),

        // Carol
        Person("todd-haynes", "Todd Haynes"),
        Person("phyllis-nagy", "Phyllis Nagy"),
        Person("cate-blanchett", "Cate Blanchett",
            "Australian actor with two Academy Awards, for The Aviator and Blue Jasmine, and a nomination for Carol."),
        Person("sarah-paulson", "Sarah Paulson"),
        Person("jake-lacy", "Jake Lacy"),
        Person("kyle-chandler", "Kyle Chandler"),

        // Lost in Translation
        Person("sofia-coppola", "Sofia Coppola"),
        Person("bill-murray", "Bill Murray",
            "American comic actor whose later, stiller roles include the jet-lagged film star of Lost in Translation, which brought him an Academy Award nomination."),
        Person("giovanni-ribisi", "Giovanni Ribisi"),
        Person("anna-faris", "Anna Faris"),

        // Marriage Story
        Person("noah-baumbach", "Noah Baumbach"),
        Person("adam-driver", "Adam Driver"),
        Person("alan-alda", "Alan Alda"),
        Person("ray-liotta", "Ray Liotta"),

        // Being John Malkovich
        Person("charlie-kaufman", "Charlie Kaufman"),
        Person("john-cusack", "John Cusack"),
        Person("cameron-diaz", "Cameron Diaz"),
        Person("catherine-keener", "Catherine Keener"),
        Person("john-malkovich", "John Malkovich"),

        // Wallace & Gromit: The Curse of the Were-Rabbit
        Person("nick-park", "Nick Park",
            "English animator at Aardman who created Wallace and Gromit; his stop-motion films have won four Academy Awards."),
        Person("steve-box", "Steve Box"),
        Person("mark-burton", "Mark Burton"),
        Person("bob-baker", "Bob Baker"),
        Person("peter-sallis", "Peter Sallis",
            "English actor, a fixture of Last of the Summer Wine, who gave Wallace his voice from A Grand Day Out onwards."),
        Person("ralph-fiennes", "Ralph Fiennes"),
        Person("helena-bonham-carter", "Helena Bonham Carter"),
        Person("peter-kay", "Peter Kay"),

        // Paddington 2
        Person("paul-king", "Paul King"),
        Person("simon-farnaby", "Simon Farnaby"),
        Person("ben-whishaw", "Ben Whishaw",
            "English actor of stage and screen who has voiced Paddington since the bear's first film in 2014."),
        Person("hugh-bonneville", "Hugh Bonneville"),
        Person("sally-hawkins", "Sally Hawkins"),
        Person("brendan-gleeson", "Brendan Gleeson"),
        Person("julie-walters", "Julie Walters"),
        Person("jim-broadbent", "Jim Broadbent"),
        Person("peter-capaldi", "Peter Capaldi"),
        Person("hugh-grant", "Hugh Grant"),

        // The Wolf of Wall Street
        Person("martin-scorsese", "Martin Scorsese"),
        Person("terence-winter", "Terence Winter"),
        Person("leonardo-dicaprio", "Leonardo DiCaprio"),
        Person("jonah-hill", "Jonah Hill"),
        Person("margot-robbie", "Margot Robbie"),
        Person("matthew-mcconaughey", "Matthew McConaughey"),
    ];

    // Only people with a bio get a portrait, so the demo also shows what a frontend sees when both are missing.
    private static Person Person(string slug, string name, string? bio = null) => new()
    {
        Id = DemoIds.For("person", slug),
        Slug = slug,
        Name = name,
        Bio = bio,
        Image = bio is null ? null : new Image($"https://images.example.org/people/{slug}.jpg", $"Portrait of {name}", 400, 500),
    };
}
