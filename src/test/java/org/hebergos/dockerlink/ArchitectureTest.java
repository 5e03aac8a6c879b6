package org.hebergos.dockerlink;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the production code: no cycle between the feature packages, and the sampler and
 * the Docker access know none of the consumers of a round (they observe it, see {@code SamplingRound}).
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .importPath(Path.of("target/classes"));

    @Test
    void noCycleBetweenPackages() {
        slices().matching("org.hebergos.dockerlink.(**)").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void samplingAndDockerAccessKnowNoConsumerOfARound() {
        noClasses().that().resideInAnyPackage("org.hebergos.dockerlink.stats..", "org.hebergos.dockerlink.docker..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hebergos.dockerlink.history..",
                        "org.hebergos.dockerlink.metrics..", "org.hebergos.dockerlink.events..")
                .check(PRODUCTION);
    }
}
