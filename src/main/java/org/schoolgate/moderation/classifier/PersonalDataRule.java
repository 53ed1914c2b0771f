package org.schoolgate.moderation.classifier;

import java.util.ArrayList;
import java.util.List;
import org.schoolgate.moderation.Category;
import org.schoolgate.moderation.ClassificationContext.KnownPerson;
import org.schoolgate.moderation.ClassificationContext.PersonKind;

/**
 * Personal data in a public comment: UK phone numbers, e-mail addresses, postcodes, street addresses,
 * and the names of the school's pupils and staff (the school's own public contact details are not personal
 * data). The "why" says what kind was found, never the data
 * itself for contact details (the reviewer sees the comment anyway; the reason may be logged or e-mailed).
 */
public final class PersonalDataRule {

    public Finding check(Comment c) {
        List<String> kinds = null;
        for (String kind : c.ctx().contactKindsIn(c.plain())) {
            kinds = add(kinds, kind);
        }
        for (KnownPerson p : c.ctx().peopleIn(c.tokens())) {
            kinds = add(kinds, (p.kind() == PersonKind.PUPIL ? "the name of pupil " : "the name of staff member ")
                    + p.name());
        }
        return kinds == null ? null : Finding.of(Category.PERSONAL_DATA, "personal data: " + String.join(", ", kinds));
    }

    /** True when the finding names a pupil or contact details, not only a member of staff. */
    static boolean beyondStaffNames(Finding f) {
        return f.why().contains("pupil") || f.why().contains("phone") || f.why().contains("e-mail")
                || f.why().contains("postcode") || f.why().contains("address");
    }

    private static List<String> add(List<String> kinds, String kind) {
        List<String> k = kinds == null ? new ArrayList<>(2) : kinds;
        k.add(kind);
        return k;
    }
}
