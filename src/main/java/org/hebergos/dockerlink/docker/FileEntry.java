package org.hebergos.dockerlink.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * One path inside a container as the engine's archive of it shows it: the first tar entry, which is
 * the path itself, not what it points to.
 *
 * @param owner   numeric owner of the path itself (of a symlink, the link's owner)
 * @param kind    what the path is
 * @param target  for a symlink, the absolute path it leads to, every link on the way resolved by the
 *                engine in the container's filesystem; null otherwise
 * @param content for a regular file of at most {@link #CONTENT_CAP} bytes, its content (UTF-8); null otherwise
 */
public record FileEntry(FileOwner owner, Kind kind, String target, String content) {

    public enum Kind { DIRECTORY, FILE, SYMLINK, OTHER }

    /** The engine's header on an archive answer: base64 JSON of the path's stat, with {@code linkTarget}. */
    static final String PATH_STAT = "X-Docker-Container-Path-Stat";
    static final int CONTENT_CAP = 8192;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Headers before the entry (PAX records: long names, xattrs) plus its content: never near this. */
    private static final long MAX_READ = 1 << 20;

    /**
     * Reads the first entry of a tar stream and nothing after it, so that the caller can abort an
     * archive of a whole directory after its first block. The stream is not closed here: closing it
     * would drain the rest.
     *
     * @param pathStat the archive's {@link #PATH_STAT} header, which holds the engine's resolution of a symlink
     */
    static FileEntry first(InputStream archive, String pathStat) throws IOException {
        InputStream bounded = BoundedInputStream.builder().setInputStream(archive).setMaxCount(MAX_READ).get();
        @SuppressWarnings("resource") // closing would close, and drain, the engine's response
        TarArchiveInputStream tar = new TarArchiveInputStream(bounded);
        TarArchiveEntry entry;
        try {
            entry = tar.getNextEntry();
        } catch (IllegalArgumentException malformed) {
            throw new IOException("not a tar header: " + malformed.getMessage(), malformed);
        }
        if (entry == null) {
            throw new IOException("the tar archive is empty");
        }
        FileOwner owner = new FileOwner(entry.getLongUserId(), entry.getLongGroupId());
        if (entry.isSymbolicLink()) {
            return new FileEntry(owner, Kind.SYMLINK, linkTarget(pathStat), null);
        }
        if (entry.isDirectory()) {
            return new FileEntry(owner, Kind.DIRECTORY, null, null);
        }
        if (entry.isFile() && entry.getSize() <= CONTENT_CAP) {
            return new FileEntry(owner, Kind.FILE, null, new String(tar.readNBytes((int) entry.getSize()), StandardCharsets.UTF_8));
        }
        return new FileEntry(owner, entry.isFile() ? Kind.FILE : Kind.OTHER, null, null);
    }

    /** The {@code linkTarget} of a path-stat header, null when absent or empty. */
    static String linkTarget(String pathStat) throws IOException {
        if (pathStat == null || pathStat.isBlank()) {
            return null;
        }
        try {
            String target = JSON.readTree(Base64.getDecoder().decode(pathStat.strip())).path("linkTarget").asText("");
            return target.isEmpty() ? null : target;
        } catch (IllegalArgumentException notBase64) {
            throw new IOException("unreadable " + PATH_STAT + " header", notBase64);
        }
    }
}
