-- Gives every tenant (or only the tenant :'tenant', when not empty) :tags
-- tags, unless it has tags already, and :items more items, each with two
-- of those tags, created by one of the tenant's members (round robin) and
-- assigned to another,
-- in the shape the API writes them. Run with
-- psql -v items=N -v tags=M -v tenant= after the members exist (seed.sql). Rows are inserted directly: creating
-- 100,000 items through the API would take most of an hour and measure
-- nothing the benchmark is about. Columns a later schema adds to these
-- tables must have defaults, or this script names them.

\set ON_ERROR_STOP on

CREATE FUNCTION pg_temp.uuid7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING
    substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
    FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
$$;

BEGIN;

INSERT INTO work_tags (tenant_id, id, name, name_key, color, created_at, updated_at)
SELECT t.id, pg_temp.uuid7(), format('tag-%s', n), format('tag-%s', n),
       format('#%s', lpad(to_hex((n * 1234567) % 16777216), 6, '0')), now(), now()
FROM tenants t CROSS JOIN generate_series(1, :tags) AS n
WHERE (:'tenant' = '' OR t.id = NULLIF(:'tenant', '')::uuid)
  AND NOT EXISTS (SELECT FROM work_tags w WHERE w.tenant_id = t.id);

-- Each tenant's members, numbered, for round-robin creators.
CREATE TEMP TABLE member_no ON COMMIT DROP AS
SELECT tenant_id, user_id, row_number() OVER (PARTITION BY tenant_id ORDER BY id) - 1 AS no,
       count(*) OVER (PARTITION BY tenant_id) AS members
FROM memberships;

CREATE TEMP TABLE tag_no ON COMMIT DROP AS
SELECT tenant_id, id AS tag_id, row_number() OVER (PARTITION BY tenant_id ORDER BY id) - 1 AS no
FROM work_tags;

CREATE TEMP TABLE seeded ON COMMIT DROP AS
SELECT t.id AS tenant_id, pg_temp.uuid7() AS id, n,
       (ARRAY['TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE', 'ARCHIVED'])[1 + n % 5] AS status,
       (n % 4)::smallint AS priority,
       clock_timestamp() - make_interval(mins => :items - n) AS created_at
FROM tenants t CROSS JOIN generate_series(1, :items) AS n
WHERE :'tenant' = '' OR t.id = NULLIF(:'tenant', '')::uuid;

INSERT INTO work_items (tenant_id, id, title, title_key, description, status, priority, due_date,
  estimated_hours, actual_hours, team_id, parent_id, version, created_by, created_at, updated_at,
  completed_at)
SELECT s.tenant_id, s.id, format('Item %s of the backlog', s.n), format('item %s of the backlog', s.n),
       format('What item %s is about, in a sentence or two.', s.n), s.status, s.priority,
       CASE WHEN s.n % 3 = 0 THEN (s.created_at + interval '14 days')::date END,
       (s.n % 16)::double precision, NULL, NULL, NULL, 1, m.user_id, s.created_at, s.created_at,
       CASE WHEN s.status = 'DONE' THEN s.created_at + interval '2 days' END
FROM seeded s
JOIN member_no m ON m.tenant_id = s.tenant_id AND m.no = s.n % m.members;

-- One assignee each, the member after the creator.
INSERT INTO work_item_assignees (tenant_id, item_id, user_id)
SELECT s.tenant_id, s.id, m.user_id
FROM seeded s
JOIN member_no m ON m.tenant_id = s.tenant_id AND m.no = (s.n + 1) % m.members;

INSERT INTO work_item_tags (tenant_id, item_id, tag_id)
SELECT s.tenant_id, s.id, g.tag_id
FROM seeded s
JOIN tag_no g ON g.tenant_id = s.tenant_id
  AND g.no IN (s.n % :tags, (s.n + 1) % :tags);

COMMIT;

VACUUM ANALYZE;
