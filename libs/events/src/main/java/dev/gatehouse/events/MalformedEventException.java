package dev.gatehouse.events;

/** A record on a Gatehouse topic that is not a readable event: consumers skip it rather than block the partition. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
