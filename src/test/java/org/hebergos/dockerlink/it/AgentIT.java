package org.hebergos.dockerlink.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every Arquillian test of the agent shares: the built WAR deployed into Payara Micro (configured
 * by src/test/it-env/agent.env), a real engine with the test images, and a client for the deployment.
 */
@ExtendWith(ArquillianExtension.class)
abstract class AgentIT {

    @ArquillianResource
    private URL base;
    protected Agent agent;
    /** The containers a test makes, removed after it. */
    protected final TestContainers containers = new TestContainers();

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.agentWar();
    }

    @BeforeAll
    static void engine() {
        Docker.requireEngineAndImages();
    }

    @BeforeEach
    void client() {
        agent = new Agent(base);
    }

    @AfterEach
    void removeTestContainers() {
        containers.removeAll();
    }

    /** {@code docker run -d ARGS}, removed after the test; returns the full id. */
    protected String run(String... args) {
        return containers.run(args);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
