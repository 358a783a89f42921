/**
 * The PostgreSQL connection: pool, migrations from {@code db/migration}, and the embedded server used
 * when no external database is configured. Owns no SQL of any feature; features bring their own
 * repositories.
 */
package io.callsign.database;
