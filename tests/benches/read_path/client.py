#!/usr/bin/env python3
"""GraphQL calls of the read-path benchmark (Python 3 standard library only).

  client.py body KIND                                  print the JSON body of a measured request
  client.py seed URL TENANTS PASSWORD OWNERS TOKENS    sign up owners, create their tenants
  client.py signin URL OWNERS PASSWORD COUNT PARALLEL TOKENS
                                                       COUNT tenant-scoped sign-ins; fresh tokens
  client.py check URL TOKENS KIND MEMBERS              every token once: 200, no errors, full page
  client.py capture URL TOKENS KIND PGLOG WINDOWS      one request per token, each with the byte
                                                       range of the PostgreSQL log it wrote
  client.py time URL TOKEN COUNT QUERY                 COUNT requests one after another: p50, p99 ms

OWNERS is a TSV of email and tenant id, TOKENS one access token a line,
both in tenant order.
"""

import concurrent.futures
import json
import os
import sys
import time
import urllib.error
import urllib.request

QUERIES = {
    "members": "{ tenant { members(first: 50) { edges { node { user { email name } role joinedAt } } } } }",
    "me": "{ me { id } }",
    "items": "{ items(first: 50, orderBy: {field: CREATED_AT, direction: DESC}) { edges { node "
             "{ id title status priority createdAt creator { email } tags { name } } } } }",
}
# Statements of a request are logged before its response is sent; this
# pause also catches any work a request leaves running after answering
# (run.sh warns if statements show up between captured requests anyway).
SETTLE_SECONDS = 0.05


def gql(url, query, variables=None, token=None):
    """POSTs one operation; returns `data`, raising on any error."""
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(url, body, headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status, text = response.status, response.read().decode()
    except urllib.error.HTTPError as err:
        status, text = err.code, err.read().decode(errors="replace")
    reply = json.loads(text) if text.startswith("{") else {}
    if status != 200 or reply.get("errors") or reply.get("data") is None:
        raise RuntimeError(f"HTTP {status}: {text[:500]}")
    return reply["data"]


SIGN_UP = """mutation($i: SignUpInput!) { signUp(input: $i) { accessToken } }"""
CREATE_TENANT = """mutation($i: CreateTenantInput!) { createTenant(input: $i) { tenant { id } } }"""
SIGN_IN = """mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }"""


def seed_owner(url, n, password):
    """One owner: sign up, create a PRO tenant (50 members fit its limit of
    100), then sign in to it for a tenant-scoped token."""
    email = f"owner{n:04d}@bench.test"
    token = gql(url, SIGN_UP, {"i": {"email": email, "password": password, "name": f"Owner {n}"}})[
        "signUp"]["accessToken"]
    tenant = gql(url, CREATE_TENANT, {"i": {"name": f"Bench {n}", "slug": f"bench-{n:04d}", "plan": "PRO"}},
                 token)["createTenant"]["tenant"]["id"]
    return email, tenant, sign_in(url, email, password, tenant)


def sign_in(url, email, password, tenant):
    data = gql(url, SIGN_IN, {"i": {"email": email, "password": password, "tenantId": tenant}})
    return data["signIn"]["accessToken"]


def write_lines(path, lines):
    with open(path, "w", encoding="utf-8") as out:
        out.writelines(line + "\n" for line in lines)


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def seed(url, tenants, password, owners_path, tokens_path):
    # Argon2 dominates; a few at a time keep both cores busy without
    # piling up 19 MiB buffers.
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        owners = list(pool.map(lambda n: seed_owner(url, n, password), range(1, int(tenants) + 1)))
    write_lines(owners_path, [f"{email}\t{tenant}" for email, tenant, _ in owners])
    write_lines(tokens_path, [token for _, _, token in owners])


def signin(url, owners_path, password, count, parallel, tokens_path):
    owners = [line.split("\t") for line in read_lines(owners_path)]
    if int(count) < len(owners):
        raise RuntimeError(f"{count} sign-ins cannot give each of {len(owners)} tenants a token")
    tokens = [""] * len(owners)

    def one(i):  # round-robin over the tenants; any of a tenant's tokens will do
        email, tenant = owners[i % len(owners)]
        tokens[i % len(owners)] = sign_in(url, email, password, tenant)

    with concurrent.futures.ThreadPoolExecutor(int(parallel)) as pool:
        list(pool.map(one, range(int(count))))
    write_lines(tokens_path, tokens)


def check(url, tokens_path, kind, members):
    for token in read_lines(tokens_path):
        data = gql(url, QUERIES[kind], token=token)
        if kind == "members" and len(data["tenant"]["members"]["edges"]) != int(members):
            raise RuntimeError(f"expected {members} members, got: {json.dumps(data)[:300]}")
        if kind == "me" and not data["me"]["id"]:
            raise RuntimeError(f"no id in {data}")
        if kind == "items":
            edges = data["items"]["edges"]
            if len(edges) != 50 or any(len(e["node"]["tags"]) != 2 or not e["node"]["creator"]
                                       for e in edges):
                raise RuntimeError(f"expected 50 items with a creator and 2 tags: {json.dumps(data)[:300]}")


def capture(url, tokens_path, kind, pglog, windows_path):
    tokens = read_lines(tokens_path)
    # A first pass warms every tenant (pool connections, prepared statements,
    # caches) so that the second pass records what a steady request sends.
    for token in tokens:
        gql(url, QUERIES[kind], token=token)
    time.sleep(SETTLE_SECONDS)
    windows = []
    for token in tokens:
        start = os.path.getsize(pglog)
        gql(url, QUERIES[kind], token=token)
        time.sleep(SETTLE_SECONDS)
        windows.append(f"{start} {os.path.getsize(pglog)}")
    write_lines(windows_path, windows)


def timed(url, token, count, query):
    """Latency of one query sent alone, COUNT times after one warm-up."""
    gql(url, query, token=token)
    times = []
    for _ in range(int(count)):
        start = time.perf_counter()
        gql(url, query, token=token)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p50 = times[len(times) // 2]
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"{p50:.1f} {p99:.1f}")


def main(argv):
    commands = {"seed": seed, "signin": signin, "check": check, "capture": capture, "time": timed}
    if len(argv) == 2 and argv[0] == "body":
        print(json.dumps({"query": QUERIES[argv[1]]}))
    elif argv and argv[0] in commands:
        commands[argv[0]](*argv[1:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except (RuntimeError, OSError) as err:
        sys.exit(f"client.py {' '.join(sys.argv[1:2])}: {err}")
