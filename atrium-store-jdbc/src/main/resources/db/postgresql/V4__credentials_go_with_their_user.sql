-- Deleting a user deletes its credentials: to come back, the person signs up
-- again and gets a new id. Identities, sessions and API keys already go by ON DELETE CASCADE
-- from users. An e-mail/password account cannot: it exists before any user holds it (the user is
-- made at the first login, or when a guest links it), so it has no user to reference. Instead, when
-- a local-userpass identity goes (by the cascade of any user delete: logout, self, admin, bulk,
-- sweeper), the account it names goes with it in the same transaction, pending confirmation and
-- reset tokens included (they are columns of the account). The WHEN clause is evaluated without
-- calling the function, so the sweeper's guests (anon-user identities only) pay next to nothing.

CREATE FUNCTION identities_delete_userpass() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM userpass WHERE app_id = OLD.app_id AND id = OLD.subject;
    RETURN NULL;
END
$$;

CREATE TRIGGER identities_delete_userpass AFTER DELETE ON identities
    FOR EACH ROW WHEN (OLD.provider_type = 'local-userpass')
    EXECUTE FUNCTION identities_delete_userpass();
