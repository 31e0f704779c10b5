import { readFileSync } from 'node:fs';

/** The package version, read once; this file sits two levels below package.json in src/ and dist/. */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/** The package root, where the bundled config/ and test/fixtures/ live. */
export const PACKAGE_ROOT = new URL('../../', import.meta.url);
