import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { packagePath } from '../core/packagePath.ts';
import type { CountryIndexData, CountryIndexStore } from '../standardize/countryIndexStore.ts';

const PACKAGES = ['i18n-iso-countries', 'world-countries', 'countries-list'];

/** The installed version of a package, from the package.json above its entry point ("?" when not found). */
function installedVersion(name: string): string {
  try {
    let dir = dirname(createRequire(import.meta.url).resolve(name));
    for (let i = 0; i < 5; i++, dir = dirname(dir)) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name) return pkg.version ?? '?';
      } catch {
        // not this folder: go up
      }
    }
  } catch {
    // not resolvable: the signature still changes with everything else
  }
  return '?';
}

/** Where the build ships the country index it generated (`npm run build`, `prepare`): read-only at run time. */
export const SHIPPED_COUNTRY_INDEX_DIR = packagePath('dist', 'country-index');

/**
 * Keeps the country index in a JSON file per signature (the index's own plus the country packages' versions), in
 * `dir` (default `$LEADSIM_CACHE_DIR`, else `<os tmpdir>/leadsim-cache`). It reads the index the build shipped
 * first (`shipped`, default dist/country-index: generated at build time, so an installed CLI never builds it), then
 * `dir`; a signature that differs (another Node's ICU, the TypeScript sources under tsx) finds no file there and the
 * index is built and saved in `dir`. A file that cannot be read or written is ignored: the index is then built as
 * without a store. Writes go to a temporary file renamed into place, so processes started together never read half
 * a file.
 */
export function countryIndexFileStore(dir: string = process.env['LEADSIM_CACHE_DIR'] ?? join(tmpdir(), 'leadsim-cache'), shipped: string | undefined = SHIPPED_COUNTRY_INDEX_DIR): CountryIndexStore {
  const versions = PACKAGES.map((name) => `${name}@${installedVersion(name)}`).join(' ');
  const name = (signature: string) => `country-index-${createHash('sha256').update(`${signature} ${versions}`).digest('hex').slice(0, 24)}.json`;
  const read = (file: string): CountryIndexData | undefined => {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      return Array.isArray(data) ? (data as CountryIndexData) : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    load(signature) {
      return (shipped === undefined ? undefined : read(join(shipped, name(signature)))) ?? read(join(dir, name(signature)));
    },
    save(signature, data) {
      const target = join(dir, name(signature));
      const tmp = `${target}.${process.pid}.tmp`;
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(tmp, JSON.stringify(data));
        renameSync(tmp, target);
      } catch {
        rmSync(tmp, { force: true });
      }
    },
  };
}
