package org.hebergos.dockerlink.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * A bare HTTP/1.0 GET to the engine, for the one call made for every container every round (stats):
 * a fresh connection (cheap on a unix socket), the answer read to the end, no pooling, headers or
 * models. The channel is interruptible, so cancelling the calling task ends a call that hangs.
 */
final class EngineSocket {

    /** A status code and a body. */
    record Answer(int status, byte[] body) {
    }

    private final SocketAddress address;

    /** @param dockerHost {@code unix:///path} or {@code tcp://host:port} */
    EngineSocket(URI dockerHost) {
        address = "unix".equals(dockerHost.getScheme())
                ? UnixDomainSocketAddress.of(dockerHost.getPath())
                : new InetSocketAddress(dockerHost.getHost(), dockerHost.getPort() < 0 ? 2375 : dockerHost.getPort());
    }

    Answer get(String path) throws IOException {
        try (SocketChannel channel = address instanceof UnixDomainSocketAddress
                ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open()) {
            channel.connect(address);
            channel.write(ByteBuffer.wrap(("GET " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream answer = new ByteArrayOutputStream(8192);
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer) >= 0) {
                answer.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return parse(answer.toByteArray());
        }
    }

    /** Splits a whole HTTP/1.x answer into its status and its body (HTTP/1.0: never chunked). */
    static Answer parse(byte[] answer) throws IOException {
        int headerEnd = -1;
        for (int i = 0; i + 3 < answer.length; i++) {
            if (answer[i] == '\r' && answer[i + 1] == '\n' && answer[i + 2] == '\r' && answer[i + 3] == '\n') {
                headerEnd = i;
                break;
            }
        }
        String statusLine = new String(answer, 0, Math.max(0, Math.min(answer.length, 32)), StandardCharsets.US_ASCII);
        if (headerEnd < 0 || !statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("not an HTTP answer from the engine");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        byte[] body = new byte[answer.length - headerEnd - 4];
        System.arraycopy(answer, headerEnd + 4, body, 0, body.length);
        return new Answer(status, body);
    }
}
