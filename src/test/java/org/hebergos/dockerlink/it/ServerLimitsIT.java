package org.hebergos.dockerlink.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What Payara Micro itself does under load and at shutdown, as configured by {@code payara-preboot.asadmin}:
 * a burst of parallel requests gets at most 64 HTTP worker threads (the default, 200 kept for 15 minutes,
 * was one part of 86 threads growing to 288), and requests arriving while the server stops get no HTML page.
 */
class ServerLimitsIT {

    private static final int WORKER_CEILING = 64;
    private static final int CLIENTS = 200;

    @Test
    void aBurstOfParallelRequestsGetsAtMost64WorkerThreads() throws Exception {
        Docker.requireEngineAndImages();
        try (MicroServer server = MicroServer.start("thread-burst", AgentEnv.of("thread-burst"))) {
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int i = 0; i < CLIENTS; i++) {
                clients.execute(() -> {
                    for (int n = 0; n < 10 && running.get(); n++) {
                        request(server.port(), "/health");
                    }
                });
            }
            clients.shutdown();
            int peak = 0;
            while (!clients.awaitTermination(100, TimeUnit.MILLISECONDS)) {
                peak = Math.max(peak, workerThreads(server.pid()));
            }
            running.set(false);
            int most = peak;
            assertTrue(most <= WORKER_CEILING, () -> most + " HTTP worker threads for " + CLIENTS + " parallel clients");
            // without this the burst would not have tested the ceiling (the default pool grew to 200 under it)
            assertTrue(most >= WORKER_CEILING / 2, () -> "only " + most + " HTTP worker threads in use during the burst");
        }
    }

    @Test
    void requestsWhileTheServerStopsGetNoHtmlPage() throws Exception {
        Docker.requireEngineAndImages();
        MicroServer server = MicroServer.start("stop-under-load", AgentEnv.of("stop-under-load"));
        List<String> afterStop = new ArrayList<>();
        AtomicBoolean stopping = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 8; i++) {
                clients.execute(() -> {
                    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
                    while (System.nanoTime() < end) {
                        boolean afterSigterm = stopping.get();
                        String head = request(server.port(), "/v1/container/?id=none");
                        if (head == null && afterSigterm) {
                            return; // the port is closed: the server is gone
                        }
                        if (head != null && afterSigterm) {
                            synchronized (afterStop) {
                                afterStop.add(head);
                            }
                        }
                    }
                });
            }
            Thread.sleep(1000);
            stopping.set(true);
        } finally {
            server.close(); // SIGTERM, as an operator's or Docker's stop sends
            clients.shutdown();
            clients.awaitTermination(60, TimeUnit.SECONDS);
        }
        synchronized (afterStop) {
            // the requests sent just before and after SIGTERM: answers from the agent and from the server stopping
            assertFalse(afterStop.isEmpty(), "no request was answered after SIGTERM; see " + server.log());
            assertTrue(afterStop.stream().noneMatch(head -> head.toLowerCase(Locale.ROOT).contains("content-type: text/html")),
                    () -> "HTML answers while stopping: " + afterStop.stream().filter(h -> h.contains("html")).distinct().toList());
        }
    }

    /** One request on its own connection; its status line and headers, or null when the connection failed. */
    private static String request(int port, String path) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + Agent.TOKEN
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = answer.indexOf("\r\n\r\n");
            return end < 0 ? answer : answer.substring(0, end);
        } catch (IOException e) {
            return null;
        }
    }

    /** Threads of the server's HTTP worker pool ("http-thread-pool::…", cut to 15 characters by the kernel). */
    private static int workerThreads(long pid) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return (int) tasks.filter(task -> {
                try {
                    return Files.readString(task.resolve("comm")).startsWith("http-thread-poo");
                } catch (IOException gone) {
                    return false; // the thread ended meanwhile
                }
            }).count();
        }
    }
}
