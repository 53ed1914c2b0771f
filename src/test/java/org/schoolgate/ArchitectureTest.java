package org.schoolgate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency picture of STYLE.md, kept true. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.schoolgate");
    }

    @Test
    void channelsKnowNothingOfPostsModerationOrConsent() {
        noClasses().that().resideInAPackage("org.schoolgate.channels..")
                .should().dependOnClassesThat().resideInAnyPackage("org.schoolgate.posts..",
                        "org.schoolgate.moderation..", "org.schoolgate.consent..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void consentKnowsNothingOfPostsOrModeration() {
        noClasses().that().resideInAPackage("org.schoolgate.consent..")
                .should().dependOnClassesThat().resideInAnyPackage("org.schoolgate.posts..", "org.schoolgate.moderation..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void onlyTheFacebookAndInstagramAdaptersKnowFacebook4j() {
        noClasses().that().resideOutsideOfPackages("org.schoolgate.channels.facebook..",
                        "org.schoolgate.channels.instagram..")
                .should().dependOnClassesThat().resideInAPackage("facebook4j..").check(classes);
    }

    @Test
    void onlyTheInstagramAdapterKnowsInstagram4j() {
        noClasses().that().resideOutsideOfPackage("org.schoolgate.channels.instagram..")
                .should().dependOnClassesThat().resideInAPackage("com.github.instagram4j..").check(classes);
    }

    @Test
    void onlyTheClassifierKnowsOpenNlp() {
        noClasses().that().resideOutsideOfPackage("org.schoolgate.moderation.classifier..")
                .should().dependOnClassesThat().resideInAPackage("opennlp..").check(classes);
    }

    @Test
    void moderationKnowsNothingOfPostsOrReports() {
        noClasses().that().resideInAPackage("org.schoolgate.moderation..")
                .should().dependOnClassesThat().resideInAnyPackage("org.schoolgate.posts..", "org.schoolgate.report..")
                .check(classes);
    }

    @Test
    void auditDependsOnNoFeatureButStaffForTheTenant() {
        noClasses().that().resideInAPackage("org.schoolgate.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("org.schoolgate.posts..", "org.schoolgate.consent..",
                        "org.schoolgate.channels..", "org.schoolgate.moderation..", "org.schoolgate.review..")
                .check(classes);
    }

    @Test
    void theReviewQueueDependsOnNoFeatureSoEveryFeatureMayRaiseItems() {
        noClasses().that().resideInAPackage("org.schoolgate.review..")
                .should().dependOnClassesThat().resideInAnyPackage("org.schoolgate.posts..", "org.schoolgate.consent..",
                        "org.schoolgate.channels..", "org.schoolgate.moderation..", "org.schoolgate.report..")
                .check(classes);
    }

    @Test
    void postsUseModerationsPortNeverTheClassifier() {
        noClasses().that().resideInAPackage("org.schoolgate.posts..")
                .should().dependOnClassesThat().resideInAPackage("org.schoolgate.moderation.classifier..")
                .check(classes);
    }

    @Test
    void rulesClassesDoNotDependOnQuarkus() {
        noClasses().that().haveSimpleNameEndingWith("Rules").or().haveSimpleNameEndingWith("Policy")
                .or().haveSimpleNameEndingWith("Check")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta.persistence..")
                .allowEmptyShould(true).check(classes);
    }
}
