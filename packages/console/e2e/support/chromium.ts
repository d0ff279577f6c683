/** Debian's Chromium (apt-get install chromium); CHROMIUM_PATH points elsewhere if needed. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
