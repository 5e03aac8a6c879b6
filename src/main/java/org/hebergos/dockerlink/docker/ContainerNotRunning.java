package org.hebergos.dockerlink.docker;

import jakarta.ws.rs.core.Response.Status;
import org.hebergos.dockerlink.error.AgentException;

/** The call needs a running container (git runs inside it). */
public class ContainerNotRunning extends AgentException {

    public ContainerNotRunning(String id) {
        super(Status.CONFLICT, "id: container is not running: " + id);
    }
}
