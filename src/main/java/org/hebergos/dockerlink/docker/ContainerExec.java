package org.hebergos.dockerlink.docker;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.transport.DockerHttpClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What git needs inside a container: processes started in it ({@code docker exec}) and what a path in it
 * is and who owns it (the engine's archive of the path).
 */
@ApplicationScoped
public class ContainerExec {

    @Inject
    DockerConnection connection;
    @Inject
    ContainerCatalogue catalogue;

    /**
     * Starts {@code argv} in the container in scope named {@code ref} (no shell) as {@code user}
     * ({@code uid:gid}), with extra environment variables; the caller reads the output from the returned
     * session and closes it.
     *
     * <p>The start goes through the transport, not docker-java's {@code execStartCmd}: that one reads the
     * stream on a thread it creates itself ({@code new Thread}, no executor can be given) and pushes
     * frames to a callback. Here the caller reads and demultiplexes ({@link ExecFrames}) on its managed
     * executor, caps the output while reading, and abandons a hung process by closing the session.
     */
    public ExecSession exec(String ref, String user, List<String> argv, List<String> env) {
        String id = catalogue.managed(ref);
        DockerConnection.Engine e = connection.engine();
        String execId = connection.call(id, () -> {
            try {
                return e.api().execCreateCmd(id).withUser(user).withCmd(argv.toArray(String[]::new)).withEnv(env)
                        .withAttachStdout(true).withAttachStderr(true).exec().getId();
            } catch (ConflictException notRunning) {
                throw new ContainerNotRunning(id);
            }
        });
        DockerHttpClient.Request start = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST).path("/exec/" + execId + "/start")
                .putHeader("Content-Type", "application/json")
                .bodyBytes("{\"Detach\":false,\"Tty\":false}".getBytes(StandardCharsets.US_ASCII)).build();
        DockerHttpClient.Response response = connection.call(id, () -> e.slowHttp().execute(start));
        if (response.getStatusCode() != 200) {
            String reason = DockerConnection.readError(response);
            response.close();
            if (response.getStatusCode() == 409) {
                throw new ContainerNotRunning(id);
            }
            throw new DockerFailed("exec in " + id + ": " + reason, null);
        }
        return new ExecSession(execId, response, exec -> connection.call(id, () -> {
            Long code = e.api().inspectExecCmd(exec).exec().getExitCodeLong();
            return code == null ? -1 : code.intValue();
        }));
    }

    /**
     * What {@code path} is inside the container of full id {@code id} and who owns it, from the engine's
     * archive of it ({@code GET /containers/{id}/archive}): its first tar header, the content of a small
     * file, and for a symlink the engine's resolution of it (the archive's path-stat header); empty when
     * there is no such path.
     *
     * <p>Why the archive: it needs no program in the container and runs none (an exec'd {@code stat} would
     * run as root whatever the container's {@code PATH} holds, and images without coreutils have none).
     * The engine tars a directory recursively, but the first header is the path itself: the stream is
     * closed after it (closing aborts the request, it does not drain the rest), so a 90 MB {@code .git}
     * costs what its {@code HEAD} file does (0.15-0.7 s measured on a loaded 2-core host, against
     * 0.1-0.3 s for an exec'd {@code stat}). The archive sees the container's filesystem and volumes, not
     * mounts made from inside the container (a tmpfs it mounted itself).
     */
    public Optional<FileEntry> file(String id, String path) {
        DockerConnection.Engine e = connection.engine();
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/containers/" + id + "/archive?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8))
                .build();
        return connection.call(id, () -> {
            try (DockerHttpClient.Response response = e.http().execute(request)) {
                if (response.getStatusCode() == 404) {
                    String reason = DockerConnection.readError(response);
                    if (reason.contains("No such container")) {
                        throw new ContainerNotFound(id);
                    }
                    return Optional.empty();
                }
                if (response.getStatusCode() != 200) {
                    throw new DockerFailed("archive of " + path + " in " + id + ": " + DockerConnection.readError(response), null);
                }
                return Optional.of(FileEntry.first(response.getBody(), response.getHeader(FileEntry.PATH_STAT)));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }
}
