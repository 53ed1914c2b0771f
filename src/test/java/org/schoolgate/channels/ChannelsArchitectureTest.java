package org.schoolgate.channels;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** STYLE: platform libraries stay in their adapter packages; channels knows nothing of posts or moderation. */
class ChannelsArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.schoolgate");

    @Test
    void facebook4jIsUsedOnlyByTheGraphAdapters() {
        noClasses().that().resideOutsideOfPackages("org.schoolgate.channels.facebook..",
                        "org.schoolgate.channels.instagram..")
                .should().dependOnClassesThat().resideInAPackage("facebook4j..").check(CLASSES);
    }

    @Test
    void instagram4jAndOkHttpAreUsedOnlyByTheInstagramAdapter() {
        noClasses().that().resideOutsideOfPackage("org.schoolgate.channels.instagram..")
                .should().dependOnClassesThat().resideInAnyPackage("com.github.instagram4j..", "okhttp3..")
                .check(CLASSES);
    }

    @Test
    void thePortDoesNotDependOnAnyAdapter() {
        noClasses().that().resideInAPackage("org.schoolgate.channels")
                .and().doNotHaveSimpleName("ConnectorFactory")
                .should().dependOnClassesThat().resideInAnyPackage("org.schoolgate.channels.facebook..",
                        "org.schoolgate.channels.instagram..")
                .check(CLASSES);
    }

    @Test
    void channelsKnowsNothingOfPostsOrModeration() {
        noClasses().that().resideInAPackage("org.schoolgate.channels..")
                .should().dependOnClassesThat().resideInAnyPackage("org.schoolgate.posts..",
                        "org.schoolgate.moderation..", "org.schoolgate.consent..")
                .check(CLASSES);
    }
}
