package org.hebergos.dockerlink.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EngineSocketTest {

    private static EngineSocket.Answer parse(String answer) throws IOException {
        return EngineSocket.parse(answer.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splitsStatusAndBody() throws IOException {
        EngineSocket.Answer a = parse("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nApi-Version: 1.41\r\n\r\n{\"read\":\"x\"}\n");
        assertEquals(200, a.status());
        assertEquals("{\"read\":\"x\"}\n", new String(a.body(), StandardCharsets.UTF_8));
    }

    @Test
    void keepsErrorStatuses() throws IOException {
        EngineSocket.Answer a = parse("HTTP/1.0 404 Not Found\r\n\r\n{\"message\":\"No such container: x\"}");
        assertEquals(404, a.status());
    }

    @Test
    void refusesWhatIsNotHttp() {
        assertThrows(IOException.class, () -> parse("garbage"));
        assertThrows(IOException.class, () -> parse("HTTP/1.0 200 OK\r\nno end of headers"));
    }
}
