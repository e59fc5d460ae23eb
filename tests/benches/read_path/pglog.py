#!/usr/bin/env python3
"""Turns the PostgreSQL log of captured requests into pgbench scripts.

  pglog.py PGLOG DBNAME WINDOWS OUTDIR KIND prepared|literal

WINDOWS holds one `start end` byte range of PGLOG a line, one per request
(client.py capture). For each request this writes OUTDIR/KIND-NNN.sql, the
statements that request sent in order, for pgbench to replay exactly its
database work, and OUTDIR/KIND-check.sql, all of them for one psql run.
A request that sent no statement (answered from the server's memory) gets
no script.

- prepared: like the server, which prepares each statement once per
  connection and then only binds values: every script first PREPAREs each
  distinct statement of KIND once per pgbench client (`\if` on the variable
  replay_prepared, which pgbench must start at 0 with -D), then EXECUTEs it
  with the logged values. (pgbench -M prepared on scripts with inlined
  values would prepare every tenant's copy on every connection, and at a
  few hundred requests per second that preparing is most of the run.)
- literal: the logged values inlined into the statements as literals; the
  database parses and plans every statement every time.

It prints statements per request and the statements of the first request
that sent any.
It reads the stderr log format of Debian's default log_line_prefix
(`%m [%p] %q%u@%d `): a message starts on a line holding `user@db LEVEL:  `,
its further lines start with a tab, and a backend writes one message and its
DETAIL in a single write, so they are never interleaved with another's.
"""

import re
import sys

PARAM = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')(?:, |$)")
QUOTED = re.compile(r"""('(?:[^']|'')*'|"(?:[^"]|"")*")""")
# pgbench turns `:name` into a variable, even inside a string literal.
PGBENCH_VARIABLE = re.compile(r"(?<!:):[A-Za-z_\x80-\uffff]")


def messages(path, db, start, end):
    """(offset, level, text) of each message of `db` in bytes [start, end)."""
    header = re.compile(r"@" + re.escape(db) + r" ([A-Z]+):  (.*)")
    with open(path, "rb") as log:
        log.seek(start)
        chunk = log.read(end - start)
    offset, current = start, None
    for raw in chunk.splitlines(keepends=True):
        line = raw.decode("utf-8", errors="replace").rstrip("\n")
        if line.startswith("\t"):
            if current:
                current[2] += "\n" + line[1:]
        else:
            if current:
                yield tuple(current)
            match = header.search(line)
            current = [offset, match.group(1), match.group(2)] if match else None
        offset += len(raw)
    if current:
        yield tuple(current)


def literal(value):
    """A logged parameter as an untyped SQL literal pgbench leaves alone."""
    if value == "NULL" or not PGBENCH_VARIABLE.search(value):
        return value
    # A Unicode-escape string is still an untyped literal; `\003A` is ':'.
    inner = value[1:-1].replace("\\", "\\\\").replace(":", "\\003A")
    return "U&'" + inner + "'"


def inline(sql, params):
    """Replaces $n outside quotes with the logged value of parameter n."""
    parts = QUOTED.split(sql)
    for i in range(0, len(parts), 2):
        parts[i] = re.sub(r"\$(\d+)(?!\d)", lambda m: params[int(m.group(1))], parts[i])
    return "".join(parts)


def statements(records):
    """[(as logged, SQL, {n: literal} or None)] from the messages of one request."""
    out, pending = [], None
    for _, level, text in records:
        if level == "LOG" and text.startswith("statement: "):
            out.append((text, text[len("statement: "):], None))
            pending = None
        elif level == "LOG" and (m := re.match(r"execute ([^:]*): (.*)", text, re.S)):
            pending = {}
            out.append((text, m.group(2), pending))
        elif level == "DETAIL" and text.startswith("parameters: ") and pending is not None:
            pending.update({int(n): literal(v) for n, v in PARAM.findall(text[len("parameters: "):])})
        elif level in ("ERROR", "FATAL"):
            raise SystemExit(f"a captured request failed in PostgreSQL: {text}")
    return out


def balanced(request):
    """The request's statements with its transactions closed. A dropped
    read-only transaction's ROLLBACK reaches PostgreSQL only when its
    connection is next used: it shows up at the start of whatever request
    comes next on that connection, and not at the end of its own. Replayed,
    each request ends its own transactions."""
    simple = lambda sql, word: sql.strip().rstrip(";").upper() == word
    while request and request[0][2] is None and simple(request[0][1], "ROLLBACK"):
        request = request[1:]
    depth = 0
    for _, sql, params in request:
        if params is None and simple(sql, "BEGIN"):
            depth += 1
        elif params is None and (simple(sql, "COMMIT") or simple(sql, "ROLLBACK")):
            depth = max(depth - 1, 0)
    return request + [("ROLLBACK (deferred)", "ROLLBACK", None)] * depth


def check_pgbench(sql):
    for part in QUOTED.split(sql)[::2]:
        if PGBENCH_VARIABLE.search(part):
            raise SystemExit(f"pgbench would read a variable in: {sql[:200]}")
    return sql.rstrip().rstrip(";") + ";\n"


def replay(request, names, mode):
    """The pgbench lines of one request."""
    lines = []
    for _, sql, params in request:
        if params is None:  # sent as a simple query: replayed as sent
            lines.append(sql)
        elif mode == "literal":
            lines.append(inline(sql, params))
        else:
            args = ", ".join(params[n] for n in sorted(params))
            lines.append(f"EXECUTE {names[sql]}" + (f"({args})" if args else ""))
    return [check_pgbench(line) for line in lines]


def one_line(text, width=170):
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def main(pglog, db, windows_path, outdir, kind, mode):
    with open(windows_path, encoding="utf-8") as f:
        windows = [tuple(map(int, line.split())) for line in f if line.strip()]
    every = list(messages(pglog, db, windows[0][0], windows[-1][1]))
    requests = [balanced(statements(r for r in every if start <= r[0] < end))
                for start, end in windows]
    # A request answered from the server's memory (`me` with a caller it
    # keeps) sends no statement: there is nothing of it to replay.
    silent = sum(1 for request in requests if not request)
    names = {}
    for request in requests:
        for _, sql, params in request:
            if params is not None:
                names.setdefault(sql, f"{kind}_{len(names) + 1}")
    prepare = [check_pgbench(f"PREPARE {name} AS {sql}") for sql, name in names.items()]
    if mode == "literal":
        prepare = []
    with open(f"{outdir}/{kind}-check.sql", "w", encoding="utf-8") as check:
        check.writelines(prepare)
        for n, request in enumerate(requests, 1):
            if not request:
                continue
            body = replay(request, names, mode)
            check.writelines(body)
            with open(f"{outdir}/{kind}-{n:03d}.sql", "w", encoding="utf-8") as script:
                if prepare:
                    script.writelines(["\\if :replay_prepared = 0\n", *prepare,
                                       "\\set replay_prepared 1\n", "\\endif\n"])
                script.writelines(body)
        check.write("DEALLOCATE ALL;\n")
    counts = [len(r) for r in requests]
    stray = sum(1 for r in every if r[1] == "LOG" and not any(s <= r[0] < e for s, e in windows))
    if stray:
        print(f"  warning: {stray} statements were logged between captured requests")
    if silent:
        print(f"  {kind}: {silent} of {len(requests)} requests sent no statement; "
              "only the others are replayed")
    print(f"  {kind}: {min(counts)}..{max(counts)} statements per request "
          f"(mean {sum(counts) / len(counts):.2f}), {len(names)} distinct")
    sample = next((r for r in requests if r), [])
    for i, (logged, _, _) in enumerate(sample, 1):
        print(f"    {i}. {one_line(logged)}")
    print(f"STATEMENTS {sum(counts) / len(counts):.2f}")


if __name__ == "__main__":
    if len(sys.argv) != 7 or sys.argv[6] not in ("prepared", "literal"):
        sys.exit(__doc__)
    main(*sys.argv[1:])
