package dev.atrium.server.http.admin;

import dev.atrium.core.admin.AdminTokens;
import dev.atrium.core.admin.AppAdmin;
import dev.atrium.core.admin.EventAdmin;
import dev.atrium.core.admin.ServerKeys;
import dev.atrium.core.admin.StatsService;
import dev.atrium.core.admin.UserAdmin;
import dev.atrium.core.auth.passkey.PasskeyAdmin;
import dev.atrium.core.auth.password.UserpassAdmin;
import dev.atrium.core.imports.PasswordInvitations;

/** What the admin routes call. */
public record AdminServices(AdminTokens tokens, AppAdmin apps, UserAdmin users, ServerKeys serverKeys, StatsService stats,
                            EventAdmin events, PasskeyAdmin passkeys, UserpassAdmin accounts,
                            PasswordInvitations invitations) {}
