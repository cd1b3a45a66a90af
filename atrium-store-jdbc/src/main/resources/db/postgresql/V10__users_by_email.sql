-- Finding users by e-mail (docs/stores.md, "Finding users"): the admin API's search takes the start of
-- an address and looks it up as a range on the lower-case e-mail of the identities' provider data
-- (local-userpass, Google, Apple, Facebook and custom providers put it under "email"). In the "C"
-- collation, so the index is in code point order and a prefix is one range whatever the database's
-- collation. Partial: identities without an e-mail (every guest's) are not in it, so a guest
-- sign-up writes nothing more. Provider data with the JSON escape of U+0000, which PostgreSQL cannot
-- turn into text, counts as having no e-mail instead of failing its insert. The expression is
-- exactly PostgresDialect.identityEmail's, which the planner matches to use the index.
CREATE INDEX identities_by_email ON identities
    (app_id, (lower(CASE WHEN strpos(provider_data, '\u0000') = 0 THEN provider_data::json ->> 'email' END) COLLATE "C"))
    WHERE lower(CASE WHEN strpos(provider_data, '\u0000') = 0 THEN provider_data::json ->> 'email' END) IS NOT NULL;
