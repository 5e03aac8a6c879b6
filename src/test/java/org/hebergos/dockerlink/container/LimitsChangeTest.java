package org.hebergos.dockerlink.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hebergos.dockerlink.error.BadParameter;
import org.junit.jupiter.api.Test;

class LimitsChangeTest {

    @Test
    void memoryIsInGibibytesAndCpuInPercentOfOneCore() {
        LimitsChange both = LimitsChange.ofJson("{\"memory\": 0.5, \"cpulimit\": 50}");
        assertEquals(512L * 1024 * 1024, both.memoryBytes());
        assertEquals(50.0, both.cpuPercent());
        LimitsChange cpu = LimitsChange.of(null, "150");
        assertNull(cpu.memoryBytes());
        assertEquals(150.0, cpu.cpuPercent());
        assertEquals(6L * 1024 * 1024, LimitsChange.of("0.005859375", null).memoryBytes(), "the engine's minimum is accepted");
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        String[][] cases = {
                {"{}", "memory: "}, {"{\"memory\": -0.5}", "memory: "}, {"{\"memory\": \"1\"}", "memory: "},
                {"{\"memory\": 0.005}", "memory: at least 6 MiB"}, {"{\"memory\": 1e300}", "memory: "},
                {"{\"cpulimit\": 0}", "cpulimit: "}, {"{\"cpulimit\": null}", "cpulimit: "}, {"{\"cpulimit\": 1e400}", "cpulimit: "},
                {"{\"cpulimit\": 5, \"cpus\": 1}", "cpus: unknown key"}, {"50", "body: "}, {"{\"memory\": ", "body: "},
        };
        for (String[] c : cases) {
            BadParameter e = assertThrows(BadParameter.class, () -> LimitsChange.ofJson(c[0]), c[0]);
            assertTrue(e.getMessage().startsWith(c[1]), c[0] + " -> " + e.getMessage());
        }
        for (String bad : new String[] {"half", "NaN", "Infinity", "-1", "0x10"}) {
            BadParameter e = assertThrows(BadParameter.class, () -> LimitsChange.of(null, bad), bad);
            assertTrue(e.getMessage().startsWith("cpulimit: "), bad + " -> " + e.getMessage());
        }
        assertTrue(assertThrows(BadParameter.class, () -> LimitsChange.of(null, null)).getMessage().startsWith("memory: "));
    }

    @Test
    void jsonNestedDeepIsABadBodyNotAnInternalError() {
        // 1,990 levels in under 4 KiB: the parser's own depth limit (1,000) threw a bare RuntimeException, answered 500
        String deep = "{\"memory\":" + "[".repeat(1990) + "]".repeat(1990) + "}";
        BadParameter e = assertThrows(BadParameter.class, () -> LimitsChange.ofJson(deep));
        assertTrue(e.getMessage().startsWith("memory: "), e.getMessage());
        String deepObject = "{\"cpulimit\":" + "{\"a\":".repeat(600) + "1" + "}".repeat(601);
        assertTrue(assertThrows(BadParameter.class, () -> LimitsChange.ofJson(deepObject)).getMessage().startsWith("cpulimit: "));
    }

    @Test
    void anythingAfterTheJsonObjectIsRefused() {
        // was read as {"cpulimit": 50} and applied, the rest ignored
        for (String body : new String[] {"{\"cpulimit\": 50} garbage", "{\"cpulimit\": 50}}", "{\"cpulimit\": 50}{\"memory\": 1}"}) {
            BadParameter e = assertThrows(BadParameter.class, () -> LimitsChange.ofJson(body), body);
            assertTrue(e.getMessage().startsWith("body: "), body + " -> " + e.getMessage());
        }
        assertEquals(50.0, LimitsChange.ofJson(" {\"cpulimit\": 50}\n ").cpuPercent(), "whitespace around it is fine");
    }

    @Test
    void aCpuLimitThatRoundsToNoChangeIsRefused() {
        // 1e-9 % of a core is 0 NanoCpus, which the engine's update takes as "unchanged": was 200 with nothing changed
        for (String tiny : new String[] {"1e-9", "0.0000001", "0.09"}) {
            BadParameter e = assertThrows(BadParameter.class, () -> LimitsChange.of(null, tiny), tiny);
            assertTrue(e.getMessage().startsWith("cpulimit: "), tiny + " -> " + e.getMessage());
            assertThrows(BadParameter.class, () -> LimitsChange.ofJson("{\"cpulimit\": " + tiny + "}"), tiny);
        }
        assertEquals(0.1, LimitsChange.of(null, "0.1").cpuPercent(), "the engine's minimum is accepted");
    }
}
