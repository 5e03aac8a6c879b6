package org.hebergos.dockerlink.docker;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the owner of the first entry of a tar stream and nothing more, so that the caller can close an
 * archive of a whole directory after its first block. Understands what Go's {@code archive/tar} (the
 * engine's) writes: ustar headers, PAX extended headers (uids too large for octal, long names,
 * xattrs) and GNU long-name headers and base-256 numbers.
 */
final class TarOwner {

    private static final int BLOCK = 512;
    /** Extended headers before the entry itself: a PAX header carries a few records, never megabytes. */
    private static final int MAX_EXTENDED = 1 << 16;
    private static final int MAX_HEADERS = 8;

    private TarOwner() {
    }

    static FileOwner first(InputStream in) throws IOException {
        byte[] header = new byte[BLOCK];
        Long paxUid = null;
        Long paxGid = null;
        for (int i = 0; i < MAX_HEADERS; i++) {
            readFully(in, header, BLOCK);
            checkSum(header);
            long size = number(header, 124, 12);
            byte type = header[156];
            if (type == 'x' || type == 'g' || type == 'L' || type == 'K') {
                if (size > MAX_EXTENDED) {
                    throw new IOException("tar extended header of " + size + " bytes");
                }
                byte[] data = new byte[(int) ((size + BLOCK - 1) / BLOCK * BLOCK)];
                readFully(in, data, data.length);
                if (type == 'x' || type == 'g') {
                    String records = new String(data, 0, (int) size, StandardCharsets.UTF_8);
                    paxUid = paxNumber(records, "uid", paxUid);
                    paxGid = paxNumber(records, "gid", paxGid);
                }
                continue;
            }
            return new FileOwner(paxUid != null ? paxUid : number(header, 108, 8), paxGid != null ? paxGid : number(header, 116, 8));
        }
        throw new IOException("no tar entry within the first " + MAX_HEADERS + " headers");
    }

    /** A numeric header field: octal digits (NUL or space terminated), or GNU base-256 when the top bit is set. */
    static long number(byte[] header, int offset, int length) throws IOException {
        if ((header[offset] & 0x80) != 0) {
            long value = header[offset] & 0x7f;
            for (int i = offset + 1; i < offset + length; i++) {
                value = (value << 8) | (header[i] & 0xff);
            }
            return value;
        }
        long value = 0;
        int i = offset;
        while (i < offset + length && header[i] == ' ') {
            i++;
        }
        for (; i < offset + length && header[i] != 0 && header[i] != ' '; i++) {
            if (header[i] < '0' || header[i] > '7') {
                throw new IOException("not a tar header (bad number)");
            }
            value = value * 8 + (header[i] - '0');
        }
        return value;
    }

    /** Records are {@code "<length> <key>=<value>\n"}. */
    private static Long paxNumber(String records, String key, Long otherwise) throws IOException {
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith(key + "=", space + 1)) {
                try {
                    return Long.parseLong(record.substring(space + 2 + key.length()));
                } catch (NumberFormatException e) {
                    throw new IOException("tar PAX record " + key + " is not a number");
                }
            }
        }
        return otherwise;
    }

    /** The checksum is the byte sum of the header with its own field read as spaces. */
    private static void checkSum(byte[] header) throws IOException {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xff;
        }
        if (sum == 8 * ' ') {
            throw new IOException("the tar archive is empty");
        }
        if (sum != number(header, 148, 8)) {
            throw new IOException("not a tar header (checksum)");
        }
    }

    private static void readFully(InputStream in, byte[] buffer, int length) throws IOException {
        int read = 0;
        while (read < length) {
            int n = in.read(buffer, read, length - read);
            if (n < 0) {
                throw new EOFException("the tar archive ended inside a header");
            }
            read += n;
        }
    }
}
