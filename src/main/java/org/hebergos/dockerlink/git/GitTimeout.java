package org.hebergos.dockerlink.git;

import jakarta.ws.rs.core.Response.Status;
import org.hebergos.dockerlink.error.AgentException;

/** git did not finish within {@code git_timeout}; the agent stopped waiting for it. */
public class GitTimeout extends AgentException {

    public GitTimeout(String id, long seconds) {
        super(Status.GATEWAY_TIMEOUT, "git in container " + id + " did not finish within " + seconds + " s");
    }
}
