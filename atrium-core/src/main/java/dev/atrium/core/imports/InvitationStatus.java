package dev.atrium.core.imports;

import java.time.Instant;

/**
 * Where a run of {@link PasswordInvitations} stands.
 *
 * @param sent reset messages delivered
 * @param throttled accounts skipped because their address had its message quota (a later run reaches them)
 * @param failed deliveries that failed (the account was left as it was)
 * @param finishedAt null while running
 * @param lastError the last failure, or why the run stopped; null when none
 */
public record InvitationStatus(String appId, State state, int perSecond, long sent, long throttled, long failed,
                               Instant startedAt, Instant finishedAt, String lastError) {

    public enum State { RUNNING, FINISHED, STOPPED, FAILED }
}
