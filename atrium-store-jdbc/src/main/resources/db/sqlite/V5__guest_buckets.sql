-- Guest admission buckets stay in the server's memory on SQLite, one node's file (PostgreSQL keeps
-- them in the database, shared by its nodes). This version keeps both dialects' histories in step.
SELECT 1;
