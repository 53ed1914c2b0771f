package org.schoolgate.posts;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.schoolgate.channels.Channel;
import org.schoolgate.channels.Platform;
import org.schoolgate.consent.Pupil;
import org.schoolgate.demo.DemoSchoolSeeded;
import org.schoolgate.staff.StaffUser;

/**
 * A few posts for the demo school, one at each step: a draft, one waiting for a colleague's sign-off, one
 * waiting for the headteacher, and a draft tagging Noah Brown (Instagram consent withdrawn) whose checks
 * show why it cannot go to Instagram. Runs after the channels and pupils are seeded.
 */
@ApplicationScoped
public class PostDemoData {

    @Inject
    PostService posts;

    void seed(@Observes @Priority(5000) DemoSchoolSeeded seeded) {
        long school = seeded.schoolId();
        Who office = who("office@demo.school");
        Who staff = who("staff@demo.school");
        List<Channel> channels = Channel.list("schoolId = ?1 order by id", school);
        Long facebook = channels.stream().filter(c -> c.platform == Platform.FACEBOOK_PAGE).map(c -> c.id)
                .findFirst().orElse(null);
        Long instagram = channels.stream().filter(c -> c.platform == Platform.INSTAGRAM).map(c -> c.id)
                .findFirst().orElse(null);
        if (facebook == null || instagram == null) {
            return;
        }
        Post garden = posts.create(school, office, new PostService.Draft(
                "Our Year 3 gardeners planted the new vegetable beds this week. Thank you to every family who "
                        + "donated seeds!", List.of(facebook), null));
        PostImage beds = posts.addImage(school, garden.id, office, picture(new Color(0x4C8C3F), new Color(0x87CEEB)));
        posts.tag(school, garden.id, beds.id, office, List.of(), true);

        Post poster = posts.create(school, office, new PostService.Draft(
                "Congratulations to Ava, whose poster won the county road-safety competition!",
                List.of(facebook, instagram), null));
        PostImage prize = posts.addImage(school, poster.id, office, picture(new Color(0xF4B400), new Color(0x1E6B3A)));
        posts.tag(school, poster.id, prize.id, office, List.of(pupil(school, "Ava", "Smith")), false);
        posts.submit(school, poster.id, office);

        Post harvest = posts.create(school, office, new PostService.Draft(
                "Harvest festival: our donations went to the town food bank today. Thank you all!",
                List.of(facebook), null));
        PostImage boxes = posts.addImage(school, harvest.id, office, picture(new Color(0xB5651D), new Color(0xFFF8E7)));
        posts.tag(school, harvest.id, boxes.id, office, List.of(), true);
        posts.submit(school, harvest.id, office);
        posts.signOff(school, harvest.id, staff, posts.get(school, harvest.id).contentHash);

        Post robots = posts.create(school, office, new PostService.Draft(
                "Coding club built robots that draw!", List.of(facebook, instagram), null));
        PostImage robot = posts.addImage(school, robots.id, office, picture(new Color(0x3F51B5), new Color(0xEEEEEE)));
        posts.tag(school, robots.id, robot.id, office, List.of(pupil(school, "Noah", "Brown")), false);
    }

    private static Who who(String email) {
        StaffUser u = StaffUser.findByEmail(email).orElseThrow();
        return new Who(u.id, u.email, u.displayName, Set.copyOf(u.roles.stream().map(r -> r.id()).toList()));
    }

    private static long pupil(long school, String first, String surname) {
        return Pupil.<Pupil>find("schoolId = ?1 and firstName = ?2 and surname = ?3", school, first, surname)
                .firstResult().id;
    }

    /** A simple picture (sky over a field) so that the demo needs no image files. */
    static byte[] picture(Color ground, Color sky) {
        BufferedImage img = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(sky);
        g.fillRect(0, 0, 800, 360);
        g.setColor(ground);
        g.fillRect(0, 360, 800, 240);
        g.setColor(Color.WHITE);
        g.fillOval(560, 60, 120, 120);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
