package org.hebergos.dockerlink.git;

import org.hebergos.dockerlink.error.AgentException;

/** The container has no git executable on its PATH. */
public class GitMissing extends AgentException {

    public GitMissing(String id) {
        super(UNPROCESSABLE_CONTENT, "git is not installed in container " + id);
    }
}
