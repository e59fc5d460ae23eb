/** A server time, in the reader's locale. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}

export function formatMs(value: number): string {
  return `${value.toFixed(value < 10 ? 3 : 1)} ms`;
}
