package org.hebergos.dockerlink.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The one shape of every error body: a single line of UTF-8 text. */
public final class PlainText {

    private PlainText() {
    }

    public static Response response(Response.StatusType status, String reason) {
        String line = reason == null ? status.getReasonPhrase() : reason.replaceAll("[\\r\\n]+", " ").strip();
        return verbatim(status, line + "\n");
    }

    /** A program's output passed on untouched (git's messages span lines). */
    public static Response verbatim(Response.StatusType status, String text) {
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(text).build();
    }
}
