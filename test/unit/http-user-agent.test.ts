import { test } from 'node:test';
import assert from 'node:assert/strict';
import { httpOptionsFromEnv } from '../../src/http/index.js';
import { loadEnv } from '../../src/config/env.js';

test('the default User-Agent names presswatch and the operator’s contact URL', () => {
  const withContact = httpOptionsFromEnv(
    loadEnv({ PRESSWATCH_CONTACT_URL: 'https://monitor.example/about' }),
    '1.2.3',
  );
  assert.equal(withContact.userAgent, 'presswatch/1.2.3 (+https://monitor.example/about)');
  const plain = httpOptionsFromEnv(loadEnv({}), '1.2.3');
  assert.equal(plain.userAgent, 'presswatch/1.2.3 (+https://github.com/presswatch/presswatch)');
  const custom = httpOptionsFromEnv(
    loadEnv({ PRESSWATCH_USER_AGENT: 'Mozilla/5.0 (monitor)' }),
    '1.2.3',
  );
  assert.equal(custom.userAgent, 'Mozilla/5.0 (monitor)');
});
