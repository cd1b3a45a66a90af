package dev.atrium.core.imports;

import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a user's App Services {@code data} goes. App Services merges its identities' metadata into
 * {@code data}; Atrium keeps the metadata on each identity and merges at read time
 * ({@link User#profileData()}). So what {@code data} holds beyond its identities' provider data
 * joins the first identity that is not a guest's (a guest's carries nothing), and the profile
 * realm-web shows after the import is the one it showed before.
 */
final class ProfileData {
    private ProfileData() {}

    static List<Identity> spread(Map<String, Object> data, List<Identity> identities) {
        if (data.isEmpty() || identities.isEmpty()) {
            return identities;
        }
        Map<String, Object> rest = new LinkedHashMap<>(data);
        identities.forEach(i -> i.providerData().keySet().forEach(rest::remove));
        if (rest.isEmpty()) {
            return identities;
        }
        int target = 0;
        for (int k = 0; k < identities.size(); k++) {
            if (!identities.get(k).providerType().equals(User.ANON_PROVIDER)) {
                target = k;
                break;
            }
        }
        List<Identity> out = new ArrayList<>(identities);
        Identity t = out.get(target);
        Map<String, Object> merged = new LinkedHashMap<>(t.providerData());
        merged.putAll(rest);
        out.set(target, new Identity(t.providerType(), t.subject(), merged, t.createdAt()));
        return out;
    }
}
