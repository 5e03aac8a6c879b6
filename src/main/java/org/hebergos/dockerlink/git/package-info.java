/**
 * Git inside containers: fetch, HEAD, branches and checkout, run with {@code docker exec} from validated
 * input only, bounded in time and output.
 */
package org.hebergos.dockerlink.git;
