package org.schoolgate.channels.instagram;

import com.github.instagram4j.instagram4j.IGClient;
import com.github.instagram4j.instagram4j.exceptions.IGLoginException;
import com.github.instagram4j.instagram4j.exceptions.IGResponseException;
import com.github.instagram4j.instagram4j.models.media.timeline.Comment;
import com.github.instagram4j.instagram4j.models.media.timeline.TimelineMedia;
import com.github.instagram4j.instagram4j.requests.IGRequest;
import com.github.instagram4j.instagram4j.requests.feed.FeedUserRequest;
import com.github.instagram4j.instagram4j.requests.media.MediaCommentRequest;
import com.github.instagram4j.instagram4j.requests.media.MediaGetCommentsRequest;
import com.github.instagram4j.instagram4j.responses.IGResponse;
import com.github.instagram4j.instagram4j.responses.feed.FeedUserResponse;
import com.github.instagram4j.instagram4j.responses.media.MediaGetCommentsResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.schoolgate.channels.Capabilities;
import org.schoolgate.channels.Capabilities.Operation;
import org.schoolgate.channels.ChannelAccess;
import org.schoolgate.channels.ChannelConnector;
import org.schoolgate.channels.ChannelException;
import org.schoolgate.channels.ChannelException.Kind;
import org.schoolgate.channels.ChannelHealth;
import org.schoolgate.channels.OutgoingPost;
import org.schoolgate.channels.Platform;
import org.schoolgate.channels.PlatformComment;
import org.schoolgate.channels.PlatformPost;
import org.schoolgate.channels.PublishedPost;
import org.schoolgate.channels.Slice;

/**
 * A personal Instagram account through instagram4j (Instagram's private mobile API). Off unless
 * {@code schoolgate.channels.instagram4j.enabled}; read and reply only. It breaches Instagram's
 * terms, risks checkpoints and locks, needs the account password, and can break whenever Instagram
 * forces an app upgrade; the README and the channel page say so. Comment ids handed out are
 * {@code mediaId:commentPk}, because replying needs the media.
 */
public final class Instagram4jConnector implements ChannelConnector {

    private final OkHttpClient http;
    private final String username;
    private final String password;
    private IGClient client;

    public Instagram4jConnector(String baseUrl, boolean production, ChannelAccess access) {
        HttpUrl target = HttpUrl.get(baseUrl);
        if (!production && !isLoopback(target.host())) {
            throw new IllegalStateException("Refusing to call " + target.host() + " outside production");
        }
        Interceptor redirect = chain -> {
            HttpUrl url = chain.request().url();
            if (url.host().endsWith("instagram.com")) {
                url = url.newBuilder().scheme(target.scheme()).host(target.host()).port(target.port()).build();
            }
            if (!production && !isLoopback(url.host())) {
                throw new IOException("Refusing to call " + url.host() + " outside production");
            }
            return chain.proceed(chain.request().newBuilder().url(url).build());
        };
        this.http = new OkHttpClient.Builder().addInterceptor(redirect).connectTimeout(15, TimeUnit.SECONDS)
                .readTimeout(20, TimeUnit.SECONDS).build();
        this.username = access.credentials().username();
        this.password = access.credentials().password();
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    @Override
    public Platform platform() {
        return Platform.INSTAGRAM_PRIVATE;
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.of(Operation.LIST_POSTS, Operation.LIST_COMMENTS, Operation.REPLY, Operation.HEALTH);
    }

    private synchronized IGClient client() {
        if (client == null) {
            try {
                client = IGClient.builder().username(username).password(password).client(http).login();
            } catch (IGLoginException e) {
                throw translate("log in", e);
            } catch (RuntimeException e) {
                throw translate("log in", e);
            }
        }
        return client;
    }

    private <T extends IGResponse> T send(String what, IGRequest<T> request) {
        try {
            return client().sendRequest(request).join();
        } catch (CompletionException e) {
            throw translate(what, e.getCause() == null ? e : e.getCause());
        }
    }

    @Override
    public Slice<PlatformPost> listPosts(Instant since, Optional<String> cursor) {
        long pk = client().getSelfProfile().getPk();
        FeedUserResponse feed = send("read the feed", cursor.map(c -> new FeedUserRequest(pk, c))
                .orElseGet(() -> new FeedUserRequest(pk)));
        List<PlatformPost> out = new ArrayList<>();
        boolean older = false;
        for (TimelineMedia m : feed.getItems()) {
            Instant at = Instant.ofEpochSecond(m.getTaken_at());
            if (at.isBefore(since)) {
                older = true;
                break;
            }
            out.add(new PlatformPost(m.getId(), at, m.getCaption() == null ? "" : m.getCaption().getText(),
                    Optional.ofNullable(m.getCode()).map(code -> URI.create("https://www.instagram.com/p/" + code + "/")),
                    List.of(), m.getComment_count()));
        }
        boolean more = feed.getNext_max_id() != null;
        return new Slice<>(out, older || !more ? Optional.empty() : Optional.of(feed.getNext_max_id()));
    }

    @Override
    public Slice<PlatformComment> listComments(String mediaId, Instant watermark, Optional<String> cursor) {
        MediaGetCommentsResponse res = send("read comments", cursor.map(c -> new MediaGetCommentsRequest(mediaId, c))
                .orElseGet(() -> new MediaGetCommentsRequest(mediaId)));
        List<PlatformComment> out = new ArrayList<>();
        boolean older = false;
        for (Comment c : res.getComments()) {
            Instant at = Instant.ofEpochSecond(c.getCreated_at());
            if (at.isBefore(watermark)) {
                older = true;
                break;
            }
            Optional<PlatformComment.Author> author = c.getUser() == null ? Optional.empty()
                    : Optional.of(new PlatformComment.Author(String.valueOf(c.getUser().getPk()),
                            c.getUser().getUsername()));
            out.add(new PlatformComment(mediaId + ":" + c.getPk(), mediaId, Optional.empty(), author, c.getText(), at,
                    false, false, Optional.empty()));
        }
        return new Slice<>(out, older || res.getNext_max_id() == null ? Optional.empty()
                : Optional.of(res.getNext_max_id()));
    }

    @Override
    public String reply(String commentId, String text) {
        int colon = commentId.indexOf(':');
        if (colon < 0) {
            throw new ChannelException(Kind.INVALID_REQUEST, "Not a comment id of this adapter");
        }
        String mediaId = commentId.substring(0, colon);
        Comment c = send("reply", new MediaCommentRequest(mediaId, text, commentId.substring(colon + 1))).getComment();
        return mediaId + ":" + c.getPk();
    }

    @Override
    public void setHidden(String commentId, boolean hidden) {
        throw unsupported("hide comments");
    }

    @Override
    public void deleteComment(String commentId) {
        throw unsupported("delete comments");
    }

    /** Not offered: this adapter never publishes, so there is nothing of ours to take down (see capabilities). */
    @Override
    public void deletePost(String postId) {
        throw unsupported("delete posts");
    }

    @Override
    public PublishedPost publish(OutgoingPost post) {
        throw unsupported("publish");
    }

    /** There is no token to inspect: a working login is the health. */
    @Override
    public ChannelHealth health() {
        try {
            client();
            return new ChannelHealth(true, Optional.empty(), Set.of(), Set.of(), "Logged in to the private API");
        } catch (ChannelException e) {
            if (e.kind().needsReconnect()) {
                return new ChannelHealth(false, Optional.empty(), Set.of(), Set.of(), e.getMessage());
            }
            throw e;
        }
    }

    private static ChannelException unsupported(String what) {
        return new ChannelException(Kind.INVALID_REQUEST, "The instagram4j adapter cannot " + what
                + " (read and reply only)");
    }

    static ChannelException translate(String what, Throwable t) {
        if (t instanceof IGResponseException e && e.getResponse() != null) {
            IGResponse r = e.getResponse();
            String msg = (r.getMessage() == null ? "" : r.getMessage()) + " " + (r.getError_type() == null ? ""
                    : r.getError_type());
            String m = msg.toLowerCase(Locale.ROOT);
            String code = m.trim().isEmpty() ? "fail" : msg.trim();
            Kind kind;
            Duration wait = null;
            if (m.contains("login_required") || m.contains("challenge") || m.contains("checkpoint")
                    || m.contains("bad_password") || m.contains("needs_upgrade") || m.contains("block_eu")) {
                kind = Kind.AUTH_REVOKED;
            } else if (m.contains("feedback_required") || r.getStatusCode() == 429) {
                kind = Kind.RATE_LIMITED;
                wait = Duration.ofHours(1);
            } else if (r.isSpam()) {
                kind = Kind.POLICY_BLOCKED;
            } else if (r.getStatusCode() == 404 || m.contains("not found")) {
                kind = Kind.NOT_FOUND;
            } else if (r.getStatusCode() >= 500) {
                kind = Kind.TRANSIENT;
            } else {
                kind = Kind.INVALID_REQUEST;
            }
            return new ChannelException(kind, what + " failed: Instagram said " + code + " (HTTP " + r.getStatusCode()
                    + ")", wait, code, null);
        }
        return new ChannelException(Kind.TRANSIENT, what + " failed: " + t.getClass().getSimpleName(), null, "io",
                null);
    }
}
