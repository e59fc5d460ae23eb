/** A server time, in the reader's locale. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}

export function formatMs(value: number): string {
  return `${value.toFixed(value < 10 ? 3 : 1)} ms`;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** A size in bytes the way people read it: `512 B`, `1.5 KiB`, `10 MiB`.
 * Binary units, as the server's limits are set in them. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // One decimal only where it says something (1.5 KiB, not 123.4 KiB).
  const shown = unit === 0 || Math.abs(value) >= 10 ? Math.round(value).toString() : (Math.round(value * 10) / 10).toString();
  return `${shown} ${BYTE_UNITS[unit]}`;
}
