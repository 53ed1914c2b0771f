package org.schoolgate.channels.facebook;

import facebook4j.Comment;
import facebook4j.Ordering;
import facebook4j.Post;
import facebook4j.Reading;
import facebook4j.ResponseList;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.schoolgate.channels.Capabilities;
import org.schoolgate.channels.Capabilities.Operation;
import org.schoolgate.channels.ChannelAccess;
import org.schoolgate.channels.ChannelConnector;
import org.schoolgate.channels.ChannelException;
import org.schoolgate.channels.ChannelHealth;
import org.schoolgate.channels.GraphEndpoint;
import org.schoolgate.channels.OutgoingPost;
import org.schoolgate.channels.Platform;
import org.schoolgate.channels.PlatformComment;
import org.schoolgate.channels.PlatformPost;
import org.schoolgate.channels.PublishJournal;
import org.schoolgate.channels.PublishedPost;
import org.schoolgate.channels.Slice;

/**
 * A Facebook Page through facebook4j: typed calls for posts, comments, delete and reply; raw calls
 * where facebook4j has no method (hide, multi-photo posts, debug_token). Cursors handed out are
 * Graph's {@code after} cursors, never the {@code next} URL (which carries the token).
 */
public final class FacebookPageConnector implements ChannelConnector {

    static final Set<String> NEEDED_SCOPES = Set.of("pages_show_list", "pages_read_engagement",
            "pages_read_user_content", "pages_manage_engagement", "pages_manage_posts");
    private static final int PAGE_SIZE = 100;

    private final GraphClient graph;
    private final String pageId;
    private final PublishJournal journal;

    public FacebookPageConnector(GraphEndpoint endpoint, ChannelAccess access) {
        this.graph = new GraphClient(endpoint, access.credentials().accessToken());
        this.pageId = access.accountId();
        this.journal = access.journal();
    }

    @Override
    public Platform platform() {
        return Platform.FACEBOOK_PAGE;
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.of(Operation.LIST_POSTS, Operation.LIST_COMMENTS, Operation.HIDE, Operation.DELETE,
                Operation.REPLY, Operation.PUBLISH, Operation.DELETE_POST, Operation.HEALTH);
    }

    @Override
    public Slice<PlatformPost> listPosts(Instant since, Optional<String> cursor) {
        Reading reading = new Reading()
                .fields("id", "message", "created_time", "permalink_url", "full_picture",
                        "attachments{media_type,media,subattachments}", "comments.summary(true).limit(0)")
                .limit(PAGE_SIZE).since(Date.from(since));
        cursor.ifPresent(reading::after);
        ResponseList<Post> posts = graph.typed("list posts", fb -> fb.getPosts(pageId, reading));
        List<PlatformPost> out = new ArrayList<>();
        for (Post p : posts) {
            List<URI> media = new ArrayList<>();
            if (p.getFullPicture() != null) {
                GraphClient.uri(p.getFullPicture().toString()).ifPresent(media::add);
            }
            long count = p.getComments() != null && p.getComments().getSummary() != null
                    && p.getComments().getSummary().getTotalCount() != null
                    ? p.getComments().getSummary().getTotalCount() : -1;
            out.add(new PlatformPost(p.getId(), p.getCreatedTime().toInstant(), p.getMessage(),
                    GraphClient.uri(p.getPermalinkUrl() == null ? null : p.getPermalinkUrl().toString()), media, count));
        }
        return new Slice<>(out, next(posts));
    }

    @Override
    public Slice<PlatformComment> listComments(String postId, Instant watermark, Optional<String> cursor) {
        Reading reading = new Reading()
                .fields("id", "message", "created_time", "from{id,name}", "parent{id}", "is_hidden", "can_hide",
                        "permalink_url")
                .filter("stream").order(Ordering.REVERSE_CHRONOLOGICAL).limit(PAGE_SIZE);
        cursor.ifPresent(reading::after);
        ResponseList<Comment> comments = graph.typed("list comments", fb -> fb.getPostComments(postId, reading));
        List<PlatformComment> out = new ArrayList<>();
        boolean reachedWatermark = false;
        for (Comment c : comments) {
            Instant created = c.getCreatedTime().toInstant();
            if (created.isBefore(watermark)) {
                reachedWatermark = true;
                break;
            }
            Optional<PlatformComment.Author> author = c.getFrom() == null ? Optional.empty()
                    : Optional.of(new PlatformComment.Author(c.getFrom().getId(), c.getFrom().getName()));
            out.add(new PlatformComment(c.getId(), postId,
                    Optional.ofNullable(c.getParent()).map(Comment::getId), author, c.getMessage(), created,
                    Boolean.TRUE.equals(c.isHidden()), Boolean.TRUE.equals(c.canHide()), Optional.empty()));
        }
        return new Slice<>(out, reachedWatermark ? Optional.empty() : next(comments));
    }

    private static Optional<String> next(ResponseList<?> list) {
        if (list.getPaging() == null || list.getPaging().getNext() == null || list.getPaging().getCursors() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(list.getPaging().getCursors().getAfter());
    }

    @Override
    public void setHidden(String commentId, boolean hidden) {
        graph.post(commentId, Map.of("is_hidden", Boolean.toString(hidden)));
    }

    @Override
    public void deleteComment(String commentId) {
        graph.typed("delete comment", fb -> fb.deleteComment(commentId));
    }

    /** {@code DELETE /{post-id}} (needs pages_manage_posts). */
    @Override
    public void deletePost(String postId) {
        graph.typed("delete post", fb -> fb.deletePost(postId));
    }

    @Override
    public String reply(String commentId, String text) {
        return graph.typed("reply", fb -> fb.commentPost(commentId, text));
    }

    /**
     * One photo: {@code POST /{page}/photos}. Several: each photo unpublished, then one feed post
     * with {@code attached_media}. The journal is checked first, so a repeat returns the first result.
     */
    @Override
    public PublishedPost publish(OutgoingPost post) {
        Optional<PublishJournal.Entry> done = journal.find(post.idempotencyKey())
                .filter(e -> e.platformPostId().isPresent());
        if (done.isPresent()) {
            return new PublishedPost(done.get().platformPostId().get(), done.get().permalink());
        }
        String postId;
        if (post.images().isEmpty()) {
            postId = graph.post(pageId + "/feed", Map.of("message", post.caption())).getString("id");
        } else if (post.images().size() == 1) {
            OutgoingPost.Image image = post.images().get(0);
            postId = graph.postMultipart(pageId + "/photos", Map.of("message", post.caption()),
                    new GraphClient.Upload("source", image.fileName(), image.bytes())).getString("post_id");
        } else {
            Map<String, String> params = new java.util.LinkedHashMap<>();
            params.put("message", post.caption());
            int i = 0;
            for (OutgoingPost.Image image : post.images()) {
                String photoId = graph.postMultipart(pageId + "/photos", Map.of("published", "false"),
                        new GraphClient.Upload("source", image.fileName(), image.bytes())).getString("id");
                params.put("attached_media[" + i++ + "]", new JsonObject().put("media_fbid", photoId).encode());
            }
            postId = graph.post(pageId + "/feed", params).getString("id");
        }
        Optional<URI> permalink = permalink(postId);
        journal.published(post.idempotencyKey(), postId, permalink);
        return new PublishedPost(postId, permalink);
    }

    private Optional<URI> permalink(String postId) {
        try {
            return GraphClient.uri(graph.get(postId, Map.of("fields", "permalink_url")).getString("permalink_url"));
        } catch (ChannelException e) {
            return Optional.empty();
        }
    }

    @Override
    public ChannelHealth health() {
        return health(graph, NEEDED_SCOPES);
    }

    /** Token state via {@code debug_token}; an auth failure means "not valid", not an exception. */
    public static ChannelHealth health(GraphClient graph, Set<String> needed) {
        JsonObject data;
        try {
            data = graph.get("debug_token", Map.of("input_token", graph.token())).getJsonObject("data");
        } catch (ChannelException e) {
            if (e.kind().needsReconnect()) {
                return new ChannelHealth(false, Optional.empty(), Set.of(), needed, e.getMessage());
            }
            throw e;
        }
        Set<String> scopes = new HashSet<>();
        JsonArray s = data.getJsonArray("scopes", new JsonArray());
        for (int i = 0; i < s.size(); i++) {
            scopes.add(s.getString(i));
        }
        Set<String> missing = new HashSet<>(needed);
        missing.removeAll(scopes);
        long expiresAt = data.getLong("expires_at", 0L);
        boolean valid = data.getBoolean("is_valid", false);
        String detail = valid ? (missing.isEmpty() ? "Token valid" : "Token valid but lacks " + String.join(", ",
                missing.stream().sorted().toList()))
                : "Token not valid: " + data.getJsonObject("error", new JsonObject()).getString("message", "unknown");
        return new ChannelHealth(valid, expiresAt == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(expiresAt)),
                Set.copyOf(scopes), Set.copyOf(missing), detail);
    }
}
