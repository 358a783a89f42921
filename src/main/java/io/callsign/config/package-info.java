/**
 * Settings: read once at start-up from a Kubernetes ConfigMap directory, a properties file and the
 * environment (later sources win), validated all at once into immutable records. Owns no behaviour
 * of the features it configures; nothing else reads the environment.
 */
package io.callsign.config;
