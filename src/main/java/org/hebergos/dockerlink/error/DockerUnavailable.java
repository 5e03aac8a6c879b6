package org.hebergos.dockerlink.error;

import jakarta.ws.rs.core.Response.Status;

/** The Docker engine is not configured or does not answer; the agent retries on the next call. */
public class DockerUnavailable extends AgentException {

    public DockerUnavailable(String reason, Throwable cause) {
        super(Status.SERVICE_UNAVAILABLE, "docker unavailable: " + reason, cause);
    }
}
