package org.schoolgate.posts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.schoolgate.channels.Channel;
import org.schoolgate.channels.CredentialCipher;
import org.schoolgate.channels.simulator.GraphWorld;
import org.schoolgate.channels.simulator.SimulatorLauncher;
import org.schoolgate.consent.NameAllowance;
import org.schoolgate.consent.Pupil;
import org.schoolgate.consent.Purpose;
import org.schoolgate.support.Browser;

/**
 * The posts journey of issue 5 in real Chromium (a phone-sized window): the office drafts a post with a phone
 * photo that carries GPS, tags a pupil without Instagram consent and is blocked with the reason; re-tags and
 * submits; cannot sign off their own post; a colleague signs off; the office edits the caption and the sign-off
 * is void; it is signed again; the headteacher approves; the publishing job puts it on the simulated Page and
 * Instagram account, and the picture the platforms received has no GPS nor any other metadata.
 */
@QuarkusTest
@ExtendWith(Browser.class)
class PostJourneyBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    SimulatorLauncher simulator;

    @Inject
    CredentialCipher cipher;

    @Inject
    PublishService publishing;

    String base() {
        return root.toString().replaceAll("/$", "");
    }

    GraphWorld world() {
        return simulator.running().orElseThrow().world();
    }

    void as(Page page, String user) {
        if (page.getByTestId("logout").count() > 0) {
            page.getByTestId("logout").click();
        }
        Browser.login(page, base(), user + "@demo.school", "demo");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Good to see you");
    }

    void menu(Page page, String item) {
        page.locator("nav[aria-label=Main] ul.menu a", new Page.LocatorOptions().setHasText(item)).click();
    }

    void flashSays(Page page, String text) {
        assertThat(page.locator("p.flash")).containsText(text);
    }

    void tagOnly(Page page, Pupil pupil, Pupil untag) {
        page.getByTestId("pupil-search").fill(pupil.surname);
        page.getByTestId("pupil-search-go").click();
        if (untag != null) {
            page.getByTestId("tagged-" + untag.id).uncheck();
        }
        page.getByTestId("tag-" + pupil.id).check();
        page.getByTestId("save-tags-1").click();
        flashSays(page, "Picture 1 saved");
    }

    @Test
    void officeDraftsColleagueSignsOffHeadApprovesAndThePictureGoesOutClean(Page page) throws Exception {
        long school = PostFixtures.demoSchoolId();
        PostFixtures.Channels channels = PostFixtures.channels(world(), cipher, school);
        Map<Long, Channel> byId = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                Channel.<Channel>list("id in ?1", channels.both()).stream()
                        .collect(java.util.stream.Collectors.toMap(c -> c.id, c -> c)));
        Pupil amelia = PostFixtures.pupil(school, "Amelia", PostFixtures.uniqueSurname("Journeyfb"),
                Map.of(Purpose.FACEBOOK, NameAllowance.FIRST_NAME));
        Pupil ava = PostFixtures.pupil(school, "Ava", PostFixtures.uniqueSurname("Journeyboth"),
                Map.of(Purpose.FACEBOOK, NameAllowance.FIRST_NAME, Purpose.INSTAGRAM, NameAllowance.FIRST_NAME));
        byte[] phonePhoto = TestImages.phoneJpeg(1200, 900, 1);
        Assertions.assertThat(metadata(phonePhoto).getFirstDirectoryOfType(GpsDirectory.class))
                .as("the upload really carries GPS").isNotNull();

        // the office drafts it
        as(page, "office");
        menu(page, "My posts");
        page.getByTestId("new-post").click();
        page.getByTestId("caption").fill("Our art club painted the new playground mural!");
        page.getByLabel(byId.get(channels.facebook()).name).check();
        page.getByLabel(byId.get(channels.instagram()).name).check();
        page.getByTestId("save-draft").click();
        flashSays(page, "Draft saved");
        Matcher m = Pattern.compile("/posts/(\\d+)/edit").matcher(page.url());
        Assertions.assertThat(m.find()).isTrue();
        long id = Long.parseLong(m.group(1));

        page.getByTestId("image-file").setInputFiles(new FilePayload("IMG_2041.jpg", "image/jpeg", phonePhoto));
        page.getByTestId("image-upload").click();
        flashSays(page, "Picture 1 added");
        Object width = page.getByTestId("preview-1").evaluate("img => img.complete ? img.naturalWidth : 0");
        Assertions.assertThat(((Number) width).intValue()).as("the preview is served from our store").isEqualTo(1200);

        // tags a pupil without Instagram consent: blocked, with the reason
        tagOnly(page, amelia, null);
        assertThat(page.getByTestId("check-problems")).containsText("Amelia " + amelia.surname + ": no Instagram consent");
        page.getByTestId("submit").click();
        assertThat(page.locator("p.flash.error")).containsText("Not submitted");
        assertThat(page.locator("p.flash.error")).containsText("Amelia " + amelia.surname + ": no Instagram consent");
        Assertions.assertThat(PostFixtures.load(id).status).isEqualTo(PostStatus.DRAFT);

        // re-tags and submits
        tagOnly(page, ava, amelia);
        assertThat(page.getByTestId("checks-ok")).isVisible();
        page.getByTestId("submit").click();
        flashSays(page, "Submitted");

        // the author cannot sign off their own post
        assertThat(page.getByTestId("sign-off")).hasCount(0);
        assertThat(page.getByTestId("sign-off-refused")).containsText("You wrote this post");
        menu(page, "Sign-off inbox");
        assertThat(page.locator("a[href='/posts/" + id + "']")).hasCount(0);

        // a colleague signs off
        as(page, "staff");
        menu(page, "Sign-off inbox");
        page.locator("a[href='/posts/" + id + "']").click();
        assertThat(page.getByTestId("pupil-" + ava.id)).containsText("consent OK");
        page.getByTestId("sign-off").click();
        flashSays(page, "Signed off");

        // the office edits the caption: the sign-off is void
        as(page, "office");
        page.navigate(base() + "/posts/" + id);
        page.getByTestId("edit").click();
        page.getByTestId("caption").fill("Our art club painted the new playground mural! Thank you, Ava.");
        page.getByTestId("save-post").click();
        flashSays(page, "needs a colleague's sign-off (again)");
        page.navigate(base() + "/posts/" + id);
        assertThat(page.getByTestId("history-sign-off-voided")).containsText("Sam Staff");
        assertThat(page.getByTestId("status")).containsText("awaiting sign off");

        // signed again
        as(page, "staff");
        page.navigate(base() + "/posts/" + id);
        page.getByTestId("sign-off").click();
        flashSays(page, "Signed off");

        // the headteacher approves from the queue
        as(page, "head");
        menu(page, "Approval queue");
        page.getByTestId("approval-queue").locator("a[href='/posts/" + id + "']").click();
        page.getByTestId("approve").click();
        flashSays(page, "Approved");

        // the publishing job (Quartz in production; called directly here)
        Assertions.assertThat(publishing.runDue(Instant.now())).contains(new PublishService.Outcome(id, "published"));
        page.reload();
        assertThat(page.getByTestId("status")).containsText("published");
        assertThat(page.getByTestId("permalink")).hasCount(2);
        assertThat(page.getByTestId("history-published")).isVisible();

        // the post is on the simulated Page and Instagram account
        String caption = "Our art club painted the new playground mural! Thank you, Ava.";
        List<GraphWorld.Post> onPage = world().postsOf(channels.pageId());
        Assertions.assertThat(onPage).extracting(GraphWorld.Post::message).containsExactly(caption);
        List<GraphWorld.Media> onInstagram = world().mediaOf(channels.igUserId());
        Assertions.assertThat(onInstagram).extracting(GraphWorld.Media::caption).containsExactly(caption);

        // and the picture the platforms received carries no GPS or any other metadata
        byte[] facebookGot = world().receivedImage(onPage.get(0).images().get(0)).orElseThrow();
        byte[] instagramGot = given().get(URI.create(onInstagram.get(0).mediaUrl()).getPath()).then().statusCode(200)
                .extract().asByteArray();
        for (byte[] received : List.of(facebookGot, instagramGot)) {
            Metadata md = metadata(received);
            Assertions.assertThat(md.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
            Assertions.assertThat(revealing(md)).isEmpty();
            Assertions.assertThat(new String(received, StandardCharsets.ISO_8859_1))
                    .doesNotContain(TestImages.XMP_SECRET).doesNotContain(TestImages.COMMENT_SECRET).doesNotContain("Exif");
        }
        Assertions.assertThat(facebookGot).isEqualTo(instagramGot);
    }

    static Metadata metadata(byte[] bytes) throws Exception {
        return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
    }

    /** Every metadata directory beyond what a bare JPEG has (its frame, JFIF header, Huffman tables, file type). */
    static List<String> revealing(Metadata m) {
        List<String> found = new ArrayList<>();
        for (Directory d : m.getDirectories()) {
            String name = d.getName();
            if (!name.startsWith("JPEG") && !name.equals("JFIF") && !name.equals("Huffman") && !name.equals("File Type")) {
                found.add(name);
            }
        }
        return found;
    }
}
