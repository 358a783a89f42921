/**
 * End-to-end tests of the route scripts with real SIP: sipp, Kamailio (kamailio-cfg/ and a
 * secsipid-based peer) and a real Callsign on loopback. Also the small helpers those tests share:
 * locating the programs, free ports, starting and stopping processes, reading sipp's traces.
 * Everything listens on 127.0.0.x only; every process started here is stopped by the test.
 */
package io.callsign.kamailio;
