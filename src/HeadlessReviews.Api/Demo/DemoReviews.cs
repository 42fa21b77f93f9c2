// The one draft in the demo catalogue is the review of "the-master": it shows that drafts stay
// out of public queries, search and subscriptions. Every other review is published.
using System.Globalization;
using HeadlessReviews.Api.Reviews;

namespace HeadlessReviews.Api.Demo;

/// <summary>One review per demo film, slugged like its film, with original text and fixed UTC times.</summary>
public static class DemoReviews
{
    /// <summary>A fresh list on every call: documents are mutable, and one test's edits must not leak into another's.</summary>
    public static IReadOnlyList<Review> Build() =>
    [
        Published("her", "Her", "Hattie Rowntree", At("2014-02-14T09:00:00Z"),
            VerdictRating.Pop, "A tender, funny and quietly unsettling love story that understands loneliness better than most films about technology dare to.",
            """
            Spike Jonze's *Her* opens in British cinemas on Valentine's Day, which is either a distributor's joke or the most honest booking of the year. It is a love story in which one of the lovers has no body, and it is tender, funny and faintly alarming in roughly equal measure.

            Joaquin Phoenix plays Theodore Twombly, who composes heartfelt letters for strangers at a firm that sells them by the page. He is fluent in other people's feelings and tongue-tied about his own: the divorce from Catherine (Rooney Mara, seen in memories that glow like home movies) is still unsigned, and his evenings are video games and the blue light of a phone. Then he installs a new operating system, and it introduces itself as Samantha.

            Scarlett Johansson never appears on screen, and it hardly matters. Her Samantha is quick, curious and hungry for experience, and the film's boldest move is to let her grow faster than Theodore can keep up. Phoenix, meanwhile, plays a lonely man without a trace of the sitcom misfit: he has friends, an ex-wife he still loves, and a neighbour in Amy Adams who sees him more clearly than he would like.

            > *Her* is not a warning about machines; it is about how hard it is to let anyone, or anything, really know you.

            The future Jonze imagines is soft rather than chrome: high-waisted trousers, warm reds and peaches, a Los Angeles stitched together partly from Shanghai that looks like somewhere you might actually want to live. Nobody is shocked that Theodore is dating his computer, and that calm acceptance is more unnerving than any dystopia. We are, the film suggests, most of the way there already.

            It is not flawless. The middle section circles a little, and one or two set-pieces are more interesting as ideas than as scenes. But the ending lands with real grace, and it is hard to think of a recent romance with so much on its mind that still cares this much about its people.
            """, updatedAt: At("2014-02-14T11:42:00Z")),

        Published("the-wolf-of-wall-street", "The Wolf of Wall Street", "Declan Fairweather", At("2014-01-17T07:45:00Z"),
            VerdictRating.Poop, "Dazzling in bursts, but three hours of unchecked excess leave it as hollow as the shares its hero sold.",
            """
            Three hours is a long time to spend at a party you were not invited to, and *The Wolf of Wall Street* is very much a party: a loop of pills, yelling, money and more yelling, shot by Martin Scorsese with an energy that would be thrilling if it ever let up.

            Leonardo DiCaprio throws everything at Jordan Belfort, and a sequence involving some very delayed sedatives and a country-club staircase is as good as physical comedy gets. Jonah Hill is grotesquely funny, and Matthew McConaughey walks off with the film after a single lunch.

            > The film knows Belfort is a crook; it just finds him far better company than anyone he robbed.

            That is the trouble. The victims are a voice on a phone line, and by the final hour the excess has stopped being a point and become a habit. There is a great two-hour film in here somewhere. This is not it.
            """),

        Published("inherent-vice", "Inherent Vice", "Noor Haddad", At("2015-01-30T10:15:00Z"),
            VerdictRating.Poop, "Hazy, handsome and often funny, but a detective story this unbothered by its own mystery is hard to care about.",
            """
            Paul Thomas Anderson has made the first faithful adaptation of Thomas Pynchon, and faithfulness turns out to be the problem. *Inherent Vice* is a private-eye story in which the eye is permanently bloodshot, and the plot, with its missing property developer, a saxophonist who may not be dead and a syndicate of dentists, drifts past like smoke.

            There is plenty to enjoy from moment to moment. Joaquin Phoenix's Doc, all sideburns and startled yelps, is a lovely comic creation, and Josh Brolin's flat-topped detective, gnawing a frozen chocolate banana with furious dignity, is funnier still.

            > Two and a half hours of mood is a great deal of mood.

            But scenes that ought to snap sprawl instead, and by the end even the film seems to have forgotten what it was looking for. Admire it, by all means; just don't expect to be gripped.
            """),

        Published("carol", "Carol", "Hattie Rowntree", At("2015-11-27T08:20:00Z"),
            VerdictRating.Pop, "A romance of glances and gloves that is all the more devastating for what it leaves unsaid.",
            """
            Todd Haynes films *Carol* as if through a window misted by winter. We watch Therese and Carol across a toy counter, from rain-streaked taxis, over lunch tables where every look has to carry a whole sentence.

            Cate Blanchett is magnificent as Carol, poised and generous and, underneath, terrified of losing her daughter. But the film belongs just as much to Rooney Mara, whose Therese starts out almost invisible and ends it looking straight back.

            > Nobody in *Carol* says what they mean, and you understand every word.

            Phyllis Nagy's screenplay, from Patricia Highsmith's novel, is spare to the point of severity, and Carter Burwell's score does the yearning that the characters cannot. Restraint this precise is rare; feeling this strong, rarer still.
            """),

        Published("arrival", "Arrival", "Isla Merriman", At("2016-11-10T11:05:00Z"),
            VerdictRating.Pop, "Cerebral science fiction with a broken heart, anchored by Amy Adams at her very best.",
            """
            The ships in *Arrival* hang above the fields like dark pebbles stood on end, and the first trip inside one, up a shaft where gravity quietly turns sideways, is as eerie as anything in recent science fiction. Yet Denis Villeneuve's film cares far less about invasion than about grammar.

            Amy Adams plays Louise Banks, a linguist asked to talk to seven-limbed visitors who write in rings of smoke. It is a performance of enormous stillness, and the film's last turn, which rearranges everything you have seen, rests entirely on it.

            > A first-contact film in which the decisive weapon is a whiteboard.

            The military subplot is perfunctory, and Jeremy Renner has little to do but be decent. It barely matters: this is intelligent, humane and *deeply* moving cinema.
            """),

        Published("paddington-2", "Paddington 2", "Declan Fairweather", At("2017-11-10T07:30:00Z"),
            VerdictRating.Pop, "Funny, generous and beautifully made: a family film that leaves you thinking better of people.",
            """
            It should not be possible to make a sequel this kind. *Paddington 2* sends its marmalade-loving bear to prison for a theft he did not commit, and within days he has turned the laundry pink and the canteen into a tea room.

            Hugh Grant, as a faded actor with a trunk full of disguises, gives the comic performance of his career, and Brendan Gleeson's Knuckles McGinty is a glorious growl with a soft centre. Paul King fills every corner with invention, from a pop-up London to a chase across two steam trains.

            > If you see one film this year about a bear who believes the best of everyone, make it this one. Then see it again.
            """),

        Published("joker", "Joker", "Noor Haddad", At("2019-10-04T12:40:00Z"),
            VerdictRating.Poop, "Phoenix is extraordinary, but the film's borrowed grit and muddled politics leave it hollow.",
            """
            Joaquin Phoenix lost a frightening amount of weight to play Arthur Fleck, and the performance is astonishing in its physical commitment: shoulder blades like folded wings, a laugh that plainly hurts him. It is a shame the film around him is so certain of its own importance.

            Todd Phillips borrows heavily from Scorsese, *Taxi Driver* and *The King of Comedy* above all, with Robert De Niro on hand as a talk-show host to make the debt explicit. But the borrowing is skin-deep. Where those films made you sit uneasily with their men, *Joker* keeps nudging you to read Arthur's violence as some kind of answer.

            > A great performance trapped inside a film that mistakes gloom for depth.

            Hildur Guðnadóttir's brooding, cello-led score is superb. Everything else is a long stare into a mirror that gives very little back.
            """, updatedAt: At("2019-10-05T08:12:00Z")),

        Published("marriage-story", "Marriage Story", "Isla Merriman", At("2019-11-15T09:50:00Z"),
            VerdictRating.Poop, "Two superb lead performances can't disguise a divorce story that keeps quietly taking one side.",
            """
            Noah Baumbach's divorce drama opens with two lists, what Charlie loves about Nicole and what Nicole loves about Charlie, and they are the best thing in it. Everything after is a slow demonstration of how lawyers turn tenderness into evidence.

            Scarlett Johansson and Adam Driver are both excellent, and their shouting match in Charlie's bare rented flat is a piece of acting that drama schools will be showing for years. Laura Dern is a delight as a lawyer who can hug you and bill you in the same breath.

            > For a film about a couple, it is oddly sure whose side it is on.

            But the sympathies tilt steadily towards Charlie, and the comedy, much of it at the expense of Los Angeles, curdles into smugness. Painful, polished and, to our eyes, not quite fair.
            """),

        Published("being-john-malkovich", "Being John Malkovich", "Hattie Rowntree", At("2020-04-17T14:10:00Z"),
            VerdictRating.Pop, "Still one of the strangest, saddest and funniest debuts in American cinema.",
            """
            With the cinemas shut, we have been revisiting films that feel like nothing else, and few feel like nothing else as stubbornly as *Being John Malkovich*. Twenty years after its UK release, Spike Jonze's first feature, from Charlie Kaufman's first produced screenplay, is still a small miracle of nerve: a puppeteer, a low-ceilinged office on floor seven and a half, and a tunnel into a famous actor's head.

            What has aged best is how sad it is beneath the jokes. John Cusack's Craig, Cameron Diaz's Lotte and Catherine Keener's scornful Maxine all long to be someone else, and the film takes that longing entirely seriously.

            > The oddest premise of its decade, played absolutely straight, and all the funnier for it.
            """),

        Published("lost-in-translation", "Lost in Translation", "Declan Fairweather", At("2021-09-03T16:25:00Z"),
            VerdictRating.Pop, "A hushed, funny, aching film about two lonely people that still earns its famous whisper.",
            """
            Seen again, *Lost in Translation* is smaller than memory makes it, and better. Sofia Coppola's film is made almost entirely of waiting: for sleep, for a lift, for a husband to come back from a shoot, for the hotel bar to close.

            Bill Murray gives the performance of his life as a film star selling whisky he does not believe in, and Scarlett Johansson, still in her teens when it was shot, matches him look for look. Their karaoke night remains one of the great scenes of the century so far.

            Some of the jokes at Japanese expense have aged badly, and the film is better when it looks out of the hotel window than when it laughs at the people outside. But that goodbye on a crowded street still lands like a secret.
            """),

        Published("the-social-network", "The Social Network", "Isla Merriman", At("2022-10-14T10:35:00Z"),
            VerdictRating.Pop, "Sharp, fast and more prophetic every year: the defining film about the internet we ended up with.",
            """
            Twelve years on, *The Social Network* plays less like a biopic than a horror film whose monster we all now live inside. David Fincher directs Aaron Sorkin's rapid-fire script as a thriller of deposition rooms and dorm rooms, with Trent Reznor and Atticus Ross's score humming underneath like a server farm.

            Jesse Eisenberg makes his Zuckerberg a genius with no volume control, and Andrew Garfield, as the friend who is written out, is the film's wounded heart. Rooney Mara's opening scene, a break-up fought at machine-gun speed, still sets the tone perfectly.

            > It ends on a man refreshing a web page, and nothing has ever looked lonelier.

            Whether it is fair to the real people is another question. As drama, it is close to perfect.
            """, updatedAt: At("2022-10-17T13:20:00Z")),

        Published("wallace-and-gromit-the-curse-of-the-were-rabbit", "Wallace & Gromit: The Curse of the Were-Rabbit", "Noor Haddad", At("2025-10-14T08:05:00Z"),
            VerdictRating.Pop, "A handmade comic treasure that has lost none of its charm in twenty years.",
            """
            Twenty years after it opened, *The Curse of the Were-Rabbit* is still the most purely joyful film Aardman has made. Nick Park and Steve Box send Wallace and Gromit into a Hammer-horror pastiche of moonlit allotments, with enough puns to stock a cracker factory.

            Gromit, as ever, says nothing and acts everyone else off the screen with one eyebrow. Ralph Fiennes's toupéed villain and Helena Bonham Carter's vegetable-loving aristocrat are voiced with complete conviction, and the late Peter Sallis makes every "Cracking!" sound like a blessing.

            > Every frame has a thumbprint in it, and every thumbprint is a joke.

            It is rated U, and it is that rare thing: a film that really is for everyone.
            """),

        Draft("the-master", "The Master", "Hattie Rowntree", createdAt: At("2025-03-03T15:30:00Z"), updatedAt: At("2025-03-11T09:55:00Z"),
            VerdictRating.Pop, "Baffling, magnetic and unlike anything else; the performances alone make it essential.",
            """
            *The Master* was the most argued-over film in this office in 2012, and it still is. Paul Thomas Anderson's story of a damaged sailor and the man who wants to own him refuses to explain itself, and every viewing turns up something new.

            Joaquin Phoenix's Freddie Quell moves like a man trying to climb out of his own skeleton. Philip Seymour Hoffman's Lancaster Dodd, all bluster and charm, is the only person who wants him, and Amy Adams, as Dodd's quiet wife, may be the real power on board.

            > Two great actors circling each other like dogs that cannot decide whether to fight or play.
            """),
    ];

    private static Review Published(
        string slug, string title, string byline, DateTimeOffset publishedAt,
        VerdictRating rating, string summary, string markdown, DateTimeOffset? updatedAt = null) => new()
        {
            Id = DemoIds.For("review", slug),
            Slug = slug,
            Headline = $"Review – {title}",
            FilmId = DemoIds.For("film", slug),
            Byline = byline,
            Body = ReviewBody.FromMarkdown(markdown),
            Verdict = new Verdict(rating, summary),
            Status = ReviewStatus.Published,
            PublishedAt = publishedAt,
            // Our critics write up a film in the days after its press screening.
            CreatedAt = publishedAt.AddDays(-3),
            UpdatedAt = updatedAt ?? publishedAt,
        };

    private static Review Draft(
        string slug, string title, string byline, DateTimeOffset createdAt, DateTimeOffset updatedAt,
        VerdictRating rating, string summary, string markdown) => new()
        {
            Id = DemoIds.For("review", slug),
            Slug = slug,
            Headline = $"Review – {title}",
            FilmId = DemoIds.For("film", slug),
            Byline = byline,
            Body = ReviewBody.FromMarkdown(markdown),
            Verdict = new Verdict(rating, summary),
            Status = ReviewStatus.Draft,
            PublishedAt = null,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };

    private static DateTimeOffset At(string isoUtc) =>
        DateTimeOffset.Parse(isoUtc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
