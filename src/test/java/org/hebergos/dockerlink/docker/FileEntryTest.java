package org.hebergos.dockerlink.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class FileEntryTest {

    /** A ustar header as Go's archive/tar writes it (octal fields, NUL-terminated). */
    private static byte[] header(String name, char type, long size, byte[] uid, byte[] gid) {
        return header(name, type, size, uid, gid, "");
    }

    private static byte[] header(String name, char type, long size, byte[] uid, byte[] gid, String linkName) {
        byte[] h = new byte[512];
        put(h, 0, name.getBytes(StandardCharsets.US_ASCII));
        put(h, 157, linkName.getBytes(StandardCharsets.US_ASCII));
        put(h, 100, "0000755\0".getBytes(StandardCharsets.US_ASCII));
        put(h, 108, uid);
        put(h, 116, gid);
        put(h, 124, String.format("%011o\0", size).getBytes(StandardCharsets.US_ASCII));
        put(h, 136, "15302273237\0".getBytes(StandardCharsets.US_ASCII));
        h[156] = (byte) type;
        put(h, 257, "ustar\u000000".getBytes(StandardCharsets.US_ASCII));
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += i >= 148 && i < 156 ? ' ' : h[i] & 0xff;
        }
        put(h, 148, String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII));
        return h;
    }

    private static byte[] octal(long value) {
        return String.format("%07o\0", value).getBytes(StandardCharsets.US_ASCII);
    }

    private static void put(byte[] into, int offset, byte[] bytes) {
        System.arraycopy(bytes, 0, into, offset, bytes.length);
    }

    private static InputStream tar(byte[]... blocks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] block : blocks) {
            out.writeBytes(block);
        }
        return new ByteArrayInputStream(out.toByteArray());
    }

    private static FileOwner owner(InputStream archive) throws IOException {
        return FileEntry.first(archive, null).owner();
    }

    @Test
    void readsTheOwnerOfTheFirstEntryOnly() throws IOException {
        InputStream archive = tar(header(".git/", '5', 0, octal(1000), octal(1000)), header(".git/HEAD", '0', 0, octal(0), octal(0)));
        assertEquals(new FileEntry(new FileOwner(1000, 1000), FileEntry.Kind.DIRECTORY, null, null), FileEntry.first(archive, null));
    }

    @Test
    void aSymlinkIsTheLinkItselfWithTheTargetTheEngineResolved() throws IOException {
        InputStream archive = tar(header(".git", '2', 0, octal(0), octal(0), "../r1/.git"));
        String stat = Base64.getEncoder().encodeToString("{\"name\":\".git\",\"linkTarget\":\"/srv/r1/.git\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(new FileEntry(new FileOwner(0, 0), FileEntry.Kind.SYMLINK, "/srv/r1/.git", null), FileEntry.first(archive, stat));
    }

    @Test
    void aSmallFileComesWithItsContentALargeOneWithout() throws IOException {
        byte[] gitfile = "gitdir: /srv/app/.git/worktrees/dev\n".getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[512];
        put(data, 0, gitfile);
        InputStream small = tar(header(".git", '0', gitfile.length, octal(1000), octal(1000)), data);
        assertEquals(new FileEntry(new FileOwner(1000, 1000), FileEntry.Kind.FILE, null, "gitdir: /srv/app/.git/worktrees/dev\n"),
                FileEntry.first(small, null));
        InputStream large = tar(header(".git", '0', FileEntry.CONTENT_CAP + 1, octal(1000), octal(1000)), new byte[FileEntry.CONTENT_CAP + 512]);
        assertEquals(new FileEntry(new FileOwner(1000, 1000), FileEntry.Kind.FILE, null, null), FileEntry.first(large, null));
    }

    @Test
    void aPaxHeaderCarriesIdsTooLargeForOctal() throws IOException {
        String records = "17 uid=300000000\n15 gid=3000000\n";
        byte[] data = new byte[512];
        put(data, 0, records.getBytes(StandardCharsets.US_ASCII));
        InputStream archive = tar(header("PaxHeaders.0/.git", 'x', records.length(), octal(0), octal(0)), data,
                header(".git/", '5', 0, octal(0), octal(0)));
        assertEquals(new FileOwner(300_000_000L, 3_000_000L), owner(archive));
    }

    @Test
    void gnuBase256NumbersAndLongNameHeadersAreUnderstood() throws IOException {
        byte[] base256 = {(byte) 0x80, 0, 0, 0, 0x12, 0x34, 0x56, 0x78};
        byte[] longName = new byte[512];
        put(longName, 0, "a/very/long/name".getBytes(StandardCharsets.US_ASCII));
        InputStream archive = tar(header("././@LongLink", 'L', 16, octal(0), octal(0)), longName,
                header("a/very/long/name", '5', 0, base256, octal(33)));
        assertEquals(new FileOwner(0x12345678L, 33), owner(archive));
    }

    @Test
    void anythingButATarHeaderIsAnError() {
        assertThrows(IOException.class, () -> owner(tar(new byte[512])), "empty archive");
        assertThrows(IOException.class, () -> owner(new ByteArrayInputStream(new byte[100])), "cut short");
        byte[] badNumber = header(".git/", '5', 0, octal(1000), octal(1000));
        badNumber[110] = '9';
        assertThrows(IOException.class, () -> owner(tar(badNumber)), "not an octal digit");
        assertThrows(IOException.class, () -> owner(new ByteArrayInputStream(
                "{\"message\":\"Could not find the file\"}".repeat(20).getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void thePathStatHeaderGivesTheResolvedLinkTarget() throws IOException {
        String stat = Base64.getEncoder().encodeToString(
                "{\"name\":\".git\",\"size\":12,\"mode\":134218239,\"linkTarget\":\"/srv/r1/.git\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("/srv/r1/.git", FileEntry.linkTarget(stat));
        String directory = Base64.getEncoder().encodeToString("{\"name\":\".git\",\"linkTarget\":\"\"}".getBytes(StandardCharsets.UTF_8));
        assertNull(FileEntry.linkTarget(directory));
        assertNull(FileEntry.linkTarget(null));
        assertThrows(IOException.class, () -> FileEntry.linkTarget("not base64!"));
    }
}
