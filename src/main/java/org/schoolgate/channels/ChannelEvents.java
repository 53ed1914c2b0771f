package org.schoolgate.channels;

import org.schoolgate.audit.AuditableEvent;

/** Past-tense events of the channels feature; each is written to the audit trail (never a secret). */
public final class ChannelEvents {

    private ChannelEvents() {
    }

    public record ChannelRegistered(Long schoolId, long channelId, String description) implements AuditableEvent {
        public String action() { return "channel.registered"; }
        public String subjectType() { return "channel"; }
        public String subjectId() { return Long.toString(channelId); }
        public String details() { return description; }
    }

    public record ChannelApproved(Long schoolId, long channelId, String name) implements AuditableEvent {
        public String action() { return "channel.approved"; }
        public String subjectType() { return "channel"; }
        public String subjectId() { return Long.toString(channelId); }
        public String details() { return name + " is now active"; }
    }

    public record ChannelConnected(Long schoolId, long channelId, String keyId) implements AuditableEvent {
        public String action() { return "channel.credentials-saved"; }
        public String subjectType() { return "channel"; }
        public String subjectId() { return Long.toString(channelId); }
        public String details() { return "credentials replaced (encrypted with key " + keyId + ")"; }
    }

    public record CredentialsRevealed(Long schoolId, long channelId, String reason) implements AuditableEvent {
        public String action() { return "channel.credentials-revealed"; }
        public String subjectType() { return "channel"; }
        public String subjectId() { return Long.toString(channelId); }
        public String details() { return "break-glass reveal: " + reason; }
    }

    public record ChannelStatusChanged(Long schoolId, long channelId, String from, String to, String reason)
            implements AuditableEvent {
        public String action() { return "channel.status-changed"; }
        public String subjectType() { return "channel"; }
        public String subjectId() { return Long.toString(channelId); }
        public String details() { return from + " → " + to + (reason == null ? "" : ": " + reason); }
    }

    /**
     * Polling found a post the school did not publish through Schoolgate: on an official channel (out of the
     * workflow) or on a monitored page. Not audited (polling sees a post more than once); features observe it,
     * e.g. posts checks the caption for pupils' names (SPEC §2.2).
     */
    public record OutsidePostFound(long schoolId, long channelId, String channelName, Platform platform,
                                   boolean monitored, String postId, String text, java.time.Instant createdAt) {
    }

    public record CredentialsReencrypted(Long schoolId, int count, String keyId) implements AuditableEvent {
        public String action() { return "channel.credentials-reencrypted"; }
        public String subjectType() { return "school"; }
        public String subjectId() { return Long.toString(schoolId); }
        public String details() { return count + " channel(s) re-encrypted with key " + keyId; }
    }
}
