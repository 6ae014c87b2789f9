// System packages for the test harness on Debian/Ubuntu: apt-get as root or through passwordless sudo, never
// a password prompt. KANJIAN_NO_INSTALL=1 turns installing off; the harness then only says what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { platform } from 'node:os';

let access;

/** How apt-get can run here: [] as root, a sudo prefix with passwordless sudo, null when it cannot. */
export function aptAccess() {
  if (access !== undefined) return access;
  access = null;
  if (process.env.KANJIAN_NO_INSTALL || platform() !== 'linux' || !existsSync('/usr/bin/apt-get')) return access;
  if (typeof process.getuid === 'function' && process.getuid() === 0) access = [];
  // sudo drops the environment: DEBIAN_FRONTEND goes through env(1).
  else if (spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) access = ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive'];
  return access;
}

let updated = false;

/** apt-get install (after one apt-get update per run); whether it succeeded. */
export function aptInstall(packages, { noRecommends = false } = {}) {
  const prefix = aptAccess();
  if (!prefix || packages.length === 0) return false;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => {
    const [cmd, ...rest] = [...prefix, 'apt-get', ...args];
    return spawnSync(cmd, rest, { stdio: 'inherit', env }).status === 0;
  };
  console.log(`Installing ${packages.join(' ')} with apt-get …`);
  if (!updated) {
    run(['update', '-qq']);
    updated = true;
  }
  return run(['install', '-y', '-qq', ...(noRecommends ? ['--no-install-recommends'] : []), ...packages]);
}
