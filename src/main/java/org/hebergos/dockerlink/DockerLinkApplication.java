package org.hebergos.dockerlink;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API at the deployment's context root: {@code v1/…} for the panel, {@code health} for probes. */
@ApplicationPath("/")
public class DockerLinkApplication extends Application {
}
