import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/index.js';
import { ConfigError } from '../../src/core/errors.js';
import { loadDedupeRules, urlIdentity } from '../../src/feeds/index.js';

function configDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pw-dedupe-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

test("the operator's dedupe.yaml replaces the lists it names and keeps the bundled others", () => {
  const dir = configDir({
    'dedupe.yaml': 'tracking_parameters: [utm_*, sid]\nvariant_host_prefixes: [www, m, mobil]\n',
  });
  const identity = urlIdentity(loadDedupeRules(dir));
  const id = identity.documentId('https://zeitung.example/politik/gipfel.html');
  const variants = [
    'https://zeitung.example/politik/gipfel.html?sid=a81f',
    'https://mobil.zeitung.example/politik/gipfel.html',
    'https://zeitung.example/politik/gipfel.html/amp',
  ];
  for (const variant of variants) {
    assert.equal(identity.documentId(identity.canonicalize(variant)!), id, variant);
  }
  assert.equal(
    identity.canonicalize('https://zeitung.example/a?fbclid=x'),
    'https://zeitung.example/a?fbclid=x',
    'its tracking list replaced the bundled one whole',
  );
});

test('without dedupe.yaml the bundled rules apply', () => {
  const identity = urlIdentity(loadDedupeRules(configDir({})));
  assert.equal(identity.canonicalize('https://a.example/x?fbclid=1'), 'https://a.example/x');
});

test('a wrong dedupe.yaml is reported together with the mistakes of feeds.yaml', () => {
  const dir = configDir({
    'feeds.yaml': 'feeds:\n  - id: Bad Id\n    url: not-a-url\n',
    'dedupe.yaml': 'variant_host_prefixes: [m.]\nunknown_rule: 1\n',
  });
  assert.throws(
    () => loadConfig(dir, {}),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      const text = err.issues.join('\n');
      assert.match(text, /feeds\.yaml/);
      assert.match(text, /dedupe\.yaml.*variant_host_prefixes/s);
      assert.match(text, /dedupe\.yaml.*unknown_rule/s);
      return true;
    },
  );
});
