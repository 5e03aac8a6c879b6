package org.hebergos.dockerlink.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR Maven just built, exactly as operators deploy it. */
final class Deployments {

    private Deployments() {
    }

    static WebArchive agentWar() {
        File war = new File(System.getProperty("war", "target/docker-link.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the integration tests with 'mvn verify'");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
