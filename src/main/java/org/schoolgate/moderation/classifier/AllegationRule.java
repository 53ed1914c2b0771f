package org.schoolgate.moderation.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.schoolgate.moderation.Category;
import org.schoolgate.moderation.ClassificationContext.KnownPerson;
import org.schoolgate.moderation.StaffMentions;

/**
 * A possible defamation: an accusation (lexicon: "hit", "groomed", "drunk", "stole" …) in the same comment
 * as an identifiable person — one of the school's pupils or staff, anyone written as title + surname
 * ("Mr Jones"), so that staff not yet in the roster are still caught, or a post only one person holds
 * ("the headteacher", "the caretaker").
 */
public final class AllegationRule {

    private final Lexicon accusations;

    public AllegationRule(Lexicon accusations) {
        this.accusations = accusations;
    }

    public Finding check(Comment c) {
        List<String> accused = accusations.find(c.tokens());
        if (accused.isEmpty()) {
            return null;
        }
        List<String> named = new ArrayList<>(2);
        for (KnownPerson p : c.ctx().peopleIn(c.tokens())) {
            named.add(p.name());
        }
        if (named.isEmpty()) {
            Matcher m = StaffMentions.TITLED_NAME.matcher(c.plain());
            while (m.find() && named.size() < 3) {
                named.add(m.group());
            }
        }
        if (named.isEmpty()) {
            Matcher m = StaffMentions.SOLE_POST.matcher(c.normalised().joined());
            if (m.find()) {
                named.add(m.group());
            }
        }
        if (named.isEmpty()) {
            return null;
        }
        return Finding.of(Category.ALLEGATION,
                "allegation: " + String.join(", ", named) + " with " + Words.quoted(accused));
    }
}
