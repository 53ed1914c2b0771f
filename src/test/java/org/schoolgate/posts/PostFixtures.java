package org.schoolgate.posts;

import static io.restassured.RestAssured.given;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.schoolgate.channels.Channel;
import org.schoolgate.channels.ChannelCredentials;
import org.schoolgate.channels.ChannelKind;
import org.schoolgate.channels.ChannelStatus;
import org.schoolgate.channels.CredentialCipher;
import org.schoolgate.channels.Platform;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.SimToken;
import org.schoolgate.consent.ConsentMethod;
import org.schoolgate.consent.ConsentRecord;
import org.schoolgate.consent.ConsentState;
import org.schoolgate.consent.GivenBy;
import org.schoolgate.consent.NameAllowance;
import org.schoolgate.consent.Pupil;
import org.schoolgate.demo.DemoData;
import org.schoolgate.staff.Role;
import org.schoolgate.staff.School;
import org.schoolgate.staff.StaffUser;
import org.schoolgate.support.Api;

/**
 * Test data for posts in the domain's words: pupils with the consents a test needs (unique surnames, so
 * that classes sharing one boot never collide), a fresh simulated Facebook Page and Instagram account
 * connected as the demo school's channels, extra staff, and drafts driven through the API.
 */
public final class PostFixtures {

    public static final String PASSWORD = "posts-test-password";
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 100_000);

    /** The two channels of a fresh simulated school account. */
    public record Channels(long facebook, long instagram, String pageId, String igUserId) {
        public List<Long> both() {
            return List.of(facebook, instagram);
        }
    }

    private PostFixtures() {
    }

    public static String unique(String prefix) {
        return prefix + SEQ.incrementAndGet();
    }

    /** A surname no other pupil has: letters only, so that it is one word for the caption check. */
    public static String uniqueSurname(String base) {
        long n = SEQ.incrementAndGet();
        StringBuilder s = new StringBuilder(base);
        while (n > 0) {
            s.append((char) ('a' + n % 26));
            n /= 26;
        }
        return s.toString();
    }

    public static long demoSchoolId() {
        return QuarkusTransaction.requiringNew().call(() -> School.<School>find("name", DemoData.SCHOOL).firstResult().id);
    }

    /** A pupil of the school with consent for each purpose given, at the given name allowance. */
    public static Pupil pupil(long schoolId, String first, String surname, Map<String, NameAllowance> consents) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Pupil p = new Pupil();
            p.schoolId = schoolId;
            p.misId = unique("P");
            p.firstName = first;
            p.surname = surname;
            p.yearGroup = "Year 4";
            p.createdAt = Instant.now();
            p.updatedAt = p.createdAt;
            p.persist();
            consents.forEach((purpose, names) -> {
                ConsentRecord r = new ConsentRecord();
                r.schoolId = schoolId;
                r.pupilId = p.id;
                r.purpose = purpose;
                r.version = 1;
                r.state = ConsentState.GRANTED;
                r.givenBy = GivenBy.PARENT_CARER;
                r.dateGiven = LocalDate.now().minusMonths(2);
                r.method = ConsentMethod.PAPER_FORM;
                r.nameAllowance = names;
                r.recordedAt = Instant.now();
                r.recordedBy = "test";
                r.source = "test";
                r.persist();
            });
            return p;
        });
    }

    /** A fresh simulated Page with its Instagram account, both connected as active channels of the school. */
    public static Channels channels(GraphWorld world, CredentialCipher cipher, long schoolId) {
        String suffix = String.format("%010d", SEQ.incrementAndGet());
        String pageId = "10460" + suffix;
        String igUserId = "178414" + suffix;
        world.addPage(pageId, "Posts test page " + suffix);
        world.addInstagramAccount(igUserId, "poststest" + suffix, pageId);
        String token = "EAAB-posts-" + UUID.randomUUID();
        world.addToken(token, SimToken.Type.PAGE, pageId, SimToken.PAGE_SCOPES, null);
        long fb = channel(cipher, schoolId, Platform.FACEBOOK_PAGE, pageId, "Facebook " + suffix, token);
        long ig = channel(cipher, schoolId, Platform.INSTAGRAM, igUserId, "Instagram " + suffix, token);
        return new Channels(fb, ig, pageId, igUserId);
    }

    static long channel(CredentialCipher cipher, long schoolId, Platform platform, String accountId, String name,
                        String token) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Channel c = new Channel();
            c.schoolId = schoolId;
            c.platform = platform;
            c.accountId = accountId;
            c.name = name;
            c.kind = ChannelKind.OFFICIAL;
            c.purpose = "School news";
            c.objectives = "Celebrate pupils' work";
            c.riskAssessment = "Reviewed";
            c.registeredWithEmail = "office@demo.school";
            c.registeredBy = "head@demo.school";
            c.registeredAt = Instant.now();
            c.approvedBy = "head@demo.school";
            c.approvedAt = Instant.now();
            c.status = ChannelStatus.ACTIVE;
            c.persist();
            c.credentialsCipher = cipher.encrypt(ChannelCredentials.token(token), c.id);
            c.credentialsKeyId = cipher.currentKeyId();
            return c.id;
        });
    }

    /** A member of staff of the school with these roles (password {@link #PASSWORD}); returns the e-mail. */
    public static String staff(long schoolId, String name, Role... roles) {
        String email = unique("posts-") + "@demo.school";
        QuarkusTransaction.requiringNew().run(() -> {
            StaffUser u = new StaffUser();
            u.email = email;
            u.displayName = name;
            u.passwordHash = BcryptUtil.bcryptHash(PASSWORD, 4);
            u.roles = EnumSet.copyOf(List.of(roles));
            u.schools.add(School.findById(schoolId));
            u.persist();
        });
        return email;
    }

    public static RequestSpecification as(String email) {
        return given().auth().preemptive().basic(email, PASSWORD);
    }

    /** A demo user ("office", "staff", "head", …) or an e-mail made by {@link #staff}. */
    public static RequestSpecification who(String user) {
        return user.contains("@") ? as(user) : Api.as(user);
    }

    /** A draft through the API; returns its id. */
    public static long draft(String author, String caption, List<Long> channels) {
        return ((Number) who(author).contentType(ContentType.JSON)
                .body(Map.of("caption", caption, "channelIds", channels))
                .post("/api/posts").then().statusCode(201).extract().path("id")).longValue();
    }

    public static long addImage(String author, long postId, byte[] image) {
        return ((Number) who(author).contentType("image/jpeg").body(image)
                .post("/api/posts/" + postId + "/images").then().statusCode(201).extract().path("id")).longValue();
    }

    public static void tag(String author, long postId, long imageId, List<Long> pupils, boolean none) {
        who(author).contentType(ContentType.JSON).body(Map.of("pupilIds", pupils, "noIdentifiablePupils", none))
                .put("/api/posts/" + postId + "/images/" + imageId + "/tags").then().statusCode(200);
    }

    public static String hash(String reader, long postId) {
        return who(reader).get("/api/posts/" + postId).then().statusCode(200).extract().path("contentHash");
    }

    public static void submit(String author, long postId) {
        who(author).contentType(ContentType.JSON).body("{}").post("/api/posts/" + postId + "/submit").then().statusCode(200);
    }

    public static void signOff(String reader, long postId) {
        who(reader).contentType(ContentType.JSON).body(Map.of("contentHash", hash(reader, postId)))
                .post("/api/posts/" + postId + "/sign-off").then().statusCode(200);
    }

    public static void approve(String head, long postId) {
        who(head).contentType(ContentType.JSON).body(Map.of())
                .post("/api/posts/" + postId + "/approve").then().statusCode(200);
    }

    /** A post with one tagged picture, submitted, signed off and approved: ready for the publishing job. */
    public static long approvedPost(String caption, List<Long> channels, long pupilId) {
        long id = draft("office", caption, channels);
        long image = addImage("office", id, TestImages.phoneJpeg(640, 480, 1));
        tag("office", id, image, List.of(pupilId), false);
        submit("office", id);
        signOff("staff", id);
        approve("head", id);
        return id;
    }

    public static Post load(long postId) {
        return QuarkusTransaction.requiringNew().call(() -> Post.<Post>findById(postId));
    }

    public static List<PostTarget> targets(long postId) {
        return QuarkusTransaction.requiringNew().call(() -> PostTarget.<PostTarget>list("postId = ?1 order by channelId",
                postId));
    }

    public static List<String> history(long postId) {
        return QuarkusTransaction.requiringNew().call(() -> PostEvent.<PostEvent>list("postId = ?1 order by at, id",
                postId).stream().map(e -> e.action).toList());
    }

    public static long audit(String action, long postId) {
        return QuarkusTransaction.requiringNew().call(() -> org.schoolgate.audit.AuditEvent.count(
                "action = ?1 and subjectType = 'post' and subjectId = ?2", action, Long.toString(postId)));
    }

    /** A new consent version written straight to the table (no event: only the checks can notice it). */
    public static void consentVersion(long pupilId, String purpose, java.util.function.Consumer<ConsentRecord> change) {
        QuarkusTransaction.requiringNew().run(() -> {
            ConsentRecord r = ConsentRecord.find("pupilId = ?1 and purpose = ?2 order by version desc", pupilId, purpose)
                    .firstResult();
            ConsentRecord n = new ConsentRecord();
            n.schoolId = r.schoolId;
            n.pupilId = r.pupilId;
            n.purpose = r.purpose;
            n.version = r.version + 1;
            n.state = r.state;
            n.givenBy = r.givenBy;
            n.dateGiven = r.dateGiven;
            n.method = r.method;
            n.nameAllowance = r.nameAllowance;
            n.expiresOn = r.expiresOn;
            n.recordedAt = Instant.now();
            n.recordedBy = "test";
            n.source = "test";
            change.accept(n);
            n.persist();
        });
    }
}
