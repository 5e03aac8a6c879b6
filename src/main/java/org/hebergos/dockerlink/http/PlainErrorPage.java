package org.hebergos.dockerlink.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The error page of the application ({@code WEB-INF/web.xml}): what the servlet container answers itself
 * before JAX-RS sees the request, such as a 400 for a malformed {@code Content-Type} or {@code Accept}
 * header, comes in the API's one plain-text line instead of the server's HTML page. Mapped under
 * {@code WEB-INF}, so no client can call it directly.
 */
@WebServlet(PlainErrorPage.PATH)
public class PlainErrorPage extends HttpServlet {

    static final String PATH = "/WEB-INF/error";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer c ? c : response.getStatus();
        response.setStatus(status);
        response.setContentType(MediaType.TEXT_PLAIN);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(reason(request, status) + "\n");
    }

    static String reason(HttpServletRequest request, int status) {
        if (status == Status.BAD_REQUEST.getStatusCode()) {
            Optional<String> header = malformed(HttpHeaders.CONTENT_TYPE, request.getHeader(HttpHeaders.CONTENT_TYPE))
                    .or(() -> malformed(HttpHeaders.ACCEPT, request.getHeader(HttpHeaders.ACCEPT)));
            if (header.isPresent()) {
                return header.get();
            }
        }
        Status known = Status.fromStatusCode(status);
        return status + (known == null ? "" : " " + known.getReasonPhrase());
    }

    /** The header's name and what is wrong, when its value is not a media type (or for Accept, a list of them). */
    static Optional<String> malformed(String name, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            for (String type : name.equals(HttpHeaders.ACCEPT) ? value.split(",") : new String[] {value}) {
                MediaType.valueOf(type.strip());
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(name + ": not a media type" + (name.equals(HttpHeaders.ACCEPT) ? " list" : ""));
        }
    }
}
