#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx), so `npm start` and `npx pasja` need no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
