package org.hebergos.dockerlink.error;

import jakarta.ws.rs.core.Response.Status;

/** A request parameter is missing or malformed; the reason starts with the parameter's name. */
public class BadParameter extends AgentException {

    public BadParameter(String parameter, String problem) {
        super(Status.BAD_REQUEST, parameter + ": " + problem);
    }
}
