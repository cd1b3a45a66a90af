package dev.atrium.core.auth.password;

import dev.atrium.core.auth.AppServicesProvider;
import dev.atrium.core.auth.ImportedSettings;
import dev.atrium.core.kernel.HttpUrls;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * App Services' {@code local-userpass} configuration (its "Email/Password Authentication" page:
 * {@code autoConfirm}, {@code emailConfirmationUrl}, {@code runConfirmationFunction},
 * {@code resetPasswordUrl}, {@code runResetFunction}, …) as this provider's settings. App Services
 * sent its mails itself and ran its own functions; Atrium sends mail through the app's SMTP server
 * and calls the app's webhook where App Services called a function, so those are what the operator adds.
 */
final class UserpassImport {
    private UserpassImport() {}

    static ImportedSettings map(AppServicesProvider p) {
        ImportedSettings.Builder b = ImportedSettings.builder();
        String confirmation = p.flag("autoConfirm") ? UserpassSettings.AUTO
                : p.flag("runConfirmationFunction") ? UserpassSettings.WEBHOOK : UserpassSettings.EMAIL;
        String reset = p.flag("runResetFunction") ? UserpassSettings.WEBHOOK
                : p.string("resetPasswordUrl") != null ? UserpassSettings.EMAIL : UserpassSettings.NONE;
        b.set("confirmation", confirmation).set("reset", reset);
        if (confirmation.equals(UserpassSettings.EMAIL)) {
            link(b, p, "emailConfirmationUrl", "confirm_url");
        }
        if (reset.equals(UserpassSettings.EMAIL)) {
            link(b, p, "resetPasswordUrl", "reset_url");
        }
        if (confirmation.equals(UserpassSettings.EMAIL) || reset.equals(UserpassSettings.EMAIL)) {
            Map<String, Object> smtp = new LinkedHashMap<>();
            smtp.put("host", "<your SMTP server>");
            smtp.put("port", 587);
            smtp.put("from", "<the sender address>");
            smtp.put("username", "<SMTP user>");
            smtp.put("password", "<SMTP password>");
            b.need("smtp", smtp, "App Services sent confirmation and reset mails itself; Atrium sends them through "
                    + "your mail server");
        }
        if (confirmation.equals(UserpassSettings.WEBHOOK) || reset.equals(UserpassSettings.WEBHOOK)) {
            b.need(UserpassSettings.WEBHOOK_URL, "<https URL of your endpoint>", "App Services ran "
                    + functions(p) + "; Atrium POSTs the token to your endpoint instead");
            b.need(UserpassSettings.WEBHOOK_SECRET, "<whsec_… secret of your choice>", "signs every call to webhook_url");
        }
        unmapped(b, p, "confirmEmailSubject", "Atrium's confirmation mail has a fixed subject");
        unmapped(b, p, "resetPasswordSubject", "Atrium's reset mail has a fixed subject");
        if (p.flag("runConfirmationFunction") && p.string("confirmationFunctionName") != null) {
            b.unmapped("confirmationFunctionName: Atrium runs no functions; port "
                    + p.string("confirmationFunctionName") + " to the webhook (type \"confirm\")");
        }
        if (p.flag("runResetFunction") && p.string("resetFunctionName") != null) {
            b.unmapped("resetFunctionName: Atrium runs no functions; port " + p.string("resetFunctionName")
                    + " to the webhook (types \"reset\" and \"reset_function\")");
        }
        return b.build();
    }

    /** An http(s) link base is kept; any other (an app's own URL scheme) has no equivalent. */
    private static void link(ImportedSettings.Builder b, AppServicesProvider p, String from, String to) {
        String url = p.string(from);
        if (url == null) {
            return;
        }
        try {
            HttpUrls.parse(to, url);
            b.set(to, url);
        } catch (IllegalArgumentException e) {
            b.unmapped(from + ": " + url + " is not an http(s) URL, which Atrium's " + to + " must be");
        }
    }

    private static void unmapped(ImportedSettings.Builder b, AppServicesProvider p, String key, String instead) {
        if (p.string(key) != null) {
            b.unmapped(key + ": " + instead);
        }
    }

    private static String functions(AppServicesProvider p) {
        String confirm = p.flag("runConfirmationFunction") ? p.string("confirmationFunctionName") : null;
        String reset = p.flag("runResetFunction") ? p.string("resetFunctionName") : null;
        if (confirm == null && reset == null) {
            return "a function";
        }
        return confirm == null ? reset : reset == null || reset.equals(confirm) ? confirm : confirm + " and " + reset;
    }
}
