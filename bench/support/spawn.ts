import { spawn, type ChildProcess } from 'node:child_process';

/** Starts the compiled `presswatch` binary, as operators run it (`npm run build` first). */
export function spawnBuilt(
  args: string[],
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, 'bin/presswatch.js', ...args], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
