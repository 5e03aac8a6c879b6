package org.hebergos.dockerlink.history;

import java.sql.Connection;
import java.sql.DriverManager;

/** Run in another JVM by the tests: holds an agent's database open, as a second agent would, until its input closes. */
public final class HoldDatabase {

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + args[0] + "/stats", "hebergos", "")) {
            System.out.println("holding");
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the test closes our input
            }
        }
    }
}
