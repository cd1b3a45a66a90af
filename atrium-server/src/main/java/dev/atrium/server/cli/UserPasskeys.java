package dev.atrium.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code atrium users passkeys|revoke-passkey --app ID USER …}: a user's passkeys (docs/providers/passkey.md). */
final class UserPasskeys {
    private UserPasskeys() {}

    @Command(name = "passkeys", description = "A user's passkeys, oldest first (never their keys).")
    static final class List extends UserActions.OnUser {
        @Override
        void call(AdminClient api) {
            JsonNode r = api.get(user() + "/passkeys");
            print(r, () -> {
                Table t = new Table("ID", "NAME", "CREDENTIAL ID", "CREATED", "LAST USED", "SYNCED");
                r.path("passkeys").forEach(p -> t.row(p.get("id"), p.get("name"), p.get("credential_id"), p.get("created_at"),
                        p.get("last_used_at"), p.get("backed_up")));
                t.print(out());
            });
        }
    }

    @Command(name = "revoke-passkey", description = "Revoke one of a user's passkeys (a lost device's): it logs in no more.")
    static final class Revoke extends UserActions.OnUser {
        @Parameters(index = "1", paramLabel = "PASSKEY", description = "the passkey's id, as `users passkeys` lists it")
        String passkeyId;

        @Override
        void call(AdminClient api) {
            api.send("DELETE", user() + "/passkeys/" + AdminClient.seg(passkeyId), null);
            print(null, () -> out().println("passkey " + passkeyId + " of user " + userId + " revoked"));
        }
    }
}
