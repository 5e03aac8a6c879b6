package org.hebergos.dockerlink.docker;

import jakarta.ws.rs.core.Response.Status;
import org.hebergos.dockerlink.error.AgentException;

/** The engine refused a change to a container (a running container to remove, a limit it cannot apply): its reason. */
public class DockerRefused extends AgentException {

    public DockerRefused(String reason) {
        super(Status.CONFLICT, "docker refused: " + reason);
    }
}
