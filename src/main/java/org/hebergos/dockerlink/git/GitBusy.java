package org.hebergos.dockerlink.git;

import jakarta.ws.rs.core.Response.Status;
import org.hebergos.dockerlink.error.AgentException;

/** Another git call on the same repository did not finish in time for this one to start. */
public class GitBusy extends AgentException {

    public GitBusy(String path) {
        super(Status.CONFLICT, "path: another git call is still running on " + path);
    }
}
