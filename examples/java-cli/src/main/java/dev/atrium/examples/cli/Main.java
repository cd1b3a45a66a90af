package dev.atrium.examples.cli;

import dev.atrium.client.App;
import dev.atrium.client.AtriumException;
import dev.atrium.client.Credentials;
import dev.atrium.client.LinkRefusedException;
import dev.atrium.client.NetworkException;
import dev.atrium.client.User;
import dev.atrium.client.UserAlreadyExistsException;
import dev.atrium.client.UserIdentity;
import dev.atrium.client.storage.FileUserStorage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code atrium-java-cli [--store FILE] SERVER_URL APP_ID [link EMAIL PASSWORD | logout]}.
 *
 * <ul>
 *   <li>no command: the device's user. The first run creates a guest; later runs find it in the
 *       store file and send no request at all.</li>
 *   <li>{@code link}: registers the address (an existing account is fine) and links it to the
 *       guest, which keeps its id and stops being anonymous.</li>
 *   <li>{@code logout}: a guest is gone for good (its session was its only credential); a linked
 *       user is kept, logged out, until it logs in with its e-mail again.</li>
 * </ul>
 * Every auth-state change is printed as the SDK's listener reports it.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit status (0 done, 1 refused or unreachable, 2 usage). */
    static int run(String[] arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(List.of(arguments));
        Path store = null;
        if (args.size() >= 2 && args.get(0).equals("--store")) {
            store = Path.of(args.get(1));
            args = args.subList(2, args.size());
        }
        if (args.size() < 2 || !(args.size() == 2 || args.get(2).equals("logout") && args.size() == 3
                || args.get(2).equals("link") && args.size() == 5)) {
            err.println("usage: atrium-java-cli [--store FILE] SERVER_URL APP_ID [link EMAIL PASSWORD | logout]");
            return 2;
        }
        String server = args.get(0);
        String appId = args.get(1);
        if (store == null) {
            store = Path.of(System.getProperty("user.home"), ".atrium-java-cli", appId + ".json");
        }
        try (App app = App.create(appId, server, new FileUserStorage(store))) {
            app.addAuthStateListener(Runnable::run, change -> out.println("  auth: " + change.kind() + " " + change.user().id()));
            if (args.size() == 2) {
                show(app, out);
            } else if (args.get(2).equals("logout")) {
                logOut(app, out);
            } else {
                link(app, args.get(3), args.get(4), out);
            }
            return 0;
        } catch (NetworkException e) {
            err.println("cannot reach " + server + ": " + e.getMessage());
            return 1;
        } catch (LinkRefusedException e) {
            err.println("link refused: " + e.serverMessage() + " (a new address must be confirmed first when the"
                    + " server's e-mail/password provider confirms by mail or webhook; then run link again)");
            return 1;
        } catch (AtriumException e) {
            err.println("refused: " + e.getMessage());
            return 1;
        }
    }

    /** The logged-in user of this device, or a guest: created on the first run, reused (no request) after. */
    private static void show(App app, PrintStream out) {
        User stored = app.currentUser().orElse(null);
        User user = stored != null ? stored : app.login(Credentials.anonymous());
        out.println((stored != null ? "stored on this device, no request sent: " : "new: ") + describe(user));
    }

    private static void link(App app, String email, String password, PrintStream out) {
        User user = app.currentUser().orElseGet(() -> app.login(Credentials.anonymous()));
        try {
            app.emailPasswordAuth().registerUser(email, password);
            out.println("registered " + email);
        } catch (UserAlreadyExistsException e) {
            out.println(email + " already has an account: linking it");
        }
        user.linkCredentials(Credentials.emailPassword(email, password));
        out.println("linked: " + describe(user));
    }

    private static void logOut(App app, PrintStream out) {
        User user = app.currentUser().orElse(null);
        if (user == null) {
            out.println("nobody is logged in");
            return;
        }
        user.logOut();
        out.println("logged out: " + user.id() + " is now " + user.state());
    }

    private static String describe(User user) {
        String identities = user.identities().stream().map(UserIdentity::providerType).collect(Collectors.joining(", "));
        Object email = user.profile().get("email");
        return (user.isAnonymous() ? "guest " : "user ") + user.id() + " [" + identities + "]"
                + (email == null ? "" : " " + email);
    }
}
