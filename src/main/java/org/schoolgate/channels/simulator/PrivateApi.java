package org.schoolgate.channels.simulator;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.schoolgate.channels.simulator.GraphWorld.Comment;
import org.schoolgate.channels.simulator.GraphWorld.IgUser;
import org.schoolgate.channels.simulator.GraphWorld.Media;

/**
 * The instagram4j private-API surface ({@code /api/v1/…}) over the same Instagram accounts as the
 * Graph side: {@code qe/sync} with the password-encryption key headers, {@code accounts/login}
 * returning {@code ig-set-authorization}, the user feed, media comments and posting a comment, with
 * {@code {"status":"fail"}} errors. Passwords are not checked (they arrive RSA/AES-encrypted); an
 * unknown user name fails as {@code bad_password}, and scripted faults give the other failures.
 */
final class PrivateApi implements GraphSimulator.Surface {

    private static final int PAGE = 20;
    private final String publicKeyHeader;

    PrivateApi() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            PublicKey key = gen.generateKeyPair().getPublic();
            String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(key.getEncoded())
                    + "\n-----END PUBLIC KEY-----";
            publicKeyHeader = Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void handle(HttpServerRequest req, Map<String, String> params, GraphWorld world) {
        String path = req.path().substring("/api/v1/".length());
        String[] seg = path.split("/");
        if (path.startsWith("qe/sync")) {
            req.response().putHeader("ig-set-password-encryption-key-id", "41")
                    .putHeader("ig-set-password-encryption-pub-key", publicKeyHeader);
            ok(req, new JsonObject());
            return;
        }
        if (path.startsWith("accounts/login")) {
            login(req, params, world);
            return;
        }
        if (req.getHeader("Authorization") == null || !req.getHeader("Authorization").startsWith("Bearer IGT:2:")) {
            fail(req, 403, "login_required");
            return;
        }
        if ("feed".equals(seg[0]) && seg.length >= 3 && "user".equals(seg[1])) {
            feed(req, params, world, seg[2]);
        } else if ("media".equals(seg[0]) && seg.length >= 3 && "comments".equals(seg[2])) {
            comments(req, params, world, seg[1]);
        } else if ("media".equals(seg[0]) && seg.length >= 3 && "comment".equals(seg[2])) {
            comment(req, params, world, seg[1]);
        } else {
            fail(req, 404, "Sorry, this page isn't available.");
        }
    }

    private void login(HttpServerRequest req, Map<String, String> params, GraphWorld world) {
        JsonObject body = signed(params);
        String username = body.getString("username", "");
        IgUser user = world.nodes().values().stream().filter(n -> n instanceof IgUser u && u.username.equals(username))
                .map(IgUser.class::cast).findFirst().orElse(null);
        if (user == null || body.getString("enc_password", "").isBlank()) {
            JsonObject fail = new JsonObject().put("message", "The password you entered is incorrect.")
                    .put("error_type", "bad_password").put("status", "fail");
            req.response().setStatusCode(400).putHeader("Content-Type", "application/json").end(fail.encode());
            return;
        }
        req.response().putHeader("ig-set-authorization", "Bearer IGT:2:" + Base64.getEncoder().encodeToString(
                ("{\"ds_user_id\":\"" + user.id + "\",\"sessionid\":\"" + UUID.randomUUID() + "\"}")
                        .getBytes(StandardCharsets.UTF_8)));
        ok(req, new JsonObject().put("logged_in_user", new JsonObject().put("pk", Long.parseLong(user.id))
                .put("username", user.username).put("full_name", user.username)));
    }

    private void feed(HttpServerRequest req, Map<String, String> params, GraphWorld world, String pk) {
        if (!(world.get(pk) instanceof IgUser user)) {
            fail(req, 404, "User not found");
            return;
        }
        List<Media> media = user.media.stream().filter(m -> !m.deleted)
                .sorted((a, b) -> Long.compare(b.seq, a.seq)).toList();
        int from = after(media.stream().map(m -> m.id).toList(), params.get("max_id"));
        List<Media> page = media.subList(from, Math.min(media.size(), from + PAGE));
        JsonArray items = new JsonArray();
        for (Media m : page) {
            items.add(new JsonObject().put("pk", Long.parseLong(m.id)).put("id", m.id + "_" + user.id)
                    .put("taken_at", m.created.getEpochSecond()).put("media_type", 1)
                    .put("code", m.permalink.replaceAll(".*/p/([^/]+)/", "$1"))
                    .put("comment_count", m.liveComments())
                    .put("user", new JsonObject().put("pk", Long.parseLong(user.id)).put("username", user.username))
                    .put("caption", m.caption == null ? null : new JsonObject().put("pk", m.id + "1")
                            .put("text", m.caption).put("created_at", m.created.getEpochSecond())));
        }
        boolean more = from + PAGE < media.size();
        JsonObject out = new JsonObject().put("items", items).put("num_results", items.size())
                .put("more_available", more);
        if (more) {
            out.put("next_max_id", page.get(page.size() - 1).id);
        }
        ok(req, out);
    }

    private void comments(HttpServerRequest req, Map<String, String> params, GraphWorld world, String mediaId) {
        if (!(world.get(mediaId.split("_")[0]) instanceof Media media) || media.deleted) {
            fail(req, 400, "Media not found or unavailable");
            return;
        }
        List<Comment> list = media.comments.stream().filter(c -> !c.deleted)
                .sorted((a, b) -> Long.compare(b.seq, a.seq)).toList();
        int from = after(list.stream().map(c -> c.id).toList(), params.get("max_id"));
        List<Comment> page = list.subList(from, Math.min(list.size(), from + PAGE));
        JsonArray comments = new JsonArray();
        for (Comment c : page) {
            comments.add(comment(c, media));
        }
        JsonObject out = new JsonObject().put("comments", comments).put("comment_count", list.size());
        if (from + PAGE < list.size()) {
            out.put("next_max_id", page.get(page.size() - 1).id).put("has_more_comments", true);
        }
        ok(req, out);
    }

    private void comment(HttpServerRequest req, Map<String, String> params, GraphWorld world, String mediaId) {
        if (!(world.get(mediaId.split("_")[0]) instanceof Media media) || media.deleted) {
            fail(req, 400, "Media not found or unavailable");
            return;
        }
        JsonObject body = signed(params);
        String text = body.getString("comment_text", "");
        String repliedTo = body.getString("replied_to_comment_id");
        IgUser owner = (IgUser) world.get(media.ownerId);
        Comment c = world.addComment(repliedTo != null && world.get(repliedTo) instanceof Comment ? repliedTo : media.id,
                owner.id, owner.username, text, world.clock().instant());
        ok(req, new JsonObject().put("comment", comment(c, media)));
    }

    private static JsonObject comment(Comment c, Media media) {
        return new JsonObject().put("pk", c.id).put("text", c.text).put("created_at", c.created.getEpochSecond())
                .put("created_at_utc", c.created.getEpochSecond()).put("media_id", Long.parseLong(media.id))
                .put("user_id", parse(c.fromId))
                .put("user", new JsonObject().put("pk", parse(c.fromId)).put("username", c.fromName));
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Math.abs(id.hashCode());
        }
    }

    private static int after(List<String> ids, String maxId) {
        if (maxId == null || maxId.isBlank()) {
            return 0;
        }
        int i = ids.indexOf(maxId);
        return i < 0 ? ids.size() : i + 1;
    }

    /** instagram4j sends {@code signed_body=SIGNATURE.{json}}. */
    private static JsonObject signed(Map<String, String> params) {
        String sb = params.getOrDefault("signed_body", "");
        int dot = sb.indexOf('.');
        try {
            return new JsonObject(dot >= 0 ? sb.substring(dot + 1) : sb);
        } catch (RuntimeException e) {
            return new JsonObject();
        }
    }

    private static void ok(HttpServerRequest req, JsonObject body) {
        req.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                .end(body.put("status", "ok").encode());
    }

    private static void fail(HttpServerRequest req, int status, String message) {
        req.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("message", message).put("status", "fail").encode());
    }
}
