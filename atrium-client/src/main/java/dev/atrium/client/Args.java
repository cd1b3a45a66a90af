package dev.atrium.client;

/** Argument checks that fail with the SDK's own {@link ClientException}, never a bare JDK exception. */
final class Args {
    private Args() {}

    /** {@code value}, or ClientException(InvalidArgument) naming {@code name} when it is null. */
    static <T> T required(T value, String name) {
        if (value == null) {
            throw invalid(name + " is required");
        }
        return value;
    }

    /** {@code value}, or ClientException(InvalidArgument) when it is null or blank. */
    static String text(String value, String name) {
        if (value == null || value.trim().isEmpty()) {
            throw invalid(name + " is required");
        }
        return value;
    }

    static ClientException invalid(String message) {
        return new ClientException(ClientErrorCode.InvalidArgument, message);
    }
}
