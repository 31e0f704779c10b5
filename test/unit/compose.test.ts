import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface Service {
  image?: string;
  build?: unknown;
  command?: string | string[];
  environment?: Record<string, string>;
  volumes?: string[];
  healthcheck?: { test: string | string[] };
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
  restart?: string;
  stop_grace_period?: string;
}

interface Compose {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
}

const root = new URL('../../', import.meta.url);
// `merge: true` resolves the `<<` merge keys the file shares settings with, as Compose does.
const compose = parse(readFileSync(new URL('docker-compose.yml', root), 'utf8'), {
  merge: true,
}) as Compose;
const service = (name: string): Service => {
  const found = compose.services[name];
  assert.ok(found, `service ${name} exists`);
  return found;
};
const words = (command: Service['command']): string[] =>
  Array.isArray(command) ? command : (command ?? '').split(/\s+/);
const healthTest = (name: string): string =>
  [service(name).healthcheck?.test ?? []].flat().join(' ');

describe('docker-compose.yml', () => {
  test('has every promised service', () => {
    for (const name of ['redis', 'elasticsearch', 'kibana', 'setup', 'scheduler', 'worker']) {
      service(name);
    }
  });

  test('redis keeps an append-only file, never evicts, and is health-checked', () => {
    const command = words(service('redis').command);
    assert.equal(command[command.indexOf('--appendonly') + 1], 'yes');
    assert.equal(command[command.indexOf('--maxmemory-policy') + 1], 'noeviction');
    assert.match(healthTest('redis'), /redis-cli ping/);
  });

  test('Elasticsearch and Kibana run the same version, health-checked', () => {
    const tag = (name: string) => service(name).image?.split(':').at(-1);
    assert.match(tag('elasticsearch') ?? '', /^8\.19\.\d+$/);
    assert.equal(tag('kibana'), tag('elasticsearch'));
    assert.match(healthTest('elasticsearch'), /_cluster\/health/);
    assert.match(healthTest('kibana'), /\/api\/status/);
    assert.equal(service('elasticsearch').environment?.['discovery.type'], 'single-node');
    assert.ok(service('elasticsearch').environment?.ES_JAVA_OPTS?.includes('-Xmx'));
    assert.equal(service('kibana').depends_on?.elasticsearch?.condition, 'service_healthy');
  });

  test('every long-running service has a healthcheck or waits for healthy services', () => {
    for (const [name, svc] of Object.entries(compose.services)) {
      if (svc.restart === 'no') continue;
      const waitsForHealthy = Object.values(svc.depends_on ?? {}).some(
        (dep) => dep.condition === 'service_healthy',
      );
      assert.ok(svc.healthcheck !== undefined || waitsForHealthy, name);
    }
  });

  test('setup runs once after Elasticsearch is healthy', () => {
    const setup = service('setup');
    assert.deepEqual(words(setup.command), ['setup']);
    assert.equal(setup.restart, 'no');
    assert.equal(setup.depends_on?.elasticsearch?.condition, 'service_healthy');
  });

  test('setup provisions Kibana once it is healthy', () => {
    const setup = service('setup');
    assert.equal(setup.depends_on?.kibana?.condition, 'service_healthy');
    assert.equal(setup.environment?.KIBANA_URL, 'http://kibana:5601');
  });

  test('scheduler and workers wait for redis, Elasticsearch and a finished setup', () => {
    for (const name of ['scheduler', 'worker']) {
      const svc = service(name);
      assert.deepEqual(words(svc.command), [name]);
      assert.equal(svc.depends_on?.redis?.condition, 'service_healthy', name);
      assert.equal(svc.depends_on?.elasticsearch?.condition, 'service_healthy', name);
      assert.equal(svc.depends_on?.setup?.condition, 'service_completed_successfully', name);
      assert.equal(svc.stop_grace_period, '60s', name);
      assert.equal(svc.restart, 'unless-stopped', name);
      assert.ok(svc.volumes?.includes('./config:/app/config:ro'), name);
      for (const key of ['REDIS_URL', 'ELASTICSEARCH_URL']) {
        assert.ok(svc.environment?.[key], `${name} ${key}`);
      }
    }
    assert.equal(service('worker').deploy?.replicas, 2);
  });

  test('data lives in declared named volumes', () => {
    const named = (name: string) => (service(name).volumes ?? []).map((v) => v.split(':')[0]);
    for (const name of ['redis', 'elasticsearch']) {
      const volume = named(name)[0] ?? '';
      assert.ok(volume in compose.volumes, `${name} uses declared volume ${volume}`);
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(new URL('Dockerfile', root), 'utf8');
  const lines = dockerfile.split('\n').filter((line) => /^[A-Z]+\s/.test(line));
  const runtimeStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  test('builds in stages from node:20-slim and starts bin/presswatch.js', () => {
    const froms = lines.filter((line) => line.startsWith('FROM '));
    assert.ok(froms.length >= 2, 'multi-stage');
    assert.ok(froms.every((line) => line.startsWith('FROM node:20-slim')));
    assert.ok(lines.includes('ENTRYPOINT ["node", "bin/presswatch.js"]'));
    assert.ok(lines.includes('CMD ["run"]'));
    assert.match(dockerfile, /npm ci/);
    assert.match(dockerfile, /npm run build/);
  });

  test('the runtime stage bounds the V8 heap, which keeps a worker under 300 MB', () => {
    assert.match(runtimeStage, /NODE_OPTIONS=--max-old-space-size=192\b/);
  });

  test('the runtime stage runs as a non-root user', () => {
    const users = runtimeStage.match(/^USER\s+(\S+)/gm) ?? [];
    const last = users.at(-1)?.split(/\s+/)[1];
    assert.ok(last !== undefined && last !== 'root' && last !== '0', `USER ${last}`);
  });
});
