package org.schoolgate.notify;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The e-mails' words: a plain-text and an HTML version of each (Qute escapes the HTML ones). */
public final class Mails {

    private Mails() {
    }

    /** An immediate alert: no comment text or author, only what is needed to act, and the link. */
    public record Alert(String schoolName, String channel, String categories, String severity, String why,
                        String writtenAt, String flaggedAt, String link, boolean threat) {
        public String subject() {
            return "Schoolgate: " + (threat ? "a threat" : "a critical comment") + " on " + channel + " needs you now";
        }
    }

    public record DigestItem(String kind, String severity, String what, String channel, String age, String link) {
    }

    public record Digest(String schoolName, String date, List<DigestItem> items, long urgent, long open,
                         String queueLink) {
        public String subject() {
            return "Schoolgate: " + items.size() + " new item" + (items.size() == 1 ? "" : "s") + " to review"
                    + (urgent > 0 ? " (" + urgent + " high or critical)" : "") + " · " + date;
        }
    }

    public record Escalated(String schoolName, String by, String reason, String reference, String at, String link) {
        public String subject() {
            return "Schoolgate: a safeguarding concern was passed to you";
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance alertText(Alert a);

        static native TemplateInstance alertHtml(Alert a);

        static native TemplateInstance digestText(Digest d);

        static native TemplateInstance digestHtml(Digest d);

        static native TemplateInstance escalatedText(Escalated e);

        static native TemplateInstance escalatedHtml(Escalated e);
    }
}
