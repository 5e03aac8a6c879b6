package org.hebergos.dockerlink.git;

import jakarta.ws.rs.core.Response.Status;
import org.hebergos.dockerlink.error.AgentException;

/** git's answer went past the output cap where a cut answer would look complete (a JSON list): refused, never cut. */
public class GitOutputTooLarge extends AgentException {

    public GitOutputTooLarge(String what, int capBytes) {
        super(Status.REQUEST_ENTITY_TOO_LARGE, what + " is longer than " + capBytes / 1024 + " KiB, the most the agent reads from git;"
                + " refused rather than cut");
    }
}
