package org.schoolgate.posts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.schoolgate.channels.Channel;
import org.schoolgate.consent.PupilAppearances;

/** For the subject-access export: every post showing the pupil, with where it went out. */
@ApplicationScoped
public class PostPupilAppearances implements PupilAppearances {

    @Override
    public boolean recorded() {
        return true;
    }

    @Override
    @Transactional
    public List<Appearance> of(long schoolId, long pupilId) {
        List<Long> ids = Post.getEntityManager().createQuery("select distinct i.postId from PostImage i"
                        + " join i.pupilIds pid where i.schoolId = :school and pid = :pupil", Long.class)
                .setParameter("school", schoolId).setParameter("pupil", pupilId).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Appearance> out = new ArrayList<>();
        for (Post p : Post.<Post>list("id in ?1 order by createdAt desc, id desc", ids)) {
            List<String> channels = new ArrayList<>();
            List<String> links = new ArrayList<>();
            for (PostTarget t : PostTarget.<PostTarget>list("postId = ?1 order by channelId", p.id)) {
                Channel c = Channel.findById(t.channelId);
                channels.add((c == null ? "channel " + t.channelId : c.name)
                        + (t.status == PostTarget.Status.PENDING ? "" : " (" + t.status.name().toLowerCase().replace('_', ' ') + ")"));
                if (t.permalink != null) {
                    links.add(t.permalink);
                }
            }
            out.add(new Appearance(p.id, p.statusWords(), p.excerpt(), channels, p.createdAt, p.publishedAt, links,
                    "/posts/" + p.id));
        }
        return out;
    }
}
