package org.hebergos.dockerlink.docker;

/**
 * What a finished {@code docker exec} produced.
 *
 * @param exitCode  the process's exit code, from exec inspect
 * @param stdout    standard output only (for parsing)
 * @param output    standard output and error interleaved as they arrived (for people), ending with a
 *                  marker when it went past the cap and the rest was dropped
 */
public record ExecResult(int exitCode, String stdout, String output) {
}
