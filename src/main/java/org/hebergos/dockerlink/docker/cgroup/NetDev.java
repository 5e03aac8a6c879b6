package org.hebergos.dockerlink.docker.cgroup;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /proc/<pid>/net/dev}: the counters of every interface of the process's network namespace. The
 * Engine reports the interfaces it put there itself (eth0, eth1, …) and never {@code lo}; every other
 * interface here is the same one, except those a NET_ADMIN container creates itself (a VPN's tun).
 */
final class NetDev {

    private static final String FILE = "net/dev";
    private static final int COLUMNS = 16;

    private NetDev() {
    }

    /** Every interface except {@code lo}, in the file's order. */
    static List<CgroupReading.InterfaceCounters> interfaces(String content) throws CgroupUnreadable {
        String[] lines = content.split("\n");
        if (lines.length < 2 || !lines[0].startsWith("Inter-|") || !lines[1].contains("|bytes")) {
            throw new CgroupUnreadable(FILE, "no Inter-|/face |bytes header");
        }
        List<CgroupReading.InterfaceCounters> interfaces = new ArrayList<>();
        for (int i = 2; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                throw new CgroupUnreadable(FILE, "unexpected line '" + lines[i] + "'");
            }
            String name = lines[i].substring(0, colon).strip();
            // the numbers may touch the colon ("eth0:1234 …") when the first one is wide
            String[] numbers = CgroupText.fields(lines[i].substring(colon + 1));
            if (numbers.length != COLUMNS) {
                throw new CgroupUnreadable(FILE, "expected " + COLUMNS + " counters for " + name);
            }
            if (name.equals("lo")) {
                continue;
            }
            long[] n = new long[COLUMNS];
            for (int c = 0; c < COLUMNS; c++) {
                n[c] = CgroupText.parse(FILE, numbers[c]);
            }
            // receive: bytes packets errs drop fifo frame compressed multicast; transmit: bytes packets errs drop …
            interfaces.add(new CgroupReading.InterfaceCounters(name, n[0], n[1], n[2], n[3], n[8], n[9], n[10], n[11]));
        }
        return interfaces;
    }
}
