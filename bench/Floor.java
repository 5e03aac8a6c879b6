import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor a sampling round cannot beat: one one-shot stats call per container, all fired at once at
 * the engine's unix socket from plain threads, timed from the first request to the last full answer.
 * Usage: java bench/Floor.java SOCKET IDS_FILE  (prints the wall time in milliseconds)
 */
public class Floor {

    public static void main(String[] args) throws Exception {
        Path socket = Path.of(args[0]);
        List<String> ids = Files.readAllLines(Path.of(args[1])).stream().filter(s -> !s.isBlank()).toList();
        ExecutorService threads = Executors.newFixedThreadPool(ids.size());
        long start = System.nanoTime();
        List<Future<Integer>> calls = new ArrayList<>();
        for (String id : ids) {
            calls.add(threads.submit(() -> get(socket, "/containers/" + id + "/stats?stream=false&one-shot=true")));
        }
        int bytes = 0;
        for (Future<Integer> call : calls) {
            bytes += call.get();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        threads.shutdown();
        if (bytes < ids.size() * 100) {
            throw new IllegalStateException("answers too short: " + bytes + " bytes for " + ids.size() + " calls");
        }
        System.out.println(millis);
    }

    /** HTTP/1.0 so the engine closes the connection after the body: read until EOF. */
    private static int get(Path socket, String path) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap(("GET " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                answer.write(buffer.array(), 0, buffer.limit());
                buffer.clear();
            }
            String head = answer.toString(StandardCharsets.ISO_8859_1);
            if (!head.startsWith("HTTP/1.0 200") && !head.startsWith("HTTP/1.1 200")) {
                throw new IOException(path + ": " + head.lines().findFirst().orElse("no answer"));
            }
            return answer.size();
        }
    }
}
