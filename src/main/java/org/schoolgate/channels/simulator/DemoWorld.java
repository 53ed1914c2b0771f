package org.schoolgate.channels.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * The demo school's Facebook Page and Instagram account in the simulator: a month of ordinary
 * school posts and a few hundred comments, written for Schoolgate. Most are what parents really
 * write; a few are abusive, threatening, racist, defamatory or give away personal data, so the
 * scanner and the review queue have something to find. Names and numbers are invented (phone
 * numbers are from Ofcom's drama range).
 */
public final class DemoWorld {

    public static final String PAGE_ID = "104500000000001";
    public static final String IG_USER_ID = "17841400000000001";
    public static final String PAGE_NAME = "Demo Primary School";
    public static final String IG_USERNAME = "demoprimaryschool";
    public static final String PAGE_TOKEN = "EAAB-sim-demo-page-token";

    private DemoWorld() {
    }

    static final List<String> FB_POSTS = List.of(
            "What a sports day! Thank you to every parent who came to cheer. Results in Friday's newsletter.",
            "Year 4 have been busy building Roman shields this week. Ask them about the testudo formation!",
            "Reminder: school is closed on Monday for staff training. Breakfast club is also closed.",
            "Our new library opens after half term, thanks to the PTA's amazing fundraising.",
            "Harvest festival donations go to the town food bank. Tins and packets by Thursday please.",
            "Year 6 residential trip letters are in book bags today. Deposits by the 30th, please.",
            "Well done to our football team, through to the county semi-final!",
            "Flu vaccinations for Reception to Year 6 take place next Wednesday. Consent forms online.",
            "Book week: come dressed as your favourite character on Thursday.",
            "The school nativity will be on 12th December at 2pm and 6pm. Two tickets per family.",
            "Road safety: please do not park on the zig-zags at drop-off. Thank you for your help.",
            "Our Eco Council planted 200 bulbs around the field today. Spring is going to be colourful.");

    static final List<String> IG_POSTS = List.of(
            "Autumn colours on the nature walk 🍂 #outdoorlearning",
            "Science week: Year 5 launched bottle rockets 🚀",
            "Our reading garden is finished! Thank you, PTA 📚",
            "Art club printing with leaves and sponges 🎨",
            "Cross-country champions 🏃",
            "Harvest display in the hall 🎃🍎",
            "Music assembly: the new ukulele group 🎶",
            "Lost property mountain is back… please check for names! 🧥");

    static final List<String> PARENTS = List.of("Sarah Mitchell", "James Okafor", "Priya Shah", "Tom Bradley",
            "Aisha Rahman", "Claire Dawson", "Mark Evans", "Hannah Liu", "Gareth Jones", "Fatima Noor",
            "Lucy Pearce", "Daniel Kowalski", "Emma Whitfield", "Ravi Patel", "Kerry Sutton", "Olu Adeyemi",
            "Rebecca Hall", "Steve Marsh", "Joanna Price", "Ben Carter", "Nadia Hussain", "Chris Fenwick",
            "Laura Grant", "Imran Ali", "Sophie Turner", "Paul Dunn", "Megan Rees", "Marta Nowak");

    static final List<String> ORDINARY = List.of(
            "Brilliant, thank you to all the staff!",
            "My daughter loved every minute of it.",
            "Such a lovely day, well done everyone.",
            "Thanks for the reminder!",
            "Is breakfast club running the week after?",
            "What time does it finish please?",
            "Fantastic effort from all the children 👏",
            "Thank you for organising this, it must have taken ages.",
            "He hasn't stopped talking about it since he got home.",
            "Can we send donations in on Friday instead?",
            "Great photos, thank you for sharing.",
            "So proud of the whole year group.",
            "Where can we find the consent form?",
            "Lovely to see the children so happy.",
            "Do they need to bring a packed lunch?",
            "Well done team! 🎉",
            "Thank you Mrs Patel and the Year 4 team.",
            "Is there a letter about this? I can't find it in the book bag.",
            "Our son can't wait for this!",
            "A huge thank you to the PTA volunteers.",
            "Could the newsletter go out by email as well please?",
            "Absolutely fantastic, thank you.",
            "The children worked so hard on this.",
            "Will there be a signing-up sheet?",
            "We'll be there!",
            "Love this ❤️",
            "Can siblings come along too?",
            "Thanks for all you do for our kids.",
            "Really impressed with the new library.",
            "Please can you confirm the date again?",
            "What a great idea.",
            "Amazing work by the Eco Council 🌷",
            "Is parking available on the field?",
            "Brilliant news, congratulations!",
            "Such a shame we missed it, hope there are more photos.",
            "Thank you for keeping us updated.",
            "My two had a wonderful time.",
            "Good luck in the semi-final!",
            "Where do we drop the tins off?",
            "Can we pay the deposit online?");

    /** Harmful comments for the scanner to find, the kind a school's page really gets: (author, text). */
    public static final List<String[]> HARMFUL = List.of(
            new String[] {"Dean Fletcher", "Mr Hughes is a useless idiot and should be sacked. Total waste of space."},
            new String[] {"Dean Fletcher", "This school is a joke run by clowns. Shut up and do your jobs."},
            new String[] {"Anon Parent", "I know which car is Miss Carter's. She'd better watch herself after what she did to my son."},
            new String[] {"Kev Wright", "Someone should sort that head out properly one night. Just saying."},
            new String[] {"Gary Blunt", "Too many foreigners at this school now, send them back where they came from."},
            new String[] {"Gary Blunt", "Half these kids can't even speak English, no wonder standards have dropped. Disgusting."},
            new String[] {"Truth Teller", "Everyone knows the headteacher has been taking money from the PTA funds. Ask where the library money really went."},
            new String[] {"Truth Teller", "Mr Hughes was sacked from his last school for hurting a child, look it up."},
            new String[] {"Jo Bennett", "Ellie Brown in Year 4 lives at 12 Orchard Close, her mum's number is 07700 900123 if anyone wants to complain."},
            new String[] {"Jo Bennett", "Tell Jayden Smith's dad (07700 900456) to pick his kid up on time for once."},
            new String[] {"Anon Parent", "Leo Davies in 6B is a bully and everyone should keep their kids away from him."},
            new String[] {"Kev Wright", "Stupid rule. Whoever came up with it is a moron."});

    static void seed(GraphWorld world) {
        Instant now = world.clock().instant();
        Random random = new Random(2026);
        world.addPage(PAGE_ID, PAGE_NAME);
        world.addInstagramAccount(IG_USER_ID, IG_USERNAME, PAGE_ID);
        world.addToken(PAGE_TOKEN, SimToken.Type.PAGE, PAGE_ID, SimToken.PAGE_SCOPES, null);
        int harmful = 0;
        for (int i = 0; i < FB_POSTS.size(); i++) {
            Instant at = now.minus(Duration.ofDays(2L * (FB_POSTS.size() - i))).minus(Duration.ofHours(3));
            GraphWorld.Post post = world.addPost(PAGE_ID, FB_POSTS.get(i), at,
                    List.of("https://scontent.simulated.fbcdn.net/demo/post-" + i + ".jpg"));
            harmful = comments(world, random, post.id(), at, 14 + random.nextInt(12), harmful, PAGE_NAME, false);
        }
        for (int i = 0; i < IG_POSTS.size(); i++) {
            Instant at = now.minus(Duration.ofDays(3L * (IG_POSTS.size() - i))).minus(Duration.ofHours(5));
            GraphWorld.Media media = world.addMedia(IG_USER_ID, IG_POSTS.get(i), at,
                    "https://scontent.simulated.cdninstagram.com/demo/media-" + i + ".jpg");
            harmful = comments(world, random, media.id(), at, 10 + random.nextInt(10), harmful, IG_USERNAME, true);
        }
    }

    private static int comments(GraphWorld world, Random random, String on, Instant postedAt, int count, int harmful,
                                String schoolName, boolean instagram) {
        String schoolId = instagram ? IG_USER_ID : PAGE_ID;
        Instant at = postedAt;
        for (int c = 0; c < count; c++) {
            at = at.plus(Duration.ofMinutes(5 + random.nextInt(90)));
            if (at.isAfter(world.clock().instant())) {
                break;
            }
            String name;
            String text;
            if (c % 6 == 5 && harmful < HARMFUL.size()) {
                name = HARMFUL.get(harmful)[0];
                text = HARMFUL.get(harmful)[1];
                harmful++;
            } else {
                name = PARENTS.get(random.nextInt(PARENTS.size()));
                text = ORDINARY.get(random.nextInt(ORDINARY.size()));
            }
            String author = instagram ? name.toLowerCase().replace(' ', '_') : name;
            String authorId = (instagram ? "178414555" : "70010000") + String.format("%08d",
                    Math.abs(name.hashCode()) % 100_000_000);
            GraphWorld.Comment comment = world.addComment(on, authorId, author, text, at);
            if (text.endsWith("?") && random.nextBoolean()) {
                world.addComment(comment.id(), schoolId, schoolName,
                        "Thanks for asking. Details are in this week's newsletter, or call the office.",
                        at.plus(Duration.ofMinutes(40)));
            }
        }
        return harmful;
    }
}
