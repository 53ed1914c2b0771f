package org.schoolgate.channels.instagram;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.schoolgate.channels.Capabilities;
import org.schoolgate.channels.Capabilities.Operation;
import org.schoolgate.channels.ChannelAccess;
import org.schoolgate.channels.ChannelConnector;
import org.schoolgate.channels.ChannelException;
import org.schoolgate.channels.ChannelException.Kind;
import org.schoolgate.channels.ChannelHealth;
import org.schoolgate.channels.GraphEndpoint;
import org.schoolgate.channels.OutgoingPost;
import org.schoolgate.channels.Platform;
import org.schoolgate.channels.PlatformComment;
import org.schoolgate.channels.PlatformPost;
import org.schoolgate.channels.PublicMedia;
import org.schoolgate.channels.PublishJournal;
import org.schoolgate.channels.PublishedPost;
import org.schoolgate.channels.Slice;
import org.schoolgate.channels.facebook.FacebookPageConnector;
import org.schoolgate.channels.facebook.GraphClient;

/**
 * An Instagram professional account through the Instagram Graph API (Facebook Login path) on
 * facebook4j raw calls. Publishing is container → status → media_publish, with the container id
 * written to the journal before anything else so a restart resumes instead of posting twice.
 */
public final class InstagramGraphConnector implements ChannelConnector {

    static final Set<String> NEEDED_SCOPES = Set.of("instagram_basic", "instagram_manage_comments",
            "instagram_content_publish", "pages_read_engagement", "pages_show_list");
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");
    private static final String COMMENT_FIELDS = "id,text,timestamp,username,from{id,username},hidden,parent_id";

    private final GraphClient graph;
    private final String igUserId;
    private final PublishJournal journal;
    private final PublicMedia publicMedia;
    private final Duration statusPollInterval;
    private final int maxStatusPolls;

    public InstagramGraphConnector(GraphEndpoint endpoint, ChannelAccess access, PublicMedia publicMedia,
                                   Duration statusPollInterval, int maxStatusPolls) {
        this.graph = new GraphClient(endpoint, access.credentials().accessToken());
        this.igUserId = access.accountId();
        this.journal = access.journal();
        this.publicMedia = publicMedia;
        this.statusPollInterval = statusPollInterval;
        this.maxStatusPolls = maxStatusPolls;
    }

    @Override
    public Platform platform() {
        return Platform.INSTAGRAM;
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.of(Operation.LIST_POSTS, Operation.LIST_COMMENTS, Operation.HIDE, Operation.DELETE,
                Operation.REPLY, Operation.PUBLISH, Operation.DELETE_POST, Operation.HEALTH);
    }

    /** Instagram cannot filter or sort media by time, so we stop at the first item older than {@code since}. */
    @Override
    public Slice<PlatformPost> listPosts(Instant since, Optional<String> cursor) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("fields", "id,caption,timestamp,permalink,media_url,comments_count");
        params.put("limit", "100");
        cursor.ifPresent(c -> params.put("after", c));
        JsonObject page = graph.get(igUserId + "/media", params);
        List<PlatformPost> out = new ArrayList<>();
        boolean older = false;
        for (Object o : page.getJsonArray("data", new JsonArray())) {
            JsonObject m = (JsonObject) o;
            Instant created = time(m.getString("timestamp"));
            if (created.isBefore(since)) {
                older = true;
                break;
            }
            List<URI> media = m.getString("media_url") == null ? List.of() : List.of(URI.create(m.getString("media_url")));
            out.add(new PlatformPost(m.getString("id"), created, m.getString("caption"),
                    Optional.ofNullable(m.getString("permalink")).map(URI::create), media,
                    m.getLong("comments_count", -1L)));
        }
        return new Slice<>(out, older ? Optional.empty() : after(page));
    }

    /** Top-level comments with their replies inline (Instagram offers no flat stream). */
    @Override
    public Slice<PlatformComment> listComments(String mediaId, Instant watermark, Optional<String> cursor) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("fields", COMMENT_FIELDS + ",replies.limit(100){" + COMMENT_FIELDS + "}");
        params.put("limit", "100");
        cursor.ifPresent(c -> params.put("after", c));
        JsonObject page = graph.get(mediaId + "/comments", params);
        List<PlatformComment> out = new ArrayList<>();
        for (Object o : page.getJsonArray("data", new JsonArray())) {
            JsonObject c = (JsonObject) o;
            add(out, mediaId, c, watermark);
            JsonObject replies = c.getJsonObject("replies");
            if (replies != null) {
                for (Object r : replies.getJsonArray("data", new JsonArray())) {
                    add(out, mediaId, (JsonObject) r, watermark);
                }
            }
        }
        return new Slice<>(out, after(page));
    }

    private void add(List<PlatformComment> out, String mediaId, JsonObject c, Instant watermark) {
        Instant created = time(c.getString("timestamp"));
        if (created.isBefore(watermark)) {
            return;
        }
        JsonObject from = c.getJsonObject("from");
        Optional<PlatformComment.Author> author = from == null
                ? Optional.ofNullable(c.getString("username")).map(u -> new PlatformComment.Author("", u))
                : Optional.of(new PlatformComment.Author(from.getString("id"), from.getString("username")));
        boolean own = from != null && igUserId.equals(from.getString("id"));
        out.add(new PlatformComment(c.getString("id"), mediaId, Optional.ofNullable(c.getString("parent_id")), author,
                c.getString("text"), created, c.getBoolean("hidden", false), !own, Optional.empty()));
    }

    private static Optional<String> after(JsonObject page) {
        JsonObject paging = page.getJsonObject("paging");
        if (paging == null || paging.getString("next") == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(paging.getJsonObject("cursors", new JsonObject()).getString("after"));
    }

    @Override
    public void setHidden(String commentId, boolean hidden) {
        graph.post(commentId, Map.of("hide", Boolean.toString(hidden)));
    }

    @Override
    public void deleteComment(String commentId) {
        graph.delete(commentId);
    }

    /** {@code DELETE /{ig-media-id}}. */
    @Override
    public void deletePost(String mediaId) {
        graph.delete(mediaId);
    }

    @Override
    public String reply(String commentId, String text) {
        return graph.post(commentId + "/replies", Map.of("message", text)).getString("id");
    }

    @Override
    public PublishedPost publish(OutgoingPost post) {
        if (post.images().isEmpty()) {
            throw new ChannelException(Kind.INVALID_REQUEST, "An Instagram post needs at least one image");
        }
        Optional<PublishJournal.Entry> entry = journal.find(post.idempotencyKey());
        if (entry.flatMap(PublishJournal.Entry::platformPostId).isPresent()) {
            return new PublishedPost(entry.get().platformPostId().get(), entry.get().permalink());
        }
        String container = entry.flatMap(PublishJournal.Entry::containerId).orElse(null);
        if (container == null) {
            container = createContainer(post);
            journal.containerCreated(post.idempotencyKey(), container);
        }
        String status = waitUntilReady(container);
        String mediaId;
        if ("PUBLISHED".equals(status)) {
            mediaId = findPublished(post.caption());
        } else if ("EXPIRED".equals(status)) {
            container = createContainer(post);
            journal.containerCreated(post.idempotencyKey(), container);
            waitUntilReady(container);
            mediaId = graph.post(igUserId + "/media_publish", Map.of("creation_id", container)).getString("id");
        } else {
            mediaId = graph.post(igUserId + "/media_publish", Map.of("creation_id", container)).getString("id");
        }
        Optional<URI> permalink = Optional.ofNullable(graph.get(mediaId, Map.of("fields", "id,permalink"))
                .getString("permalink")).map(URI::create);
        journal.published(post.idempotencyKey(), mediaId, permalink);
        return new PublishedPost(mediaId, permalink);
    }

    private String createContainer(OutgoingPost post) {
        if (post.images().size() == 1) {
            return graph.post(igUserId + "/media", Map.of("image_url",
                    publicMedia.expose(post.images().get(0)).toString(), "caption", post.caption())).getString("id");
        }
        List<String> children = new ArrayList<>();
        for (OutgoingPost.Image image : post.images()) {
            children.add(graph.post(igUserId + "/media", Map.of("image_url", publicMedia.expose(image).toString(),
                    "is_carousel_item", "true")).getString("id"));
        }
        return graph.post(igUserId + "/media", Map.of("media_type", "CAROUSEL", "children", String.join(",", children),
                "caption", post.caption())).getString("id");
    }

    private String waitUntilReady(String container) {
        for (int i = 0; i < maxStatusPolls; i++) {
            String status = graph.get(container, Map.of("fields", "status_code")).getString("status_code", "");
            switch (status) {
                case "FINISHED", "PUBLISHED", "EXPIRED":
                    return status;
                case "ERROR":
                    throw new ChannelException(Kind.INVALID_REQUEST, "Instagram could not process the image "
                            + "(container status ERROR)");
                default:
                    sleep();
            }
        }
        throw new ChannelException(Kind.TRANSIENT, "Instagram is still processing the image; publishing resumes "
                + "from the stored container next time", statusPollInterval, "IN_PROGRESS", null);
    }

    /** The container was published before a crash: find the media by its caption among the newest. */
    private String findPublished(String caption) {
        JsonObject page = graph.get(igUserId + "/media", Map.of("fields", "id,caption", "limit", "25"));
        for (Object o : page.getJsonArray("data", new JsonArray())) {
            JsonObject m = (JsonObject) o;
            if (caption.equals(m.getString("caption", ""))) {
                return m.getString("id");
            }
        }
        throw new ChannelException(Kind.NOT_FOUND, "The container was published but its media cannot be found");
    }

    private void sleep() {
        try {
            Thread.sleep(statusPollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException(Kind.TRANSIENT, "Interrupted while waiting for Instagram");
        }
    }

    @Override
    public ChannelHealth health() {
        return FacebookPageConnector.health(graph, NEEDED_SCOPES);
    }

    private static Instant time(String s) {
        return OffsetDateTime.parse(s, GRAPH_TIME).toInstant();
    }
}
