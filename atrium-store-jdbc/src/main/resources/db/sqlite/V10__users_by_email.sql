-- Finding users by e-mail (docs/stores.md, "Finding users"): the admin API's search takes the start of
-- an address and looks it up as a range on the lower-case e-mail of the identities' provider data
-- (local-userpass, Google, Apple, Facebook and custom providers put it under "email"). Partial:
-- identities without an e-mail (every guest's) are not in it, so a guest sign-up writes nothing
-- more. The expression is exactly SqliteDialect.identityEmail's: SQLite uses an index on an
-- expression only for that same expression.
CREATE INDEX identities_by_email ON identities (app_id, lower(json_extract(provider_data, '$.email')))
    WHERE lower(json_extract(provider_data, '$.email')) IS NOT NULL;
