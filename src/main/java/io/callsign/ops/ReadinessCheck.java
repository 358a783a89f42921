package io.callsign.ops;

/** One component's answer to "can this instance take calls?". Must return quickly. */
@FunctionalInterface
public interface ReadinessCheck {

    Status check();

    /**
     * @param ready  whether this component is fit for traffic
     * @param detail a short sentence for operators, e.g. "snapshot 2 s old, 1,204 numbers"
     */
    record Status(boolean ready, String detail) {
        public static Status ok(String detail) {
            return new Status(true, detail);
        }

        public static Status failing(String detail) {
            return new Status(false, detail);
        }
    }
}
