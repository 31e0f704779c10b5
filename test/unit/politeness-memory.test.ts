import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryHostGate } from '../../src/politeness/memory-gate.js';
import { HostBusyError } from '../../src/core/stage-errors.js';

test('the in-memory gate keeps the gap and the concurrency cap per host', async () => {
  let clock = 1_000;
  const gate = createMemoryHostGate({ minGapMs: 500, maxConcurrent: 2 }, () => clock);
  const first = await gate.acquire('a.example');
  await assert.rejects(gate.acquire('a.example'), (err: HostBusyError) => err.waitMs === 500);
  await gate.acquire('b.example');
  clock += 500;
  const second = await gate.acquire('a.example');
  clock += 500;
  await assert.rejects(gate.acquire('a.example'), HostBusyError, 'two in flight');
  await first();
  await gate.acquire('a.example');
  await second();
});
