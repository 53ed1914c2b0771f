package org.schoolgate.moderation.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.schoolgate.moderation.Category;
import org.schoolgate.review.EscalationTarget;

/** The escalations the policy suggests for a flagged comment, and when an allegation is about staff (the LADO). */
class EscalationPolicyTest {

    private static final List<String> STAFF = List.of("Priya Patel", "Helen Head");

    private static List<EscalationTarget> suggested(EnumSet<Category> categories, String why) {
        return EscalationPolicy.suggest(categories, EscalationPolicy.namesStaff(why, STAFF)).stream()
                .map(EscalationPolicy.Suggestion::target).toList();
    }

    @Test
    void anAllegationAgainstStaffGoesToTheLadoHoweverTheyAreNamed() {
        EnumSet<Category> allegation = EnumSet.of(Category.ALLEGATION);
        assertThat(suggested(allegation, "allegation: Priya Patel with 'hit'")).containsExactly(EscalationTarget.LADO);
        assertThat(suggested(allegation, "allegation: priya patel with 'hit'")).containsExactly(EscalationTarget.LADO);
        assertThat(suggested(allegation, "allegation: Mr Jones with 'drunk'")).containsExactly(EscalationTarget.LADO);
        assertThat(suggested(allegation, "allegation: the headteacher with 'taking money'"))
                .containsExactly(EscalationTarget.LADO);
    }

    @Test
    void anAllegationAboutAPupilGoesToTheDsl() {
        assertThat(suggested(EnumSet.of(Category.ALLEGATION), "allegation: Ava Smith with 'hit'"))
                .containsExactly(EscalationTarget.DSL);
        assertThat(EscalationPolicy.namesStaff(null, STAFF)).isFalse();
        assertThat(EscalationPolicy.namesStaff("allegation: Ava Smith with 'hit'", List.of())).isFalse();
    }

    @Test
    void threatsAndHateGoToThePoliceAndCriticismToTheComplaintsProcedure() {
        assertThat(suggested(EnumSet.of(Category.THREAT), "threat: 'watch your back'"))
                .containsExactly(EscalationTarget.POLICE, EscalationTarget.DSL);
        assertThat(suggested(EnumSet.of(Category.HATE), "hate: 'slur'")).containsExactly(EscalationTarget.POLICE);
        assertThat(suggested(EnumSet.of(Category.COMPLAINT), "complaint: 'disgrace'"))
                .containsExactly(EscalationTarget.COMPLAINTS);
        assertThat(suggested(EnumSet.of(Category.ABUSE), "abuse: 0.97")).isEmpty();
    }
}
