package org.schoolgate.moderation.actions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.schoolgate.moderation.Category;
import org.schoolgate.moderation.StaffMentions;
import org.schoolgate.review.EscalationTarget;

/**
 * Which escalations a flagged comment calls for, with the policy's reason: threats and racism to the police
 * (Bledington E), allegations against staff to the LADO, anything about a pupil's safety to the DSL
 * (Sissinghurst §5), criticism to the complaints procedure. A suggestion only: the headteacher decides.
 */
public final class EscalationPolicy {

    public record Suggestion(EscalationTarget target, String why) {
    }

    private EscalationPolicy() {
    }

    /**
     * Whether the classifier's "why" names a member of staff: one of the school's staff by name, anyone written
     * title + surname, or a post only one person holds ("the headteacher").
     */
    public static boolean namesStaff(String why, Collection<String> staffNames) {
        if (why == null || why.isBlank()) {
            return false;
        }
        String lower = why.toLowerCase(Locale.ROOT);
        return StaffMentions.TITLED_NAME.matcher(why).find() || StaffMentions.SOLE_POST.matcher(lower).find()
                || staffNames.stream().anyMatch(n -> n != null && !n.isBlank() && lower.contains(n.toLowerCase(Locale.ROOT)));
    }

    public static List<Suggestion> suggest(Set<Category> categories, boolean namesStaff) {
        List<Suggestion> out = new ArrayList<>();
        if (categories.contains(Category.THREAT)) {
            out.add(new Suggestion(EscalationTarget.POLICE, "violence is threatened: the policy involves the police"));
        } else if (categories.contains(Category.HATE)) {
            out.add(new Suggestion(EscalationTarget.POLICE, "a racist or hateful comment: the policy involves the police"));
        }
        if (categories.contains(Category.ALLEGATION) && namesStaff) {
            out.add(new Suggestion(EscalationTarget.LADO, "an allegation against a member of staff goes to the LADO"));
        }
        if (categories.contains(Category.THREAT) || categories.contains(Category.SEXUAL)
                || categories.contains(Category.PERSONAL_DATA) || (categories.contains(Category.ALLEGATION) && !namesStaff)) {
            out.add(new Suggestion(EscalationTarget.DSL, "a pupil's safety or privacy may be at stake: tell the DSL"));
        }
        if (categories.contains(Category.COMPLAINT)) {
            out.add(new Suggestion(EscalationTarget.COMPLAINTS, "criticism belongs in the complaints procedure"));
        }
        return out;
    }
}
