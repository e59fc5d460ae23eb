-- Runs once, when the PostgreSQL container first creates its data directory.
-- Two roles: the owner, who creates the tables (migrations), and the
-- server's own, which owns nothing, so PostgreSQL's row-level security
-- holds it (README: PostgreSQL and Docker). Change the passwords for
-- anything but a try-out, here and in compose.yaml.
CREATE ROLE trellis_owner LOGIN PASSWORD 'trellis_owner';
CREATE ROLE trellis_app LOGIN PASSWORD 'trellis_app';
ALTER DATABASE trellis OWNER TO trellis_owner;
\connect trellis
ALTER SCHEMA public OWNER TO trellis_owner;
GRANT USAGE ON SCHEMA public TO trellis_app;
ALTER DEFAULT PRIVILEGES FOR ROLE trellis_owner IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO trellis_app;
