/**
 * STI-AS: from the facts of one INVITE to a signed SHAKEN {@code Identity} header. Reads only
 * in-memory state on the call path (the provisioning snapshot and the active credentials); never
 * the database, never the network.
 */
package io.callsign.signing;
