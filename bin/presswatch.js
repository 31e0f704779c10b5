#!/usr/bin/env node
// The compiled CLI; `npm install` builds dist/ through the `prepare` script.
await import('../dist/cli/entry.js');
