-- Accounts without a password: App Services never exports password hashes, so the e-mail/password
-- accounts `atrium import app-services` brings over have none (password_hash = '') until their
-- first reset. The bulk invitation to set one walks them by id, through this index only; an account
-- leaves it with its first password.
CREATE INDEX userpass_without_password ON userpass (app_id, id) WHERE password_hash = '';
