/**
 * HTTP plumbing shared by every resource: the JAX-RS application, request adaptation (form bodies read as
 * query parameters), and what the server would otherwise answer or log in its own way (its error pages,
 * its log line per unparsable request, the flag that lets Payara Micro open the port). Nothing here
 * decides who may call what: that is {@code security}.
 */
package org.hebergos.dockerlink.http;
