import { describe, expect, it } from 'vitest';
import { formatBytes } from './format';

describe('sizes', () => {
  it('reads bytes in binary units, with a decimal only below ten', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1 KiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(10 * 1024 + 300)).toBe('10 KiB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MiB');
    expect(formatBytes(2.25 * 1024 * 1024 * 1024)).toBe('2.3 GiB');
    expect(formatBytes(5 * 1024 ** 5)).toBe('5120 TiB');
  });
});
