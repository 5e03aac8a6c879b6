package org.hebergos.dockerlink.docker;

import jakarta.ws.rs.core.Response.Status;
import org.hebergos.dockerlink.error.AgentException;

/** The Docker engine is not configured or does not answer; the agent retries on the next call. */
public class DockerUnavailable extends AgentException {

    public DockerUnavailable(String reason, Throwable cause) {
        super(Status.SERVICE_UNAVAILABLE, "docker unavailable: " + reason, cause);
    }
}
