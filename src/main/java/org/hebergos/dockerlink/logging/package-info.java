/**
 * Logging shared by the features: one way to say a failure that repeats. It imports no feature package,
 * so every feature may use it without a cycle.
 */
package org.hebergos.dockerlink.logging;
