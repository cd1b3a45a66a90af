package dev.atrium.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atrium users create|invite|reset-password}: e-mail/password users made and helped by an operator (admin API). */
final class UserAccounts {
    private UserAccounts() {}

    @Command(name = "create", description = "Create a user with an e-mail and a password (local-userpass, confirmed; no mail goes out).")
    static final class Create extends ApiCommand {
        @Mixin
        AppOption app;
        @Option(names = "--email", required = true, description = "the address, the user's login")
        String email;
        @Option(names = "--password", required = true, description = "6..128 characters (it shows in the process list: prefer invite)")
        String password;

        @Override
        void call(AdminClient api) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("email", email);
            body.put("password", password);
            JsonNode u = api.send("POST", appPath(app.id) + "/users", body);
            print(u, () -> out().println("user " + u.path("id").asText() + " created for " + email));
        }
    }

    @Command(name = "invite", description = "Invite a user by e-mail: a reset link goes out by the app's reset channel, to choose a password.")
    static final class Invite extends ApiCommand {
        @Mixin
        AppOption app;
        @Option(names = "--email", required = true, description = "the address to invite")
        String email;

        @Override
        void call(AdminClient api) {
            JsonNode u = api.send("POST", appPath(app.id) + "/users/invite", Map.of("email", email));
            print(u, () -> out().println("user " + u.path("id").asText() + " invited: a reset link went to " + email));
        }
    }

    @Command(name = "reset-password", description = "Send the user a password reset by the app's reset channel.")
    static final class ResetPassword extends ApiCommand {
        @Mixin
        AppOption app;
        @Parameters(index = "0", paramLabel = "USER", description = "user id")
        String userId;

        @Override
        void call(AdminClient api) {
            JsonNode r = api.send("POST", appPath(app.id) + "/users/" + AdminClient.seg(userId) + "/reset-password", null);
            print(r, () -> out().println("a password reset went to " + r.path("sent_to").asText()));
        }
    }
}
