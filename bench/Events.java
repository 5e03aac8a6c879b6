import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bench's client of {@code GET v1/events} (bench/events.sh). Two modes, each printing figures and
 * asserting nothing:
 * <ul>
 * <li>{@code java bench/Events.java latency API TOKEN CYCLES LABEL IMAGE}: one stream open; CYCLES containers
 * (labelled LABEL) each go through create, start, pause, unpause, rename, stop, rm with the docker CLI; each
 * {@code container} event's arrival is compared with the engine's own time of the event ({@code docker events}
 * TimeNano, same clock). Prints one line per action and one for all: count, p50, p99, max (ms).</li>
 * <li>{@code java bench/Events.java hold API TOKEN STREAMS}: opens STREAMS streams, the last a client that
 * never reads past the status line (as EventsIT does), then tries one more and prints {@code ready <its
 * status>}; holds them until killed, then prints, per sampling round seen, when its {@code stats} event
 * reached the readers (ms after the round's second): {@code stats <round> <readers> <min> <median> <max>}.</li>
 * </ul>
 */
public class Events {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f]{64})\"");
    private static final Pattern NAME = Pattern.compile("\"name\":\"([^\"]*)\"");
    private static final Pattern STATE = Pattern.compile("\"state\":\"([a-z]+)\"");
    private static final Pattern ROUND = Pattern.compile("^\\{\"[0-9a-f]{64}\":\\{\"([0-9]+)\"");
    private static final List<String> ACTIONS = List.of("create", "start", "pause", "unpause", "rename", "die", "destroy");

    record Event(String type, String data, Instant received) {
    }

    public static void main(String[] args) throws Exception {
        String api = args[1];
        String token = args[2];
        if (args[0].equals("latency")) {
            latency(api, token, Integer.parseInt(args[3]), args[4], args[5]);
        } else {
            hold(api, token, Integer.parseInt(args[3]));
        }
    }

    // ---- latency

    private static void latency(String api, String token, int cycles, String label, String image) throws Exception {
        Map<String, Instant> delivered = new ConcurrentHashMap<>();
        Map<String, String[]> last = new ConcurrentHashMap<>(); // id -> {name, state}
        InputStream stream = open(api, token, e -> {
            if (e.type().equals("container")) {
                String key = containerKey(e.data(), last);
                if (key != null) {
                    delivered.putIfAbsent(key, e.received());
                }
            }
        });
        if (stream == null) {
            throw new IllegalStateException("the stream was refused");
        }
        Map<String, Instant> happened = new ConcurrentHashMap<>();
        long since = System.currentTimeMillis() / 1000 - 1;
        Process engine = new ProcessBuilder("docker", "events", "--since", Long.toString(since), "--filter", "type=container",
                "--filter", "label=" + label, "--format", "{{.TimeNano}} {{.Action}} {{.ID}}").redirectErrorStream(true).start();
        Thread engineReader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] p = line.split(" ");
                    if (p.length == 3 && ACTIONS.contains(p[1])) {
                        happened.putIfAbsent(p[2] + " " + p[1], Instant.ofEpochSecond(0, Long.parseLong(p[0])));
                    }
                }
            } catch (IOException | RuntimeException ended) {
                // killed at the end
            }
        });
        engineReader.setDaemon(true);
        engineReader.start();

        String prefix = "evbench-" + ProcessHandle.current().pid() + "-";
        for (int i = 0; i < cycles; i++) {
            String name = prefix + i;
            String id = docker("create", "--label", label, "--name", name, image, "sleep", "1d").strip();
            docker("start", id);
            docker("pause", id);
            docker("unpause", id);
            docker("rename", name, name + "-r");
            docker("stop", "-t", "0", id);
            docker("rm", id);
        }
        // the last events' delivery
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline) && (happened.size() < cycles * ACTIONS.size() || !delivered.keySet().containsAll(happened.keySet()))) {
            Thread.sleep(200);
        }
        engine.destroy();
        stream.close();

        Map<String, List<Double>> byAction = new TreeMap<>();
        List<Double> all = new ArrayList<>();
        int missing = 0;
        for (Map.Entry<String, Instant> e : happened.entrySet()) {
            Instant got = delivered.get(e.getKey());
            if (got == null) {
                missing++;
                continue;
            }
            double ms = Duration.between(e.getValue(), got).toNanos() / 1e6;
            byAction.computeIfAbsent(e.getKey().split(" ")[1], a -> new ArrayList<>()).add(ms);
            all.add(ms);
        }
        for (String action : ACTIONS) {
            print(action, byAction.getOrDefault(action, List.of()));
        }
        print("all", all);
        System.out.println("engine events " + happened.size() + ", not delivered within 30 s: " + missing);
    }

    /**
     * "id action" of a container event, the engine's action name derived from the change of the list
     * entry this client saw last for the id.
     */
    private static String containerKey(String data, Map<String, String[]> last) {
        Matcher id = ID.matcher(data);
        if (!id.find()) {
            return null;
        }
        String full = id.group(1);
        if (data.contains("\"removed\":true")) {
            last.remove(full);
            return full + " destroy";
        }
        Matcher name = NAME.matcher(data);
        Matcher state = STATE.matcher(data);
        if (!name.find() || !state.find()) {
            return null;
        }
        String[] before = last.put(full, new String[] {name.group(1), state.group(1)});
        String action = switch (state.group(1)) {
            case "created" -> "create";
            case "paused" -> "pause";
            case "exited" -> "die";
            case "running" -> before == null ? "start"
                    : before[1].equals("paused") ? "unpause"
                    : before[1].equals("running") && !before[0].equals(name.group(1)) ? "rename" : "start";
            default -> null;
        };
        return action == null ? null : full + " " + action;
    }

    private static void print(String what, List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.println("latency " + what + " 0");
            return;
        }
        System.out.printf("latency %s %d %.1f %.1f %.1f%n", what, sorted.size(), at(sorted, 50), at(sorted, 99), sorted.get(sorted.size() - 1));
    }

    /** The nearest-rank percentile. */
    private static double at(List<Double> sorted, int p) {
        int i = (int) Math.ceil(sorted.size() * p / 100.0);
        return sorted.get(Math.max(0, i - 1));
    }

    private static String docker(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(command + ": " + out);
        }
        return out;
    }

    // ---- hold

    private static void hold(String api, String token, int streams) throws Exception {
        ConcurrentLinkedQueue<long[]> arrivals = new ConcurrentLinkedQueue<>(); // {round second, ms after it}
        List<InputStream> open = new ArrayList<>();
        for (int i = 0; i < streams - 1; i++) {
            open.add(openRetrying(api, token, e -> {
                if (e.type().equals("stats")) {
                    Matcher m = ROUND.matcher(e.data().length() > 200 ? e.data().substring(0, 200) : e.data());
                    if (m.find()) {
                        long round = Long.parseLong(m.group(1));
                        arrivals.add(new long[] {round, e.received().toEpochMilli() - round * 1000});
                    }
                }
            }));
        }
        Socket stalled = neverReading(api, token);
        HttpResponse<InputStream> extra = HTTP.send(request(api, token), HttpResponse.BodyHandlers.ofInputStream());
        extra.body().close();
        System.out.println("ready " + extra.statusCode());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Map<Long, List<Long>> byRound = new TreeMap<>();
            for (long[] a : arrivals) {
                byRound.computeIfAbsent(a[0], r -> new ArrayList<>()).add(a[1]);
            }
            byRound.forEach((round, ms) -> {
                Collections.sort(ms);
                System.out.println("stats " + round + " " + ms.size() + " " + ms.get(0) + " " + ms.get(ms.size() / 2) + " " + ms.get(ms.size() - 1));
            });
            System.out.flush();
        }));
        Thread.sleep(Long.MAX_VALUE);
        // never reached; keeps the socket reachable, so that no cleaner closes it while held
        stalled.close();
    }

    /** A stream, retried while the agent still holds the slots of streams closed a moment ago. */
    private static InputStream openRetrying(String api, String token, Consumer<Event> onEvent) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            InputStream in = open(api, token, onEvent);
            if (in != null) {
                return in;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no stream slot within 60 s");
            }
            Thread.sleep(500);
        }
    }

    /** The 64th stream of EventsIT: a tiny receive buffer, and nothing read past the status line. */
    private static Socket neverReading(String api, String token) throws Exception {
        URI uri = URI.create(api);
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(1024);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
            socket.getOutputStream().write(("GET /v1/events HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nAuthorization: Bearer " + token
                    + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            if (status.equals("HTTP/1.1 200")) {
                return socket;
            }
            socket.close();
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the never-reading stream got " + status);
            }
            Thread.sleep(500);
        }
    }

    private static HttpRequest request(String api, String token) {
        return HttpRequest.newBuilder(URI.create(api + "/v1/events")).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").build();
    }

    /** Opens a stream read on its own thread, each event handed to {@code onEvent}; null when refused. */
    private static InputStream open(String api, String token, Consumer<Event> onEvent) throws Exception {
        HttpResponse<InputStream> response = HTTP.send(request(api, token), HttpResponse.BodyHandlers.ofInputStream());
        InputStream in = response.body();
        if (response.statusCode() != 200) {
            in.readAllBytes();
            in.close();
            return null;
        }
        Thread reader = new Thread(() -> read(in, onEvent), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return in;
    }

    /** The ITs' EventStream parses the same way; a single-file program cannot use the test classes. */
    private static void read(InputStream in, Consumer<Event> onEvent) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String type = null;
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        onEvent.accept(new Event(type == null ? "message" : type, data.toString(), Instant.now()));
                    }
                    type = null;
                    data = null;
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    String value = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
        } catch (IOException closed) {
            // the stream was closed
        }
    }
}
