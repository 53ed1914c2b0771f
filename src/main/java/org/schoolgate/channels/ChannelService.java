package org.schoolgate.channels;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.schoolgate.audit.AuditableEvent;
import org.schoolgate.channels.ChannelEvents.ChannelApproved;
import org.schoolgate.channels.ChannelEvents.ChannelConnected;
import org.schoolgate.channels.ChannelEvents.ChannelRegistered;
import org.schoolgate.channels.ChannelEvents.ChannelStatusChanged;
import org.schoolgate.channels.ChannelEvents.CredentialsReencrypted;
import org.schoolgate.channels.ChannelEvents.CredentialsRevealed;
import org.schoolgate.staff.CurrentUser;

/** The channel registry: register, approve, connect, suspend, reveal (all scoped to the caller's school). */
@ApplicationScoped
public class ChannelService {

    @Inject
    CurrentUser me;

    @Inject
    Clock clock;

    @Inject
    CredentialCipher cipher;

    @Inject
    Event<AuditableEvent> events;

    @Inject
    ChannelsConfig config;

    @Transactional
    public List<Channel> mine() {
        return Channel.list("schoolId = ?1 order by name, id", me.schoolId());
    }

    /** The channel of the caller's school, or 404 (another school's id is indistinguishable from none). */
    @Transactional
    public Channel mine(long id) {
        Channel c = Channel.findById(id);
        if (c == null || c.schoolId != me.schoolId()) {
            throw new NotFoundException("No such channel");
        }
        return c;
    }

    @Transactional
    public Channel register(NewChannel n) {
        if (n.platform() == Platform.INSTAGRAM_PRIVATE && !config.instagram4j().enabled()) {
            throw new BadRequestException("The unofficial Instagram adapter is switched off "
                    + "(schoolgate.channels.instagram4j.enabled); use an Instagram professional account instead");
        }
        if (Channel.count("schoolId = ?1 and platform = ?2 and accountId = ?3", me.schoolId(), n.platform(),
                n.accountId().trim()) > 0) {
            throw new BadRequestException("This account is already registered");
        }
        Channel c = new Channel();
        c.schoolId = me.schoolId();
        c.platform = n.platform();
        c.accountId = n.accountId().trim();
        c.name = n.name().trim();
        c.kind = n.kind();
        c.purpose = n.purpose();
        c.objectives = n.objectives();
        c.riskAssessment = n.riskAssessment();
        c.registeredWithEmail = n.registeredWithEmail().trim();
        c.registeredBy = me.email();
        c.registeredAt = Instant.now(clock);
        c.status = ChannelStatus.PENDING;
        c.persist();
        events.fire(new ChannelRegistered(c.schoolId, c.id, c.platform.label() + " " + c.accountId + " (" + c.name
                + ", " + c.kind.label() + ") registered with " + c.registeredWithEmail));
        return c;
    }

    /** Only the headteacher approves, and only a connected channel (polling needs its token). */
    @Transactional
    public Channel approve(long id) {
        Channel c = mine(id);
        if (c.status != ChannelStatus.PENDING) {
            throw new BadRequestException("Only a channel awaiting approval can be approved");
        }
        if (!c.isConnected()) {
            throw new BadRequestException("Connect the channel first: an admin enters its access token");
        }
        c.status = ChannelStatus.ACTIVE;
        c.approvedBy = me.email();
        c.approvedAt = Instant.now(clock);
        events.fire(new ChannelApproved(c.schoolId, c.id, c.name));
        return c;
    }

    /** An admin stores new credentials; a channel waiting for reconnection becomes active again. */
    @Transactional
    public Channel connect(long id, ChannelCredentials credentials) {
        Channel c = mine(id);
        boolean login = c.platform == Platform.INSTAGRAM_PRIVATE;
        if (login ? blank(credentials.username()) || blank(credentials.password()) : blank(credentials.accessToken())) {
            throw new BadRequestException(login ? "Enter the Instagram user name and password" : "Enter the access token");
        }
        c.credentialsCipher = cipher.encrypt(credentials, c.id);
        c.credentialsKeyId = cipher.currentKeyId();
        c.tokenExpiresAt = null;
        events.fire(new ChannelConnected(c.schoolId, c.id, c.credentialsKeyId));
        if (c.status == ChannelStatus.NEEDS_RECONNECT) {
            changeStatus(c, ChannelStatus.ACTIVE, "reconnected");
        }
        return c;
    }

    @Transactional
    public Channel suspend(long id, String reason) {
        Channel c = mine(id);
        changeStatus(c, ChannelStatus.SUSPENDED, blank(reason) ? "suspended by the headteacher" : reason);
        return c;
    }

    @Transactional
    public Channel reactivate(long id) {
        Channel c = mine(id);
        if (c.status != ChannelStatus.SUSPENDED || c.approvedAt == null) {
            throw new BadRequestException("Only a suspended, approved channel can be reactivated");
        }
        changeStatus(c, ChannelStatus.ACTIVE, "reactivated by the headteacher");
        return c;
    }

    /** Break glass: the headteacher sees the stored credentials; the reveal is audited with its reason. */
    @Transactional
    public ChannelCredentials reveal(long id, String reason) {
        if (blank(reason)) {
            throw new BadRequestException("Say why the credentials must be revealed");
        }
        Channel c = mine(id);
        if (!c.isConnected()) {
            throw new BadRequestException("No credentials are stored for this channel");
        }
        events.fire(new CredentialsRevealed(c.schoolId, c.id, reason.trim()));
        return cipher.decrypt(c.credentialsCipher, c.id);
    }

    /** After a key rotation: re-encrypt this school's credentials with the current key. */
    @Transactional
    public int reencrypt() {
        int n = 0;
        for (Channel c : mine()) {
            if (c.isConnected() && !cipher.currentKeyId().equals(cipher.keyIdOf(c.credentialsCipher))) {
                c.credentialsCipher = cipher.encrypt(cipher.decrypt(c.credentialsCipher, c.id), c.id);
                c.credentialsKeyId = cipher.currentKeyId();
                n++;
            }
        }
        events.fire(new CredentialsReencrypted(me.schoolId(), n, cipher.currentKeyId()));
        return n;
    }

    void changeStatus(Channel c, ChannelStatus to, String reason) {
        if (c.status == to) {
            return;
        }
        ChannelStatus from = c.status;
        c.status = to;
        events.fire(new ChannelStatusChanged(c.schoolId, c.id, from.name(), to.name(), reason));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
