package org.schoolgate.channels.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything the simulated platform knows: Pages, Instagram accounts, posts, media, comments,
 * containers, tokens, scripted faults and the request journal. All mutation is synchronized on
 * the world, so HTTP handlers and test set-up can share it.
 */
public final class GraphWorld {

    /** How usage headers are spelled, so clients are tested for case-insensitive reading. */
    public enum HeaderCase { LOWER, CAPITALISED, ALTERNATING }

    public abstract static class Node {
        final String id;
        final long seq;

        Node(String id, long seq) {
            this.id = id;
            this.seq = seq;
        }

        public String id() {
            return id;
        }
    }

    public static final class Page extends Node {
        final String name;
        String igUserId;
        final List<Post> posts = new ArrayList<>();

        Page(String id, long seq, String name) {
            super(id, seq);
            this.name = name;
        }
    }

    public static final class IgUser extends Node {
        final String username;
        final String pageId;
        final List<Media> media = new ArrayList<>();
        int publishedToday;

        IgUser(String id, long seq, String username, String pageId) {
            super(id, seq);
            this.username = username;
            this.pageId = pageId;
        }
    }

    /** A Facebook post or an Instagram media item: something that carries comments. */
    public abstract static class Commentable extends Node {
        final String ownerId;
        final Instant created;
        final List<Comment> comments = new ArrayList<>();
        boolean deleted;

        Commentable(String id, long seq, String ownerId, Instant created) {
            super(id, seq);
            this.ownerId = ownerId;
            this.created = created;
        }

        public boolean deleted() {
            return deleted;
        }

        long liveComments() {
            return comments.stream().filter(c -> !c.deleted).count();
        }
    }

    public static final class Post extends Commentable {
        final String message;
        final List<String> images;

        Post(String id, long seq, String pageId, Instant created, String message, List<String> images) {
            super(id, seq, pageId, created);
            this.message = message;
            this.images = List.copyOf(images);
        }

        public String message() {
            return message;
        }

        /** The image URLs of the post (for an upload, the simulated CDN URL: see {@link GraphWorld#receivedImage}). */
        public List<String> images() {
            return images;
        }

        public Instant created() {
            return created;
        }
    }

    public static final class Media extends Commentable {
        final String caption;
        final String mediaUrl;
        final String permalink;
        boolean commentEnabled = true;

        Media(String id, long seq, String igUserId, Instant created, String caption, String mediaUrl, String permalink) {
            super(id, seq, igUserId, created);
            this.caption = caption;
            this.mediaUrl = mediaUrl;
            this.permalink = permalink;
        }

        public String caption() {
            return caption;
        }

        /** The public URL Instagram fetched the image from. */
        public String mediaUrl() {
            return mediaUrl;
        }
    }

    public static final class Comment extends Node {
        final Commentable root;
        final String parentId;
        final String fromId;
        final String fromName;
        final String text;
        final Instant created;
        final boolean byOwner;
        boolean hidden;
        boolean deleted;

        Comment(String id, long seq, Commentable root, String parentId, String fromId, String fromName, String text,
                Instant created, boolean byOwner) {
            super(id, seq);
            this.root = root;
            this.parentId = parentId;
            this.fromId = fromId;
            this.fromName = fromName;
            this.text = text;
            this.created = created;
            this.byOwner = byOwner;
        }

        public boolean hidden() {
            return hidden;
        }

        public boolean deleted() {
            return deleted;
        }

        public String text() {
            return text;
        }

        public Optional<String> parentId() {
            return Optional.ofNullable(parentId);
        }

        boolean onInstagram() {
            return root instanceof Media;
        }
    }

    public static final class Container extends Node {
        final String igUserId;
        final String imageUrl;
        final String caption;
        final List<String> statuses;
        int polls;
        String publishedMediaId;

        Container(String id, long seq, String igUserId, String imageUrl, String caption, List<String> statuses) {
            super(id, seq);
            this.igUserId = igUserId;
            this.imageUrl = imageUrl;
            this.caption = caption;
            this.statuses = statuses;
        }

        String status() {
            if (publishedMediaId != null) {
                return "PUBLISHED";
            }
            return statuses.get(Math.min(polls, statuses.size() - 1));
        }
    }

    private final SimClock clock;
    private final Map<String, Node> nodes = new HashMap<>();
    private final Map<String, SimToken> tokens = new HashMap<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<JournalEntry> journal = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> usage = new HashMap<>();
    private final Map<String, byte[]> received = new HashMap<>();
    private long seq;
    private long fbIds = 987_600_000_000_000L;
    private long igIds = 17_900_000_000_000_000L;
    private Instant usageWindowStart;
    HeaderCase headerCase = HeaderCase.LOWER;
    int callsPerHour = 4800;
    List<String> containerStatuses = List.of("IN_PROGRESS", "FINISHED");
    int publishQuota = 50;
    boolean requireAppSecretProof = true;
    boolean journalEnabled = true;

    public GraphWorld(SimClock clock) {
        this.clock = clock;
        this.usageWindowStart = clock.instant();
    }

    public SimClock clock() {
        return clock;
    }

    // ---- seeding ----

    public synchronized Page addPage(String id, String name) {
        Page p = new Page(id, ++seq, name);
        nodes.put(id, p);
        return p;
    }

    public synchronized IgUser addInstagramAccount(String id, String username, String pageId) {
        IgUser u = new IgUser(id, ++seq, username, pageId);
        nodes.put(id, u);
        if (pageId != null && nodes.get(pageId) instanceof Page p) {
            p.igUserId = id;
        }
        return u;
    }

    public synchronized Post addPost(String pageId, String message, Instant created, List<String> imageUrls) {
        Page page = (Page) nodes.get(pageId);
        Post post = new Post(pageId + "_" + (++fbIds), ++seq, pageId, created, message, imageUrls);
        nodes.put(post.id, post);
        page.posts.add(post);
        return post;
    }

    public synchronized Media addMedia(String igUserId, String caption, Instant created, String mediaUrl) {
        IgUser user = (IgUser) nodes.get(igUserId);
        String id = Long.toString(++igIds);
        Media m = new Media(id, ++seq, igUserId, created, caption, mediaUrl,
                "https://www.instagram.com/p/Sim" + Long.toString(igIds, 36) + "/");
        nodes.put(id, m);
        user.media.add(m);
        return m;
    }

    /**
     * Adds a comment to a post or media item, or a reply to a comment. On Instagram a reply to a
     * reply is attached to the top-level comment, as the platform does.
     */
    public synchronized Comment addComment(String onId, String fromId, String fromName, String text, Instant created) {
        Node on = nodes.get(onId);
        Commentable root;
        String parentId = null;
        if (on instanceof Comment c) {
            root = c.root;
            parentId = c.onInstagram() && c.parentId != null ? c.parentId : c.id;
        } else {
            root = (Commentable) on;
        }
        String id;
        if (root instanceof Media) {
            id = Long.toString(++igIds);
        } else {
            String postNum = root.id.substring(root.id.indexOf('_') + 1);
            id = postNum + "_" + (++fbIds);
        }
        boolean byOwner = fromId.equals(root.ownerId);
        Comment comment = new Comment(id, ++seq, root, parentId, fromId, fromName, text, created, byOwner);
        nodes.put(id, comment);
        root.comments.add(comment);
        return comment;
    }

    public synchronized SimToken addToken(String value, SimToken.Type type, String profileId, Set<String> scopes,
                                          Instant expiresAt) {
        SimToken t = new SimToken(value, type, profileId, scopes, expiresAt, clock.instant());
        tokens.put(value, t);
        return t;
    }

    public synchronized void revoke(String token) {
        tokens.get(token).revoked = true;
    }

    public synchronized void expire(String token) {
        tokens.get(token).expiresAt = clock.instant();
    }

    // ---- test controls ----

    public void addFault(Fault f) {
        faults.add(f);
    }

    public void clearFaults() {
        faults.clear();
    }

    public synchronized void headerCase(HeaderCase c) {
        this.headerCase = c;
    }

    /** The call budget per token and rolling hour; past it the simulator throttles (80001/80002). */
    public synchronized void callsPerHour(int n) {
        this.callsPerHour = n;
    }

    /** Status codes a new container reports on successive polls, e.g. IN_PROGRESS, FINISHED or ERROR. */
    public synchronized void containerStatuses(String... statuses) {
        this.containerStatuses = List.of(statuses);
    }

    public synchronized void requireAppSecretProof(boolean on) {
        this.requireAppSecretProof = on;
    }

    /** The benchmark turns the journal off to measure the client, not the bookkeeping. */
    public synchronized void journalEnabled(boolean on) {
        this.journalEnabled = on;
    }

    public List<JournalEntry> journal() {
        synchronized (journal) {
            return List.copyOf(journal);
        }
    }

    public void clearJournal() {
        journal.clear();
    }

    public synchronized Optional<Comment> comment(String id) {
        return nodes.get(id) instanceof Comment c ? Optional.of(c) : Optional.empty();
    }

    /** The bytes of an uploaded photo exactly as the simulator received them, by the URL it gave the photo. */
    public synchronized Optional<byte[]> receivedImage(String url) {
        return Optional.ofNullable(received.get(url)).map(byte[]::clone);
    }

    /** An Instagram account's live media, oldest first. */
    public synchronized List<Media> mediaOf(String igUserId) {
        return ((IgUser) nodes.get(igUserId)).media.stream().filter(m -> !m.deleted).toList();
    }

    public synchronized Optional<Node> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** A Page's live posts in the order they were created. */
    public synchronized List<Post> postsOf(String pageId) {
        return ((Page) nodes.get(pageId)).posts.stream().filter(p -> !p.deleted).toList();
    }

    /** All comments (live) under a post or media item, replies included. */
    public synchronized List<Comment> commentsOn(String rootId) {
        return ((Commentable) nodes.get(rootId)).comments.stream().filter(c -> !c.deleted).toList();
    }

    // ---- used by the HTTP side ----

    Node get(String id) {
        return nodes.get(id);
    }

    SimToken token(String value) {
        return tokens.get(value);
    }

    List<Fault> faults() {
        return faults;
    }

    void record(JournalEntry e) {
        if (journalEnabled) {
            journal.add(e);
        }
    }

    long nextSeq() {
        return ++seq;
    }

    String nextFbId() {
        return Long.toString(++fbIds);
    }

    String nextIgId() {
        return Long.toString(++igIds);
    }

    void received(String url, byte[] bytes) {
        received.put(url, bytes.clone());
    }

    void put(Node n) {
        nodes.put(n.id, n);
    }

    /** Counts a call against the token's hourly budget and returns the percentage used. */
    int count(String token) {
        Instant now = clock.instant();
        if (Duration.between(usageWindowStart, now).compareTo(Duration.ofHours(1)) >= 0) {
            usage.clear();
            usageWindowStart = now;
        }
        int calls = usage.merge(token, 1, Integer::sum);
        return (int) Math.min(999, (long) calls * 100 / Math.max(1, callsPerHour));
    }

    int minutesToWindowEnd() {
        long secs = Duration.between(clock.instant(), usageWindowStart.plus(Duration.ofHours(1))).toSeconds();
        return (int) Math.max(1, (secs + 59) / 60);
    }

    Map<String, Node> nodes() {
        return new LinkedHashMap<>(nodes);
    }
}
