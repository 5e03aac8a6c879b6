package org.hebergos.dockerlink.docker;

import jakarta.ws.rs.core.Response.Status;
import org.hebergos.dockerlink.error.AgentException;

/** The Docker engine answered, but with an error the agent cannot pass on as anything more specific. */
public class DockerFailed extends AgentException {

    public DockerFailed(String reason, Throwable cause) {
        super(Status.BAD_GATEWAY, "docker error: " + reason, cause);
    }
}
