package dev.gatehouse.outbox;

/** Kafka did not take a batch (broker down, timeout, rejected); the rows stay unpublished and are retried. */
public class PublishFailedException extends Exception {
    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
