import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KibanaImportError, importSavedObjects } from '../../src/kibana/client.js';
import { kibanaObjects, toNdjson } from '../../src/kibana/objects.js';
import { provisionKibana } from '../../src/kibana/provision.js';

interface Received {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A stand-in for Kibana's import endpoint on loopback: records requests, answers `reply`. */
async function withKibana(
  reply: { status: number; body: unknown },
  run: (url: string, received: Received[]) => Promise<void>,
): Promise<void> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, received);
  } finally {
    server.close();
  }
}

describe('Kibana import client', () => {
  test('posts the NDJSON as a multipart file with overwrite=true and kbn-xsrf, twice alike', async () => {
    const objects = kibanaObjects('analyst');
    await withKibana(
      { status: 200, body: { success: true, successCount: objects.length } },
      async (url, received) => {
        const first = await provisionKibana(url, 'analyst');
        await provisionKibana(`${url}/`, 'analyst');
        assert.deepEqual(first, {
          imported: objects.length,
          dashboardId: 'analyst-articles-coverage',
        });
        assert.equal(received.length, 2);
        for (const request of received) {
          assert.equal(request.method, 'POST');
          assert.equal(request.url, '/api/saved_objects/_import?overwrite=true');
          assert.ok(request.headers['kbn-xsrf']);
          assert.match(request.headers['content-type'] ?? '', /^multipart\/form-data; boundary=/);
          assert.match(request.body, /filename="presswatch\.ndjson"/);
          assert.ok(request.body.includes(toNdjson(objects)));
        }
      },
    );
  });

  test('with security on, the Elasticsearch credentials go to Kibana as ApiKey or Basic', async () => {
    await withKibana(
      { status: 200, body: { success: true, successCount: 1 } },
      async (url, received) => {
        await provisionKibana(url, 'analyst', { apiKey: 'aWQ6a2V5' });
        await provisionKibana(url, 'analyst', { username: 'elastic', password: 'pw' });
        await provisionKibana(url, 'analyst');
        assert.deepEqual(
          received.map((r) => r.headers.authorization),
          ['ApiKey aWQ6a2V5', `Basic ${Buffer.from('elastic:pw').toString('base64')}`, undefined],
        );
      },
    );
  });

  test('objects Kibana refuses fail setup with their ids and reasons', async () => {
    const body = {
      success: false,
      successCount: 0,
      errors: [{ type: 'lens', id: 'x', error: { type: 'missing_references' } }],
    };
    await withKibana({ status: 200, body }, async (url) => {
      await assert.rejects(importSavedObjects(url, '{}\n'), (err: unknown) => {
        assert.ok(err instanceof KibanaImportError);
        assert.match(err.message, /lens x: .*missing_references/);
        return true;
      });
    });
  });

  test('an HTTP error or an unreachable Kibana is a KibanaImportError', async () => {
    await withKibana(
      { status: 503, body: { message: 'Kibana server is not ready yet' } },
      async (url) => {
        await assert.rejects(importSavedObjects(url, '{}\n'), /answered 503: .*not ready/);
      },
    );
    await assert.rejects(importSavedObjects('http://127.0.0.1:1', '{}\n'), KibanaImportError);
  });
});
