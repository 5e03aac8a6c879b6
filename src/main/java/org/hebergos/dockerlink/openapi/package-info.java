/**
 * {@code GET /openapi} and {@code GET /openapi.json}: the agent's contract as an OpenAPI document, written by
 * hand next to the code it describes (a test fails when a resource method or parameter is missing from it).
 */
package org.hebergos.dockerlink.openapi;
