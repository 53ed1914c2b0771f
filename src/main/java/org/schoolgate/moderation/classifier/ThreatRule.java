package org.schoolgate.moderation.classifier;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.schoolgate.moderation.Category;

/**
 * Threats of violence: fixed phrases ("watch your back", "know where you live") and the pattern
 * "I'll / gonna / going to … (kill|stab|hurt|…) you/him/her/Mr …". The pattern needs a person as the object,
 * so "we're going to smash the record" is not a threat.
 */
public final class ThreatRule {

    private static final Set<String> VERBS = Set.of("kill", "stab", "hurt", "batter", "smash", "beat", "punch",
            "shoot", "slap", "kick", "strangle", "murder", "knife", "deck", "burn", "hunt", "attack", "rape");
    private static final Pattern INTENT = Pattern.compile(
            "\\b(?:ill|i will|im going to|im gonna|i am going to|i am gonna|gonna|going to|imma|ima|will|well|we will"
                    + "|someone should|somebody should|should be|needs to be|deserve to be|deserves to be)"
                    + "(?: \\w+){0,2}? (kill|stab|hurt|batter|smash|beat|punch|shoot|slap|kick|strangle|murder|knife"
                    + "|deck|burn|hunt|attack|rape)(?:ed|s)?(?: up| down)? (?:you|u|ya|him|her|them|your|ur|his|their"
                    + "|mr|mrs|ms|miss|sir|everyone|everybody|that teacher|the teacher|the head|the headteacher|teachers"
                    + "|the school|this school|that school|her kid|his kid|your kid|your kids)\\b");

    private final Lexicon phrases;

    public ThreatRule(Lexicon phrases) {
        this.phrases = phrases;
    }

    public Finding check(Comment c) {
        List<String> found = phrases.find(c.tokens());
        if (!found.isEmpty()) {
            return Finding.of(Category.THREAT, "threat: " + Words.quoted(found));
        }
        if (!hasVerb(c.tokens())) {
            return null;
        }
        Matcher m = INTENT.matcher(c.normalised().joined());
        return m.find() ? Finding.of(Category.THREAT, "threat: '" + m.group() + "'") : null;
    }

    private static boolean hasVerb(String[] tokens) {
        for (String t : tokens) {
            // "kills", "stabbed": only tokens with those endings pay for a substring
            if (VERBS.contains(t) || (t.length() > 4 && t.endsWith("s") && VERBS.contains(t.substring(0, t.length() - 1)))
                    || (t.length() > 5 && t.endsWith("ed") && VERBS.contains(t.substring(0, t.length() - 2)))) {
                return true;
            }
        }
        return false;
    }
}
