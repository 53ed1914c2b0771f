package org.schoolgate.moderation;

import java.util.regex.Pattern;

/**
 * How a comment points at a member of staff without the school's staff list: a title and a surname ("Mr Jones"),
 * or a post only one person holds ("the headteacher"). One definition for the classifier's allegation rule and
 * for the escalation policy that reads its reason, so both mean the same people.
 */
public final class StaffMentions {

    /** Title + capitalised surname, on the text as written. */
    public static final Pattern TITLED_NAME = Pattern.compile("\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir)\\.? [A-Z][A-Za-z'\\-]+");

    /** A post only one person holds, on lower-case text. */
    public static final Pattern SOLE_POST = Pattern.compile("\\b(?:the|that|our|your) (?:head|headteacher|headmaster"
            + "|headmistress|deputy head|deputy headteacher|deputy|principal|senco|caretaker|business manager"
            + "|chair of governors)\\b");

    private StaffMentions() {
    }
}
