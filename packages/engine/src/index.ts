/**
 * @fanzha/engine — fanzha's pure screening logic. No I/O, no clock, no globals: data in, data out.
 * Time is always an argument. This file is the package's only public entry.
 */
export * from './screening/index.js';
export * from './detect/index.js';
export * from './correlate/index.js';
