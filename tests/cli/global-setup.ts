import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '../support/server.mjs';

/** The tests run the CLI as users do (node dist/cli/kanjian.mjs): rebuild it from the sources first. */
export default function globalSetup(): void {
  execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: REPO_ROOT, stdio: 'inherit' });
}
