package dev.atrium.core.events;

/** Where events go: the app's webhook. Implemented at the edge (HTTP, HMAC). */
public interface EventSink {

    /** Delivers one event; throws with a short reason when the receiver did not accept it (non-2xx, timeout). */
    void deliver(String url, String secret, UserEvent event) throws DeliveryException;

    /** The receiver did not accept an event. */
    final class DeliveryException extends Exception {
        public DeliveryException(String message) {
            super(message, null, false, false);
        }
    }
}
