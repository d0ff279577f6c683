import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script of the repository, without type declarations.
import { KERNELS, assemble } from '../../../../../scripts/build-wasm.mjs';
import { MOBILE_KERNEL_BASE64 } from './mobile-kernel-bytes.js';

describe('the mobile lookup kernel', () => {
  it('is the assembled text of mobile-kernel.wat (run `npm run build:wasm` after editing it)', async () => {
    const kernel = (KERNELS as Array<{ wat: string; name: string }>).find(
      (k) => k.name === 'MOBILE_KERNEL_BASE64',
    )!;
    expect(await assemble(kernel.wat)).toBe(MOBILE_KERNEL_BASE64);
  });
});
