package dev.atrium.core.idp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the OAuth providers' App Services configurations (Google, Facebook, Apple: App Services'
 * {@code metadata_fields} and {@code domain_restrictions}) have that Atrium does not: a provider
 * copies a fixed set of profile fields, and restricts no e-mail domain.
 */
public final class AppServicesOAuth {
    private AppServicesOAuth() {}

    /**
     * One line per metadata field outside {@code copied} (the profile fields the provider always
     * copies) or marked required, and one for any domain restriction.
     */
    public static List<String> unmapped(List<Map<String, Object>> metadataFields, List<String> domainRestrictions,
                                        Set<String> copied) {
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> field : metadataFields) {
            if (!(field.get("name") instanceof String name)) {
                continue;
            }
            if (!copied.contains(name)) {
                lines.add("metadata_fields " + name + ": Atrium copies only " + String.join(", ", copied.stream().sorted()
                        .toList()) + " into the profile");
            } else if (Boolean.TRUE.equals(field.get("required"))) {
                lines.add("metadata_fields " + name + " required: Atrium accepts a sign-in without it");
            }
        }
        if (!domainRestrictions.isEmpty()) {
            lines.add("domain_restrictions " + String.join(", ", domainRestrictions)
                    + ": Atrium restricts no e-mail domain; check the profile's email in your app");
        }
        return lines;
    }
}
