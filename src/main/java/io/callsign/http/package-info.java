/**
 * The HTTP edge: one Undertow server, the route table, body limits, JSON bodies, and the single
 * place where failures become {@code application/problem+json}. Holds no feature logic.
 */
package io.callsign.http;
