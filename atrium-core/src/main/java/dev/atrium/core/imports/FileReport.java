package dev.atrium.core.imports;

/**
 * What became of one users file.
 *
 * @param records records read (users, pending registrations and refused ones alike)
 * @param created users that were not in the store
 * @param updated users an earlier run had written, brought up to date
 * @param refused records read and left out: invalid, duplicated in the input, or clashing with the store
 * @param pending pending e-mail registrations, left out (their people register again)
 * @param apiKeyIdentities API-key identities left out (App Services cannot export keys)
 * @param complete false when malformed JSON stopped the reading before the end of the file (what
 *     follows it is neither read nor counted)
 */
public record FileReport(String file, long records, long created, long updated, long refused, long pending,
                         long apiKeyIdentities, boolean complete, double seconds) {}
