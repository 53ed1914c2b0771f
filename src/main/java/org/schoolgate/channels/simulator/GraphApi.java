package org.schoolgate.channels.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.schoolgate.channels.simulator.GraphWorld.Comment;
import org.schoolgate.channels.simulator.GraphWorld.Commentable;
import org.schoolgate.channels.simulator.GraphWorld.Container;
import org.schoolgate.channels.simulator.GraphWorld.IgUser;
import org.schoolgate.channels.simulator.GraphWorld.Media;
import org.schoolgate.channels.simulator.GraphWorld.Node;
import org.schoolgate.channels.simulator.GraphWorld.Page;
import org.schoolgate.channels.simulator.GraphWorld.Post;

/**
 * The Graph API subset of platform-apis.md §5.4, as plain request → answer logic (the HTTP wiring
 * is in {@link GraphSimulator}). Always called with the world's lock held.
 */
final class GraphApi {

    static final Set<String> VERSIONS = Set.of("v25.0", "v26.0");
    static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");
    private static final Set<String> DEPRECATED_POST_FIELDS =
            Set.of("caption", "description", "link", "name", "object_id", "source", "type");

    record Request(String method, String path, Map<String, String> params, Map<String, byte[]> uploads,
                   String authorization, String baseUrl) {
        String param(String name) {
            return params.get(name);
        }
    }

    record Answer(int status, JsonObject body, String token, int usagePercent, String usageObject, String usageType,
                  Integer regainMinutes) {
    }

    private final GraphWorld world;
    private final String appId;
    private final String appSecret;

    GraphApi(GraphWorld world, String appId, String appSecret) {
        this.world = world;
        this.appId = appId;
        this.appSecret = appSecret;
    }

    static String tokenOf(Request r) {
        String t = r.param("access_token");
        if (t == null && r.authorization() != null) {
            String a = r.authorization().trim();
            int space = a.indexOf(' ');
            if (space > 0 && (a.regionMatches(true, 0, "Bearer", 0, 6) || a.regionMatches(true, 0, "OAuth", 0, 5))) {
                t = a.substring(space + 1).trim();
            }
        }
        return t;
    }

    Answer handle(Request r) {
        String token = tokenOf(r);
        SimToken t = null;
        try {
            String[] seg = r.path().replaceAll("^/+|/+$", "").split("/");
            if (seg.length == 1 && ("refresh_access_token".equals(seg[0]) || "access_token".equals(seg[0]))) {
                return ok(instagramToken(r), token);
            }
            if (seg.length < 2 || !VERSIONS.contains(seg[0])) {
                throw GraphError.of(400, 100, null, "(#100) Unknown or unversioned path " + r.path()
                        + ": the simulator refuses calls without a pinned Graph version (" + VERSIONS + ")");
            }
            List<String> rest = List.of(seg).subList(1, seg.length);
            if ("debug_token".equals(rest.get(0))) {
                return ok(debugToken(r, token), token);
            }
            if ("oauth".equals(rest.get(0))) {
                return ok(exchangeToken(r, token), token);
            }
            t = authenticate(r, token);
            Answer throttled = throttle(t, ownerForUsage(rest.get(0), t));
            if (throttled != null) {
                return throttled;
            }
            JsonObject body = route(r, t, rest);
            return new Answer(200, body, token, usage(t), ownerForUsage(rest.get(0), t), usageType(t), 0);
        } catch (GraphError e) {
            return new Answer(e.status, e.body(), token, t == null ? -1 : usage(t),
                    t == null ? null : t.profileId, t == null ? null : usageType(t), e.regainMinutes);
        } catch (IllegalArgumentException e) {
            return new Answer(400, GraphError.invalidParam(e.getMessage()).body(), token, -1, null, null, null);
        }
    }

    private final Map<String, Integer> lastUsage = new LinkedHashMap<>();

    private int usage(SimToken t) {
        return lastUsage.getOrDefault(t.value, 0);
    }

    private static String usageType(SimToken t) {
        return t.type == SimToken.Type.INSTAGRAM || t.profileId.startsWith("178") ? "instagram" : "pages";
    }

    private String ownerForUsage(String firstSegment, SimToken t) {
        return t.profileId;
    }

    private Answer throttle(SimToken t, String owner) {
        int pct = world.count(t.value);
        lastUsage.put(t.value, pct);
        if (pct > 100) {
            int code = "instagram".equals(usageType(t)) ? 80002 : 80001;
            int minutes = world.minutesToWindowEnd();
            GraphError e = new GraphError(400, code, code == 80001 ? 2446079 : 2207051, "OAuthException",
                    "(#" + code + ") There have been too many calls to this " + ("instagram".equals(usageType(t))
                            ? "Instagram" : "Page") + " account. Wait a bit and try again.", false, minutes);
            return new Answer(400, e.body(), t.value, pct, owner, usageType(t), minutes);
        }
        return null;
    }

    private Answer ok(JsonObject body, String token) {
        return new Answer(200, body, token, -1, null, null, null);
    }

    // ---- auth ----

    SimToken authenticate(Request r, String token) {
        if (token == null || token.isBlank()) {
            throw GraphError.of(400, 104, null, "An access token is required to request this resource.");
        }
        SimToken t = world.token(token);
        if (t == null) {
            throw GraphError.of(400, 190, null, "Invalid OAuth access token - Cannot parse access token");
        }
        if (world.requireAppSecretProof && appSecret != null && t.type != SimToken.Type.INSTAGRAM) {
            String proof = r.param("appsecret_proof");
            if (proof == null) {
                throw GraphError.of(400, 100, null, "API calls from the server require an appsecret_proof argument");
            }
            if (!proof.equalsIgnoreCase(proof(token))) {
                throw GraphError.of(400, 100, null, "Invalid appsecret_proof provided in the API argument");
            }
        }
        if (t.revoked) {
            throw GraphError.of(400, 190, 460, "Error validating access token: The session has been invalidated "
                    + "because the user changed their password or Facebook has changed the session for security reasons.");
        }
        if (t.expired(world.clock().instant())) {
            throw GraphError.of(400, 190, 463, "Error validating access token: Session has expired on "
                    + GRAPH_TIME.format(t.expiresAt.atOffset(ZoneOffset.UTC)) + ". The current time is "
                    + GRAPH_TIME.format(world.clock().instant().atOffset(ZoneOffset.UTC)) + ".");
        }
        return t;
    }

    String proof(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void need(SimToken t, String scope, boolean write) {
        if (!t.scopes.contains(scope)) {
            if (write) {
                throw GraphError.of(403, 200, null, "(#200) Requires " + scope + " permission to manage the object");
            }
            throw GraphError.of(400, 10, null, "(#10) This endpoint requires the '" + scope + "' permission.");
        }
    }

    private void mayAct(SimToken t, Node n) {
        String owner = n.id;
        if (n instanceof Commentable c) {
            owner = c.ownerId;
        } else if (n instanceof Comment c) {
            owner = c.root.ownerId;
        } else if (n instanceof Container c) {
            owner = c.igUserId;
        }
        if (owner.equals(t.profileId)) {
            return;
        }
        if (world.get(owner) instanceof IgUser u && t.profileId.equals(u.pageId)) {
            return;
        }
        throw GraphError.noSuchObject(n.id);
    }

    private JsonObject debugToken(Request r, String token) {
        SimToken caller = token == null ? null : world.token(token);
        boolean appToken = token != null && token.equals(appId + "|" + appSecret);
        if (caller == null && !appToken) {
            throw GraphError.of(400, 190, null, "Invalid OAuth access token - Cannot parse access token");
        }
        SimToken in = world.token(r.param("input_token"));
        JsonObject d = new JsonObject().put("app_id", appId).put("application", "Schoolgate (simulated)");
        if (in == null) {
            return new JsonObject().put("data", d.put("is_valid", false).put("error",
                    new JsonObject().put("code", 190).put("message", "Invalid OAuth access token.")));
        }
        Instant now = world.clock().instant();
        d.put("type", in.type.name()).put("profile_id", in.profileId)
                .put("expires_at", in.expiresAt == null ? 0 : in.expiresAt.getEpochSecond())
                .put("data_access_expires_at", now.plusSeconds(90L * 86400).getEpochSecond())
                .put("issued_at", in.issuedAt.getEpochSecond())
                .put("scopes", new JsonArray(in.scopes.stream().sorted().toList()));
        boolean valid = !in.revoked && !in.expired(now);
        d.put("is_valid", valid);
        if (!valid) {
            d.put("error", new JsonObject().put("code", 190).put("subcode", in.revoked ? 460 : 463)
                    .put("message", in.revoked ? "The session has been invalidated." : "Session has expired."));
        }
        return new JsonObject().put("data", d);
    }

    private JsonObject exchangeToken(Request r, String token) {
        if (!"fb_exchange_token".equals(r.param("grant_type")) || !appId.equals(r.param("client_id"))
                || !appSecret.equals(r.param("client_secret"))) {
            throw GraphError.of(400, 101, null, "Error validating application. Invalid application ID or secret.");
        }
        SimToken shortLived = world.token(r.param("fb_exchange_token"));
        if (shortLived == null) {
            throw GraphError.of(400, 190, null, "Invalid OAuth access token - Cannot parse access token");
        }
        String fresh = shortLived.value + "-long-" + world.nextSeq();
        long expiresIn = 5_183_944L;
        world.addToken(fresh, shortLived.type, shortLived.profileId, shortLived.scopes,
                world.clock().instant().plusSeconds(expiresIn));
        return new JsonObject().put("access_token", fresh).put("token_type", "bearer").put("expires_in", expiresIn);
    }

    private JsonObject instagramToken(Request r) {
        SimToken t = world.token(r.param("access_token"));
        if (t == null || t.revoked || t.expired(world.clock().instant())) {
            throw GraphError.of(400, 190, null, "Invalid OAuth access token - Cannot parse access token");
        }
        long expiresIn = 5_184_000L;
        t.expiresAt = world.clock().instant().plusSeconds(expiresIn);
        return new JsonObject().put("access_token", t.value).put("token_type", "bearer").put("expires_in", expiresIn);
    }

    // ---- routing ----

    private JsonObject route(Request r, SimToken t, List<String> seg) {
        String first = seg.get(0);
        if ("me".equals(first)) {
            return me(r, t, seg);
        }
        Node n = world.get(first);
        if (n == null || n instanceof Commentable c && c.deleted || n instanceof Comment cm && cm.deleted) {
            throw GraphError.noSuchObject(first);
        }
        mayAct(t, n);
        String edge = seg.size() > 1 ? seg.get(1) : null;
        String m = r.method();
        if (n instanceof Page p) {
            return page(r, t, p, edge, m);
        } else if (n instanceof IgUser u) {
            return igUser(r, t, u, edge, m);
        } else if (n instanceof Post p) {
            return post(r, t, p, edge, m);
        } else if (n instanceof Media md) {
            return media(r, t, md, edge, m);
        } else if (n instanceof Comment c) {
            return c.onInstagram() ? igComment(r, t, c, edge, m) : fbComment(r, t, c, edge, m);
        } else if (n instanceof Container c) {
            return container(r, t, c, edge, m);
        }
        throw GraphError.noSuchObject(first);
    }

    private JsonObject me(Request r, SimToken t, List<String> seg) {
        if (seg.size() > 1 && "accounts".equals(seg.get(1))) {
            JsonArray data = new JsonArray();
            for (Node n : world.nodes().values()) {
                if (n instanceof Page p) {
                    data.add(new JsonObject().put("id", p.id).put("name", p.name)
                            .put("tasks", new JsonArray(List.of("CREATE_CONTENT", "MODERATE", "MANAGE"))));
                }
            }
            return new JsonObject().put("data", data);
        }
        Node n = world.get(t.profileId);
        String name = n instanceof Page p ? p.name : n instanceof IgUser u ? u.username : "Simulated user";
        return new JsonObject().put("id", t.profileId).put("name", name);
    }

    private static GraphError unsupported(Request r, Node n) {
        return GraphError.of(400, 100, null, "Unsupported " + r.method().toLowerCase() + " request. Object with ID '"
                + n.id + "' does not support this operation.");
    }

    private JsonObject page(Request r, SimToken t, Page p, String edge, String m) {
        if (edge == null && "GET".equals(m)) {
            need(t, "pages_show_list", false);
            return render(r, Fields.of("id", "name"), f -> pageField(p, f), "Page");
        }
        if (("posts".equals(edge) || "feed".equals(edge) || "published_posts".equals(edge)) && "GET".equals(m)) {
            need(t, "pages_read_engagement", false);
            Instant since = time(r.param("since"));
            Instant until = time(r.param("until"));
            List<Post> posts = p.posts.stream().filter(x -> !x.deleted)
                    .filter(x -> since == null || !x.created.isBefore(since))
                    .filter(x -> until == null || x.created.isBefore(until))
                    .sorted(newestFirst()).map(Post.class::cast).toList();
            Fields fields = fields(r, Fields.of("id", "message", "created_time"));
            return paged(r, posts, post -> render(fields, f -> postField(t, post, f), "Post"), null);
        }
        if ("photos".equals(edge) && "POST".equals(m)) {
            need(t, "pages_manage_posts", true);
            return postPhoto(r, p);
        }
        if ("feed".equals(edge) && "POST".equals(m)) {
            need(t, "pages_manage_posts", true);
            return postFeed(r, p);
        }
        if ("subscribed_apps".equals(edge)) {
            return "GET".equals(m) ? new JsonObject().put("data", new JsonArray())
                    : new JsonObject().put("success", true);
        }
        throw unsupported(r, p);
    }

    private JsonObject igUser(Request r, SimToken t, IgUser u, String edge, String m) {
        if (edge == null && "GET".equals(m)) {
            need(t, "instagram_basic", false);
            return render(r, Fields.of("id"), f -> switch (f.name()) {
                case "id" -> u.id;
                case "username" -> u.username;
                case "media_count" -> u.media.stream().filter(x -> !x.deleted).count();
                default -> throw nonexisting(f, "IGUser");
            }, "IGUser");
        }
        if ("media".equals(edge) && "GET".equals(m)) {
            need(t, "instagram_basic", false);
            List<Media> media = u.media.stream().filter(x -> !x.deleted).sorted(newestFirst())
                    .map(Media.class::cast).toList();
            Fields fields = fields(r, Fields.of("id"));
            return paged(r, media, md -> render(fields, f -> mediaField(t, md, f), "IGMedia"), null);
        }
        if ("media".equals(edge) && "POST".equals(m)) {
            need(t, "instagram_content_publish", true);
            String url = r.param("image_url");
            if ("CAROUSEL".equals(r.param("media_type"))) {
                List<String> urls = new ArrayList<>();
                for (String child : r.param("children") == null ? new String[0] : r.param("children").split(",")) {
                    if (!(world.get(child) instanceof Container cc) || !cc.igUserId.equals(u.id)) {
                        throw GraphError.invalidParam("children must be carousel item containers of this account");
                    }
                    urls.add(cc.imageUrl);
                }
                if (urls.size() < 2) {
                    throw GraphError.invalidParam("A carousel needs at least 2 children");
                }
                url = urls.get(0);
            }
            if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
                throw new GraphError(400, 9004, 2207052, "OAuthException",
                        "Media download has failed. The media URI doesn't meet our requirements.", false, null);
            }
            Container c = new Container(world.nextIgId(), world.nextSeq(), u.id, url, r.param("caption"),
                    world.containerStatuses);
            world.put(c);
            return new JsonObject().put("id", c.id);
        }
        if ("media_publish".equals(edge) && "POST".equals(m)) {
            need(t, "instagram_content_publish", true);
            return publishContainer(r, u);
        }
        if ("content_publishing_limit".equals(edge) && "GET".equals(m)) {
            return new JsonObject().put("data", new JsonArray().add(new JsonObject().put("quota_usage", u.publishedToday)
                    .put("config", new JsonObject().put("quota_total", world.publishQuota).put("quota_duration", 86400))));
        }
        throw unsupported(r, u);
    }

    private JsonObject publishContainer(Request r, IgUser u) {
        if (!(world.get(r.param("creation_id")) instanceof Container c) || !c.igUserId.equals(u.id)) {
            throw GraphError.of(400, 100, null, "(#100) Param creation_id must be a valid container id");
        }
        if (u.publishedToday >= world.publishQuota) {
            throw new GraphError(400, 9, 2207042, "OAuthException",
                    "Application request limit reached: maximum number of posts published in 24 hours", false, null);
        }
        switch (c.status()) {
            case "FINISHED" -> { }
            case "EXPIRED" -> throw new GraphError(400, -2, 2207020, "OAuthException",
                    "The media you are trying to publish has expired. Please try to create a new media container.",
                    false, null);
            case "ERROR" -> throw new GraphError(400, -1, 2207001, "OAuthException", "An unexpected error occurred.",
                    true, null);
            case "PUBLISHED" -> throw GraphError.of(400, 100, null, "(#100) The media has already been published");
            default -> throw new GraphError(400, 9007, 2207027, "OAuthException",
                    "The media is not ready for publishing, please wait for a moment", false, null);
        }
        Media md = world.addMedia(u.id, c.caption, world.clock().instant(), c.imageUrl);
        c.publishedMediaId = md.id;
        u.publishedToday++;
        return new JsonObject().put("id", md.id);
    }

    private JsonObject container(Request r, SimToken t, Container c, String edge, String m) {
        if (edge != null || !"GET".equals(m)) {
            throw unsupported(r, c);
        }
        JsonObject out = render(r, Fields.of("id"), f -> switch (f.name()) {
            case "id" -> c.id;
            case "status_code" -> c.status();
            case "status" -> c.status() + ": " + ("ERROR".equals(c.status()) ? "Error" : "Ok");
            default -> throw nonexisting(f, "IGContainer");
        }, "IGContainer");
        c.polls++;
        return out;
    }

    private JsonObject post(Request r, SimToken t, Post p, String edge, String m) {
        if (edge == null && "GET".equals(m)) {
            need(t, "pages_read_engagement", false);
            return render(r, Fields.of("id", "message", "created_time"), f -> postField(t, p, f), "Post");
        }
        if (edge == null && "DELETE".equals(m)) {
            need(t, "pages_manage_posts", true);
            p.deleted = true;
            return new JsonObject().put("success", true);
        }
        if ("comments".equals(edge) && "GET".equals(m)) {
            need(t, "pages_read_engagement", false);
            return commentsEdge(r, t, p, c -> c.parentId == null, true);
        }
        if ("comments".equals(edge) && "POST".equals(m)) {
            need(t, "pages_manage_engagement", true);
            return new JsonObject().put("id", ownerComment(p.id, p.ownerId, r).id);
        }
        throw unsupported(r, p);
    }

    private JsonObject media(Request r, SimToken t, Media md, String edge, String m) {
        if (edge == null && "GET".equals(m)) {
            need(t, "instagram_basic", false);
            return render(r, Fields.of("id"), f -> mediaField(t, md, f), "IGMedia");
        }
        if (edge == null && "POST".equals(m) && r.param("comment_enabled") != null) {
            need(t, "instagram_manage_comments", true);
            md.commentEnabled = Boolean.parseBoolean(r.param("comment_enabled"));
            return new JsonObject().put("success", true);
        }
        if (edge == null && "DELETE".equals(m)) {
            need(t, "instagram_content_publish", true);
            md.deleted = true;
            return new JsonObject().put("success", true);
        }
        if ("comments".equals(edge) && "GET".equals(m)) {
            need(t, "instagram_basic", false);
            return commentsEdge(r, t, md, c -> c.parentId == null, false);
        }
        if ("comments".equals(edge) && "POST".equals(m)) {
            need(t, "instagram_manage_comments", true);
            return new JsonObject().put("id", ownerComment(md.id, md.ownerId, r).id);
        }
        throw unsupported(r, md);
    }

    private JsonObject fbComment(Request r, SimToken t, Comment c, String edge, String m) {
        if (edge == null && "GET".equals(m)) {
            need(t, "pages_read_engagement", false);
            return render(r, Fields.of("id", "message", "created_time", "from"), f -> commentField(t, c, f), "Comment");
        }
        if (edge == null && "POST".equals(m) && r.param("is_hidden") != null) {
            need(t, "pages_manage_engagement", true);
            if (c.byOwner) {
                throw GraphError.of(400, 100, null, "(#100) The Page's own comments cannot be hidden");
            }
            c.hidden = Boolean.parseBoolean(r.param("is_hidden"));
            return new JsonObject().put("success", true);
        }
        if (edge == null && "DELETE".equals(m)) {
            need(t, "pages_manage_engagement", true);
            c.deleted = true;
            return new JsonObject().put("success", true);
        }
        if ("comments".equals(edge) && "GET".equals(m)) {
            need(t, "pages_read_engagement", false);
            return commentsEdge(r, t, c.root, x -> c.id.equals(x.parentId), false);
        }
        if ("comments".equals(edge) && "POST".equals(m)) {
            need(t, "pages_manage_engagement", true);
            return new JsonObject().put("id", ownerComment(c.id, c.root.ownerId, r).id);
        }
        throw unsupported(r, c);
    }

    private JsonObject igComment(Request r, SimToken t, Comment c, String edge, String m) {
        if (edge == null && "GET".equals(m)) {
            need(t, "instagram_basic", false);
            return render(r, Fields.of("id", "text", "timestamp"), f -> igCommentField(t, c, f), "IGComment");
        }
        if (edge == null && "POST".equals(m) && r.param("hide") != null) {
            need(t, "instagram_manage_comments", true);
            if (c.byOwner) {
                throw GraphError.of(400, 100, null, "(#100) Comments by the media owner cannot be hidden");
            }
            c.hidden = Boolean.parseBoolean(r.param("hide"));
            return new JsonObject().put("success", true);
        }
        if (edge == null && "DELETE".equals(m)) {
            need(t, "instagram_manage_comments", true);
            c.deleted = true;
            return new JsonObject().put("success", true);
        }
        if ("replies".equals(edge) && "GET".equals(m)) {
            need(t, "instagram_basic", false);
            return commentsEdge(r, t, c.root, x -> c.id.equals(x.parentId), false);
        }
        if ("replies".equals(edge) && "POST".equals(m)) {
            need(t, "instagram_manage_comments", true);
            if (c.hidden) {
                throw GraphError.of(400, 100, null, "(#100) Hidden comments cannot be replied to");
            }
            return new JsonObject().put("id", ownerComment(c.id, c.root.ownerId, r).id);
        }
        throw unsupported(r, c);
    }

    private Comment ownerComment(String onId, String ownerId, Request r) {
        String message = r.param("message");
        if (message == null || message.isBlank()) {
            throw GraphError.invalidParam("The parameter message is required");
        }
        Node owner = world.get(ownerId);
        String name = owner instanceof Page p ? p.name : ((IgUser) owner).username;
        return world.addComment(onId, ownerId, name, message, world.clock().instant());
    }

    private JsonObject postPhoto(Request r, Page p) {
        String url = r.param("url");
        byte[] source = r.uploads().get("source");
        if (url == null && source == null) {
            throw GraphError.of(400, 324, null, "(#324) Requires upload file");
        }
        String image = url != null ? url : "https://scontent.simulated.fbcdn.net/v/photo-" + world.nextSeq()
                + ".jpg?bytes=" + source.length;
        if (source != null) {
            world.received(image, source);
        }
        String photoId = world.nextFbId();
        boolean published = !"false".equalsIgnoreCase(r.param("published"));
        world.put(new Photo(photoId, world.nextSeq(), image));
        if (!published) {
            return new JsonObject().put("id", photoId);
        }
        String message = r.param("message") != null ? r.param("message") : r.param("caption");
        Post post = newPost(p, message, List.of(image));
        return new JsonObject().put("id", photoId).put("post_id", post.id);
    }

    private JsonObject postFeed(Request r, Page p) {
        List<String> images = new ArrayList<>();
        for (int i = 0; r.param("attached_media[" + i + "]") != null; i++) {
            String fbid = new JsonObject(r.param("attached_media[" + i + "]")).getString("media_fbid");
            if (!(world.get(fbid) instanceof Photo photo)) {
                throw GraphError.invalidParam("attached_media[" + i + "] is not an unpublished photo of this Page");
            }
            images.add(photo.url);
        }
        String message = r.param("message");
        if ((message == null || message.isBlank()) && images.isEmpty() && r.param("link") == null) {
            throw GraphError.invalidParam("Missing message or attachment");
        }
        return new JsonObject().put("id", newPost(p, message, images).id);
    }

    private Post newPost(Page p, String message, List<String> images) {
        if (message != null && !message.isBlank()) {
            boolean repeat = p.posts.stream().filter(x -> !x.deleted).max(Comparator.comparingLong(x -> x.seq))
                    .map(x -> message.equals(x.message)).orElse(false);
            if (repeat) {
                throw GraphError.of(400, 506, null, "(#506) Duplicate status message");
            }
        }
        return world.addPost(p.id, message, world.clock().instant(), images);
    }

    static final class Photo extends Node {
        final String url;

        Photo(String id, long seq, String url) {
            super(id, seq);
            this.url = url;
        }
    }

    // ---- fields ----

    private Object pageField(Page p, Fields.Field f) {
        return switch (f.name()) {
            case "id" -> p.id;
            case "name" -> p.name;
            case "instagram_business_account" -> p.igUserId == null ? null : new JsonObject().put("id", p.igUserId);
            case "link" -> "https://www.facebook.com/" + p.id;
            default -> throw nonexisting(f, "Page");
        };
    }

    private Object postField(SimToken t, Post p, Fields.Field f) {
        if (DEPRECATED_POST_FIELDS.contains(f.name())) {
            throw GraphError.of(400, 12, null, "(#12) " + f.name()
                    + " field is deprecated for versions v3.3 and higher");
        }
        Page page = (Page) world.get(p.ownerId);
        String num = p.id.substring(p.id.indexOf('_') + 1);
        return switch (f.name()) {
            case "id" -> p.id;
            case "message" -> p.message == null || p.message.isEmpty() ? null : p.message;
            case "created_time" -> time(p.created);
            case "updated_time" -> time(p.comments.stream().filter(c -> !c.deleted).map(c -> c.created)
                    .max(Comparator.naturalOrder()).filter(x -> x.isAfter(p.created)).orElse(p.created));
            case "permalink_url" -> "https://www.facebook.com/" + p.ownerId + "/posts/" + num;
            case "full_picture" -> p.images.isEmpty() ? null : p.images.get(0);
            case "status_type" -> p.images.isEmpty() ? "mobile_status_update" : "added_photos";
            case "is_published" -> true;
            case "is_hidden" -> false;
            case "from" -> sub(f, Fields.of("id", "name"), g -> switch (g.name()) {
                case "id" -> page.id;
                case "name" -> page.name;
                default -> throw nonexisting(g, "Page");
            }, "Page");
            case "attachments" -> attachments(p, f);
            case "comments" -> inlineEdge(t, p, f, c -> c.parentId == null);
            default -> throw nonexisting(f, "Post");
        };
    }

    private JsonObject attachments(Post p, Fields.Field f) {
        if (p.images.isEmpty()) {
            return null;
        }
        Function<String, JsonObject> photo = url -> new JsonObject().put("media_type", "photo").put("type", "photo")
                .put("media", new JsonObject().put("image", new JsonObject().put("height", 720).put("width", 960)
                        .put("src", url)))
                .put("url", url);
        JsonObject top = p.images.size() == 1 ? photo.apply(p.images.get(0))
                : new JsonObject().put("media_type", "album").put("type", "album")
                        .put("subattachments", new JsonObject().put("data",
                                new JsonArray(p.images.stream().map(photo).toList())));
        return new JsonObject().put("data", new JsonArray().add(top));
    }

    private Object mediaField(SimToken t, Media md, Fields.Field f) {
        IgUser u = (IgUser) world.get(md.ownerId);
        return switch (f.name()) {
            case "id" -> md.id;
            case "caption" -> md.caption == null || md.caption.isEmpty() ? null : md.caption;
            case "media_type" -> "IMAGE";
            case "media_product_type" -> "FEED";
            case "media_url" -> md.mediaUrl;
            case "permalink" -> md.permalink;
            case "timestamp" -> time(md.created);
            case "username" -> u.username;
            case "comments_count" -> md.liveComments();
            case "like_count" -> 0;
            case "is_comment_enabled" -> md.commentEnabled;
            case "owner" -> new JsonObject().put("id", u.id);
            case "comments" -> inlineEdge(t, md, f, c -> c.parentId == null);
            case "children" -> null;
            default -> throw nonexisting(f, "IGMedia");
        };
    }

    private Object commentField(SimToken t, Comment c, Fields.Field f) {
        Post p = (Post) c.root;
        return switch (f.name()) {
            case "id" -> c.id;
            case "message" -> c.text;
            case "created_time" -> time(c.created);
            case "from" -> !t.scopes.contains("pages_read_user_content") && !c.byOwner ? null
                    : sub(f, Fields.of("id", "name"), g -> switch (g.name()) {
                        case "id" -> c.fromId;
                        case "name" -> c.fromName;
                        default -> throw nonexisting(g, "User");
                    }, "User");
            case "parent" -> c.parentId == null ? null
                    : sub(f, Fields.of("id"), g -> commentField(t, (Comment) world.get(c.parentId), g), "Comment");
            case "is_hidden" -> c.hidden;
            case "can_hide" -> !c.byOwner;
            case "can_remove" -> true;
            case "can_comment" -> c.parentId == null;
            case "like_count" -> 0;
            case "comment_count" -> p.comments.stream().filter(x -> c.id.equals(x.parentId) && !x.deleted).count();
            case "permalink_url" -> "https://www.facebook.com/" + p.ownerId + "/posts/"
                    + p.id.substring(p.id.indexOf('_') + 1) + "?comment_id=" + c.id.substring(c.id.indexOf('_') + 1);
            case "object" -> new JsonObject().put("id", p.id);
            case "comments" -> inlineEdge(t, p, f, x -> c.id.equals(x.parentId));
            default -> throw nonexisting(f, "Comment");
        };
    }

    private Object igCommentField(SimToken t, Comment c, Fields.Field f) {
        return switch (f.name()) {
            case "id" -> c.id;
            case "text" -> c.text;
            case "timestamp" -> time(c.created);
            case "username" -> c.fromName;
            case "from" -> sub(f, Fields.of("id", "username"), g -> switch (g.name()) {
                case "id" -> c.fromId;
                case "username" -> c.fromName;
                default -> throw nonexisting(g, "IGUser");
            }, "IGUser");
            case "hidden" -> c.hidden;
            case "like_count" -> 0;
            case "parent_id" -> c.parentId;
            case "media" -> new JsonObject().put("id", c.root.id);
            case "replies" -> inlineEdge(t, c.root, f, x -> c.id.equals(x.parentId));
            default -> throw nonexisting(f, "IGComment");
        };
    }

    private static GraphError nonexisting(Fields.Field f, String nodeType) {
        return GraphError.of(400, 100, null, "(#100) Tried accessing nonexisting field (" + f.name()
                + ") on node type (" + nodeType + ")");
    }

    // ---- rendering helpers ----

    private Fields fields(Request r, Fields defaults) {
        String spec = r.param("fields");
        return spec == null || spec.isBlank() ? defaults : Fields.parse(spec);
    }

    private JsonObject render(Request r, Fields defaults, Function<Fields.Field, Object> value, String type) {
        return render(fields(r, defaults), value, type);
    }

    /** Renders the requested fields, leaving out nulls as Graph does. */
    private static JsonObject render(Fields fields, Function<Fields.Field, Object> value, String type) {
        JsonObject o = new JsonObject();
        for (Fields.Field f : fields.fields()) {
            Object v = value.apply(f);
            if (v != null) {
                o.put(f.name(), v);
            }
        }
        return o;
    }

    private static JsonObject sub(Fields.Field f, Fields defaults, Function<Fields.Field, Object> value, String type) {
        return render(f.sub() == null ? defaults : f.sub(), value, type);
    }

    private Function<Comment, JsonObject> commentRenderer(SimToken t, Fields fields) {
        return c -> render(fields, f -> c.onInstagram() ? igCommentField(t, c, f) : commentField(t, c, f),
                c.onInstagram() ? "IGComment" : "Comment");
    }

    private Fields commentDefaults(Commentable root) {
        return root instanceof Media ? Fields.of("id", "text", "timestamp")
                : Fields.of("id", "message", "created_time", "from");
    }

    private JsonObject commentsEdge(Request r, SimToken t, Commentable root, Predicate<Comment> which,
                                    boolean streamable) {
        boolean stream = "stream".equals(r.param("filter")) && streamable;
        Predicate<Comment> filter = stream ? c -> true : which;
        boolean reverse = "reverse_chronological".equals(r.param("order"));
        List<Comment> list = root.comments.stream().filter(c -> !c.deleted).filter(filter)
                .sorted(reverse ? newestFirst() : oldestFirst()).map(Comment.class::cast).toList();
        Fields fields = fields(r, commentDefaults(root));
        JsonObject summary = "true".equals(r.param("summary")) || "1".equals(r.param("summary"))
                ? new JsonObject().put("order", reverse ? "reverse_chronological" : "chronological")
                        .put("total_count", list.size()).put("can_comment", true)
                : null;
        return paged(r, list, commentRenderer(t, fields), summary);
    }

    /** An edge asked for inside fields, e.g. {@code comments.summary(true).limit(0)} or {@code replies{…}}. */
    private JsonObject inlineEdge(SimToken t, Commentable root, Fields.Field f, Predicate<Comment> which) {
        boolean stream = "stream".equals(f.modifier("filter", "toplevel"));
        Predicate<Comment> filter = stream ? c -> true : which;
        List<Comment> list = root.comments.stream().filter(c -> !c.deleted).filter(filter)
                .sorted(oldestFirst()).map(Comment.class::cast).toList();
        int limit = Math.min(100, Integer.parseInt(f.modifier("limit", "25")));
        Fields fields = f.sub() == null ? commentDefaults(root) : f.sub();
        JsonObject out = new JsonObject().put("data",
                new JsonArray(list.stream().limit(limit).map(commentRenderer(t, fields)).toList()));
        if ("true".equals(f.modifier("summary", "false"))) {
            out.put("summary", new JsonObject().put("order", "chronological").put("total_count", list.size())
                    .put("can_comment", true));
        }
        return out;
    }

    private static Comparator<Node> newestFirst() {
        return Comparator.comparing(GraphApi::createdOf).thenComparingLong(n -> n.seq).reversed();
    }

    private static Comparator<Node> oldestFirst() {
        return Comparator.comparing(GraphApi::createdOf).thenComparingLong(n -> n.seq);
    }

    private static Instant createdOf(Node n) {
        return n instanceof Comment c ? c.created : ((Commentable) n).created;
    }

    /**
     * Cursor paging: opaque cursors naming the boundary item (so items inserted between fetches are
     * neither skipped nor repeated), limit 25 by default and 100 at most, and absolute next/previous
     * URLs back at the simulator carrying the token and the original parameters.
     */
    private <T extends Node> JsonObject paged(Request r, List<T> ordered, Function<T, JsonObject> render,
                                             JsonObject summary) {
        int limit = r.param("limit") == null ? 25 : Math.max(0, Math.min(100, Integer.parseInt(r.param("limit"))));
        int from = 0;
        int to;
        if (r.param("after") != null) {
            long seq = decode(r.param("after"));
            from = positionAfter(ordered, seq);
            to = Math.min(ordered.size(), from + limit);
        } else if (r.param("before") != null) {
            long seq = decode(r.param("before"));
            to = positionAfter(ordered, seq) - 1;
            to = Math.max(0, to);
            from = Math.max(0, to - limit);
        } else {
            to = Math.min(ordered.size(), limit);
        }
        List<T> slice = ordered.subList(from, to);
        JsonObject out = new JsonObject().put("data", new JsonArray(slice.stream().map(render).toList()));
        if (!slice.isEmpty()) {
            JsonObject paging = new JsonObject().put("cursors", new JsonObject()
                    .put("before", encode(slice.get(0))).put("after", encode(slice.get(slice.size() - 1))));
            if (to < ordered.size()) {
                paging.put("next", link(r, "after", encode(slice.get(slice.size() - 1))));
            }
            if (from > 0) {
                paging.put("previous", link(r, "before", encode(slice.get(0))));
            }
            out.put("paging", paging);
        }
        if (summary != null) {
            out.put("summary", summary);
        }
        return out;
    }

    private static <T extends Node> int positionAfter(List<T> ordered, long seq) {
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).seq == seq) {
                return i + 1;
            }
        }
        throw GraphError.invalidParam("The cursor is invalid or its item no longer exists");
    }

    private static String encode(Node n) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("sim:" + n.seq).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return Long.parseLong(s.substring(4));
        } catch (RuntimeException e) {
            throw GraphError.invalidParam("Invalid cursor");
        }
    }

    private static String link(Request r, String key, String cursor) {
        Map<String, String> params = new LinkedHashMap<>(r.params());
        params.remove("after");
        params.remove("before");
        if (!params.containsKey("access_token")) {
            params.put("access_token", tokenOf(r));
        }
        params.put(key, cursor);
        StringBuilder sb = new StringBuilder(r.baseUrl()).append(r.path()).append('?');
        params.forEach((k, v) -> sb.append(enc(k)).append('=').append(enc(v)).append('&'));
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String time(Instant i) {
        return GRAPH_TIME.format(i.atOffset(ZoneOffset.UTC));
    }

    private static Instant time(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochSecond(Long.parseLong(s));
        }
        try {
            return OffsetDateTime.parse(s, GRAPH_TIME).toInstant();
        } catch (RuntimeException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (RuntimeException e2) {
                throw GraphError.invalidParam("Invalid time " + s);
            }
        }
    }
}
