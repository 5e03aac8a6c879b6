package org.hebergos.dockerlink.git;

import jakarta.ws.rs.core.Response;
import org.hebergos.dockerlink.error.AgentException;
import org.hebergos.dockerlink.error.PlainText;

/** git ran and refused (not a repository, unknown branch, local changes in the way): its output as is. */
public class GitFailed extends AgentException {

    private final String output;

    public GitFailed(int exitCode, String output) {
        super(UNPROCESSABLE_CONTENT, "git exited with " + exitCode);
        this.output = output;
    }

    @Override
    public Response response() {
        return PlainText.verbatim(status(), output.isBlank() ? getMessage() + "\n" : output);
    }
}
