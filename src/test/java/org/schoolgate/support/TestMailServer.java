package org.schoolgate.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) for every Quarkus test, on a free port; the app's mailer sends to it.
 * Tests read what arrived with {@link #received()} and clear it with {@link #reset()}.
 */
@QuarkusTestResource(value = TestMailServer.class, restrictToAnnotatedClass = false)
public class TestMailServer implements QuarkusTestResourceLifecycleManager {

    private static GreenMail smtp;

    @Override
    public synchronized Map<String, String> start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(smtp.getSmtp().getPort()),
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.start-tls", "DISABLED",
                // the EHLO name; without it the client looks up the machine's own name, which can stall offline
                "quarkus.mailer.own-host-name", "schoolgate.test");
    }

    @Override
    public synchronized void stop() {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    /**
     * Makes the server refuse every message ("451 local error in processing"), to test failures;
     * {@link #accept()} makes it deliver again. The server keeps running, so no pooled connection goes stale.
     */
    public static synchronized void refuse() {
        if (delivering == null) {
            delivering = smtp.getUserManager().getMessageDeliveryHandler();
        }
        smtp.getUserManager().setMessageDeliveryHandler((message, address) -> {
            throw new com.icegreen.greenmail.user.UserException("mailbox unavailable (test)");
        });
    }

    public static synchronized void accept() {
        if (delivering != null) {
            smtp.getUserManager().setMessageDeliveryHandler(delivering);
        }
    }

    private static com.icegreen.greenmail.user.MessageDeliveryHandler delivering;

    public static GreenMail smtp() {
        return smtp;
    }

    public static void reset() {
        try {
            smtp.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<MimeMessage> received() {
        return Arrays.asList(smtp.getReceivedMessages());
    }

    /** The plain-text part of a message (the mailer sends text and HTML as multipart/alternative). */
    public static String text(MimeMessage m) {
        return part(m, "text/plain");
    }

    public static String html(MimeMessage m) {
        return part(m, "text/html");
    }

    private static String part(MimeMessage m, String type) {
        try {
            Object content = m.getContent();
            if (content instanceof String s) {
                return m.isMimeType(type) ? s : "";
            }
            return find((jakarta.mail.Multipart) content, type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(jakarta.mail.Multipart mp, String type) throws Exception {
        for (int i = 0; i < mp.getCount(); i++) {
            jakarta.mail.BodyPart p = mp.getBodyPart(i);
            if (p.isMimeType(type)) {
                return p.getContent().toString();
            }
            if (p.getContent() instanceof jakarta.mail.Multipart inner) {
                String found = find(inner, type);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return "";
    }

    /**
     * Waits until at least {@code n} messages to {@code email} arrived (mail is sent after commit, on another
     * thread; other tests' alerts may arrive meanwhile, so only this address counts) and returns those.
     */
    public static List<MimeMessage> awaitTo(String email, int n, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        List<MimeMessage> to = to(email);
        while (to.size() < n && System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            to = to(email);
        }
        return to;
    }

    private static List<MimeMessage> to(String email) {
        return received().stream().filter(m -> recipient(m).equals(email)).toList();
    }

    public static String recipient(MimeMessage m) {
        try {
            return m.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
