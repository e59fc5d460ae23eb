// Fails when src/gql/ is stale: regenerates into a scratch directory (which
// also fails when an operation no longer validates against ../schema.graphql)
// and compares every file with the committed one.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const committed = 'src/gql';
const scratch = mkdtempSync(join(tmpdir(), 'trellis-console-gql-'));
try {
  execFileSync('npx', ['graphql-codegen', '--config', 'codegen.ts'], {
    stdio: 'inherit',
    env: { ...process.env, CODEGEN_OUT: `${scratch}/` },
  });
  const names = new Set([...readdirSync(committed), ...readdirSync(scratch)]);
  const stale = [];
  for (const name of names) {
    let a = null;
    let b = null;
    try { a = readFileSync(join(committed, name), 'utf8'); } catch { /* missing */ }
    try { b = readFileSync(join(scratch, name), 'utf8'); } catch { /* missing */ }
    if (a !== b) stale.push(name);
  }
  if (stale.length > 0) {
    console.error(`src/gql is stale (${stale.join(', ')}): run \`npm run codegen\` and commit the result.`);
    process.exitCode = 1;
  } else {
    console.log('src/gql is up to date with the schema and the operations.');
  }
} catch (err) {
  console.error('codegen failed: an operation does not validate against ../schema.graphql, or codegen could not run.');
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
