// A private, real speech engine for browser tests: PulseAudio with a null sink (audio plays in real time
// into nothing) and speech-dispatcher with espeak-ng, both in a temporary directory, started fresh for each
// browser run and killed with SIGKILL afterwards (speech-dispatcher ignores SIGTERM when audio is stuck, and
// its state leaks between clients). The browser gets SPEECHD_ADDRESS and PULSE_SERVER; Chromium also needs
// --enable-speech-dispatcher. Debian/Ubuntu packages: SPEECH_PACKAGES below (`npm test` installs them where it
// can, scripts/provision-speech.mjs). Where any of it is missing, `available` is false and `reason` says what
// and how to install it.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MODULE_DIRS = ['/usr/lib/speech-dispatcher-modules', '/usr/lib/x86_64-linux-gnu/speech-dispatcher-modules', '/usr/lib/aarch64-linux-gnu/speech-dispatcher-modules', '/usr/libexec/speech-dispatcher-modules'];

/**
 * The Debian/Ubuntu packages of the engine, as .ci/run installs them: speech-dispatcher with its espeak-ng
 * module (espeak-ng has the Mandarin voice), and PulseAudio without its recommends (no desktop bits).
 */
export const SPEECH_PACKAGES = ['speech-dispatcher', 'speech-dispatcher-espeak-ng', 'espeak-ng'];
export const SPEECH_PACKAGES_NO_RECOMMENDS = ['pulseaudio'];

function which(cmd) {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

function waitFor(test, timeoutMs) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const tick = () => {
      if (test()) resolve(true);
      else if (Date.now() - t0 > timeoutMs) resolve(false);
      else setTimeout(tick, 50);
    };
    tick();
  });
}

/** The engine's programs, where installed, and the packages missing (Debian names; [] when all there). */
export function findSpeechEngine() {
  const speechd = which('speech-dispatcher');
  const pulse = which('pulseaudio');
  const moduleDir = MODULE_DIRS.find((d) => existsSync(join(d, 'sd_espeak-ng'))) ?? null;
  const missing = [!speechd && 'speech-dispatcher', !moduleDir && 'speech-dispatcher-espeak-ng', !pulse && 'pulseaudio'].filter(Boolean);
  return { speechd, pulse, moduleDir, missing };
}

/** The command that installs the missing packages on Debian/Ubuntu. */
export function speechInstallCommand(missing) {
  const plain = missing.filter((p) => !SPEECH_PACKAGES_NO_RECOMMENDS.includes(p));
  // espeak-ng comes along with its module: its data holds the Mandarin (cmn) voice.
  if (plain.includes('speech-dispatcher-espeak-ng')) plain.push('espeak-ng');
  const lean = missing.filter((p) => SPEECH_PACKAGES_NO_RECOMMENDS.includes(p));
  return [
    plain.length ? `sudo apt-get install ${plain.join(' ')}` : '',
    lean.length ? `sudo apt-get install --no-install-recommends ${lean.join(' ')}` : '',
  ]
    .filter(Boolean)
    .join(' && ');
}

function unavailable(reason) {
  return { available: false, reason, env: {}, dir: null, stop: async () => undefined };
}

/**
 * Starts the engine. Resolves { available, reason, env, dir, stop() }; never rejects.
 * @param {{ timeoutMs?: number }} [options]
 */
export async function startSpeechEngine({ timeoutMs = 10_000 } = {}) {
  if (process.platform !== 'linux') return unavailable(`speech-dispatcher tests run on Linux only (this is ${process.platform})`);
  if (process.env.KANJIAN_NO_SPEECH) return unavailable('KANJIAN_NO_SPEECH is set');
  const { speechd, pulse, moduleDir, missing } = findSpeechEngine();
  if (missing.length) return unavailable(`not installed: ${missing.join(', ')} (${speechInstallCommand(missing)})`);

  const dir = mkdtempSync(join(tmpdir(), 'kanjian-speech-'));
  const conf = join(dir, 'conf');
  mkdirSync(join(conf, 'modules'), { recursive: true });
  mkdirSync(join(dir, 'run'), { recursive: true });
  const pulseSocket = join(dir, 'native');
  const speechdSocket = join(dir, 'speechd.sock');
  writeFileSync(
    join(conf, 'speechd.conf'),
    [
      'LogLevel 2',
      `LogDir "${dir}"`,
      'DefaultVolume 100',
      'AudioOutputMethod "pulse"',
      'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"',
      'DefaultModule espeak-ng',
      '',
    ].join('\n'),
  );
  const moduleConf = '/etc/speech-dispatcher/modules/espeak-ng.conf';
  writeFileSync(join(conf, 'modules', 'espeak-ng.conf'), existsSync(moduleConf) ? readFileSync(moduleConf) : '');

  // Its own HOME and runtime dir, so nothing of the user's desktop sound setup is touched.
  const baseEnv = { ...process.env, HOME: dir, XDG_RUNTIME_DIR: join(dir, 'run'), PULSE_SERVER: `unix:${pulseSocket}` };
  const children = [];
  // Each daemon leads its own process group: SIGKILL to the group also ends speech-dispatcher's module.
  const killAll = () => {
    for (const c of children) {
      try {
        if (c.exitCode === null && c.signalCode === null) process.kill(-c.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  // If the test run dies without calling stop(), do not leave daemons behind.
  process.once('exit', killAll);
  const stop = async () => {
    killAll();
    await Promise.all(children.map((c) => (c.exitCode !== null || c.signalCode !== null ? null : new Promise((r) => c.once('exit', r)))));
    process.removeListener('exit', killAll);
    rmSync(dir, { recursive: true, force: true });
  };

  const pa = spawn(
    pulse,
    ['-n', '--daemonize=no', '--exit-idle-time=-1', '--disable-shm=yes', '-L', 'module-null-sink', '-L', `module-native-protocol-unix auth-anonymous=1 socket=${pulseSocket}`],
    { env: baseEnv, stdio: 'ignore', cwd: dir, detached: true },
  );
  children.push(pa);
  if (!(await waitFor(() => existsSync(pulseSocket) || pa.exitCode !== null, timeoutMs)) || pa.exitCode !== null) {
    await stop();
    return unavailable('pulseaudio did not start');
  }
  const sd = spawn(speechd, ['-s', '-C', conf, '-m', moduleDir, '-c', 'unix_socket', '-S', speechdSocket, '-t', '0'], {
    env: baseEnv,
    stdio: 'ignore',
    cwd: dir,
    detached: true,
  });
  children.push(sd);
  if (!(await waitFor(() => existsSync(speechdSocket) || sd.exitCode !== null, timeoutMs)) || sd.exitCode !== null) {
    await stop();
    return unavailable('speech-dispatcher did not start');
  }
  const env = { SPEECHD_ADDRESS: `unix_socket:${speechdSocket}`, PULSE_SERVER: `unix:${pulseSocket}` };
  // The engine must really offer a Mandarin voice, or the tests would only prove that nothing was said.
  const spdSay = which('spd-say');
  if (spdSay) {
    let voices = '';
    try {
      voices = execFileSync(spdSay, ['-o', 'espeak-ng', '-L'], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 15_000 });
    } catch {
      voices = '';
    }
    if (!/\bcmn\b/.test(voices)) {
      await stop();
      return unavailable('speech-dispatcher runs but espeak-ng offers no Mandarin (cmn) voice');
    }
  }
  return { available: true, reason: '', env, dir, stop };
}
