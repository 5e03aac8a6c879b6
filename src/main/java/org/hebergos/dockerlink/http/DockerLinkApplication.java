package org.hebergos.dockerlink.http;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The REST API at the deployment's context root: {@code v1/…} for the panel, {@code health} for probes. */
@ApplicationPath("/")
public class DockerLinkApplication extends Application {

    /**
     * Jersey (Payara, GlassFish) would otherwise publish {@code application.wadl}, a description of every
     * path and parameter; other JAX-RS implementations ignore the key.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
