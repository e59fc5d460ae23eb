-- Gives every tenant :members members: its owner (signed up through the API)
-- and :members - 1 more inserted here, since signing 5,000 users up through
-- argon2 would take minutes. Run with psql -v members=N after the owners exist.
--
-- New rows are copies of the owner's users and memberships rows with the
-- identifying columns replaced, so columns a later schema adds get the
-- owner's values instead of failing the insert; the password hash is the
-- owner's too.

\set ON_ERROR_STOP on

-- A UUIDv7 like the server's ids (millisecond time first, version 7), so
-- members page by id in joining order after their owner.
CREATE FUNCTION pg_temp.uuid7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING
    substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
    FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
$$;

BEGIN;

CREATE TEMP TABLE seed ON COMMIT DROP AS
SELECT m.tenant_id,
       m.user_id AS owner_id,
       format('%s-m%s@bench.test', split_part(o.email, '@', 1), n) AS email,
       format('Member %s of %s', n, o.name) AS name,
       r.id AS role_id,
       pg_temp.uuid7() AS user_id,
       pg_temp.uuid7() AS membership_id
FROM memberships m
JOIN users o ON o.id = m.user_id
LEFT JOIN roles r ON r.tenant_id = m.tenant_id AND r.builtin = 'MEMBER'
CROSS JOIN generate_series(2, :members) AS n;

DO $$
BEGIN
  IF EXISTS (SELECT FROM seed WHERE role_id IS NULL) THEN
    RAISE EXCEPTION 'a tenant has no built-in MEMBER role (roles.builtin = ''MEMBER'')';
  END IF;
END
$$;

INSERT INTO users
SELECT copy.*
FROM seed s
JOIN users o ON o.id = s.owner_id
CROSS JOIN LATERAL jsonb_populate_record(o, jsonb_build_object(
  'id', s.user_id, 'email', s.email, 'name', s.name)) AS copy;

INSERT INTO memberships
SELECT copy.*
FROM seed s
JOIN memberships o ON o.tenant_id = s.tenant_id AND o.user_id = s.owner_id
CROSS JOIN LATERAL jsonb_populate_record(o, jsonb_build_object(
  'id', s.membership_id, 'user_id', s.user_id, 'role_id', s.role_id,
  'created_at', clock_timestamp())) AS copy;

COMMIT;

-- Planner statistics as a long-running database would have them.
VACUUM ANALYZE;
