package dev.atrium.core.auth.function;

/**
 * The document a client sent to log in (its JSON text, without the SDK's {@code options}), posted
 * to the function as it is: Atrium reads none of it.
 */
public record FunctionPayload(byte[] json) {

    @Override
    public String toString() {
        return "FunctionPayload[" + json.length + " bytes]";
    }
}
