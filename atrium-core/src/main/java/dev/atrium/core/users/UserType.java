package dev.atrium.core.users;

/**
 * What kind of user: the profile's {@code type} field, which realm-web requires to be one of
 * these two words (docs/client-api.md, "Profile").
 */
public enum UserType {
    /** An end user: a guest, or a person with a lasting identity. */
    NORMAL("normal"),
    /** The holder of a server API key, made by an operator; never swept, never a guest. */
    SERVER("server");

    private final String wire;

    UserType(String wire) {
        this.wire = wire;
    }

    /** The word on the wire and in the {@code users.type} column. */
    public String wire() {
        return wire;
    }

    /** The type a stored or sent word names; IllegalArgumentException for any other word. */
    public static UserType fromWire(String wire) {
        for (UserType t : values()) {
            if (t.wire.equals(wire)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown user type: " + wire);
    }
}
