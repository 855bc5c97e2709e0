package org.custodian.platform.events;

/** A record that is not a valid Custodian CloudEvent: a poison message for consumers. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
