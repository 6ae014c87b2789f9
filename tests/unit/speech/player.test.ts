import { afterEach, describe, expect, test, vi } from 'vitest';
import { SpeechLog } from '../../../src/speech/log';
import { Player, type PlayerEventMap } from '../../../src/speech/player';
import { chunks, FakeEngine, voice } from './helpers';

function setup(engineOpts: ConstructorParameters<typeof FakeEngine>[0] = {}, playerOpts: ConstructorParameters<typeof Player>[1] = {}) {
  const engine = new FakeEngine(engineOpts);
  const log = new SpeechLog();
  const player = new Player(engine, { log, startTimeoutMs: 0, ...playerOpts });
  const events: Array<[string, unknown]> = [];
  for (const t of ['state', 'chunk', 'start', 'finished', 'error'] as const) {
    player.on(t, (e: PlayerEventMap[typeof t]) => events.push([t, e]));
  }
  const of = <K extends keyof PlayerEventMap>(t: K) => events.filter(([k]) => k === t).map(([, e]) => e as PlayerEventMap[K]);
  return { engine, log, player, events, of };
}

describe('Player: basic playback', () => {
  test('speaks chunk by chunk and finishes idle', () => {
    const { engine, player, of } = setup();
    player.play(chunks('甲。', '乙。', '丙。'));
    expect(player.state).toBe('speaking');
    expect(engine.speaking).toBe('甲。');
    engine.finish();
    expect(engine.speaking).toBe('乙。');
    engine.finish();
    engine.finish();
    expect(player.state).toBe('idle');
    expect(engine.spoken.map((u) => u.text)).toEqual(['甲。', '乙。', '丙。']);
    expect(of('finished')).toEqual([{ reason: 'end' }]);
    expect(of('state').map((e) => e.state)).toEqual(['speaking', 'idle']);
    expect(of('chunk').map((e) => e.index)).toEqual([0, 1, 2]);
    expect(of('start').map((e) => e.index)).toEqual([0, 1, 2]);
  });

  test('rate is clamped to 0.5–3, volume to 0–1; voice and its lang go to the engine', () => {
    const { engine, player } = setup();
    player.setRate(10);
    player.setVolume(-1);
    player.setVoice(voice('Chinese (Mandarin)', 'cmn'));
    player.play(chunks('甲。'));
    expect(engine.spoken[0]).toMatchObject({ rate: 3, volume: 0, lang: 'cmn' });
    expect(engine.spoken[0]!.voice?.name).toBe('Chinese (Mandarin)');
    player.setRate(0.1);
    player.setVolume(0.4);
    player.setRate(Number.NaN); // ignored
    engine.finish();
    player.play(chunks('乙。'));
    expect(engine.spoken[1]).toMatchObject({ rate: 0.5, volume: 0.4 });
  });

  test('rate changes apply from the next chunk', () => {
    const { engine, player } = setup();
    player.play(chunks('甲。', '乙。'));
    player.setRate(2);
    expect(engine.spoken[0]!.rate).toBe(1);
    engine.finish();
    expect(engine.spoken[1]!.rate).toBe(2);
  });

  test('blank chunks are dropped; an empty queue finishes at once', () => {
    const { engine, player, of } = setup();
    player.play(chunks('  ', '甲。', ''));
    expect(player.total).toBe(1);
    engine.finish();
    player.play([]);
    expect(player.state).toBe('idle');
    expect(of('finished')).toHaveLength(2);
  });
});

describe('Player: pause / resume (engine pause is a no-op)', () => {
  for (const cancelReports of ['interrupted', 'end', 'none'] as const) {
    for (const cancelTiming of ['sync', 'async'] as const) {
      test(`pause cancels and resume re-speaks the current chunk (cancel reports ${cancelReports}, ${cancelTiming})`, async () => {
        const { engine, player, of, log } = setup({ cancelReports, cancelTiming });
        player.play(chunks('甲。', '乙。', '丙。'));
        engine.finish();
        expect(engine.speaking).toBe('乙。');
        engine.start();
        player.pause();
        await Promise.resolve();
        expect(player.state).toBe('paused');
        expect(engine.speaking).toBeNull(); // really silent: cancelled, not engine.pause()
        expect(engine.nativePauses).toBe(0);
        expect(of('error')).toEqual([]); // our own cancel's 'interrupted' is not an error
        expect(player.index).toBe(1);
        player.resume();
        expect(player.state).toBe('speaking');
        expect(engine.speaking).toBe('乙。');
        engine.finish();
        engine.finish();
        expect(player.state).toBe('idle');
        expect(engine.spoken.map((u) => u.text)).toEqual(['甲。', '乙。', '乙。', '丙。']);
        expect(of('state').map((e) => e.state)).toEqual(['speaking', 'paused', 'speaking', 'idle']);
        const kinds = log.entries().map((e) => `${e.kind}:${e.text}`);
        expect(kinds).toContain('cancel:乙。');
        expect(kinds.filter((k) => k.startsWith('error'))).toEqual([]);
      });
    }
  }

  test('togglePause; pause when idle and resume when speaking do nothing', () => {
    const { engine, player } = setup();
    player.pause();
    player.resume();
    expect(player.state).toBe('idle');
    player.play(chunks('甲。'));
    player.resume();
    expect(engine.spoken).toHaveLength(1);
    player.togglePause();
    expect(player.state).toBe('paused');
    player.togglePause();
    expect(player.state).toBe('speaking');
    expect(engine.spoken).toHaveLength(2);
  });
});

describe('Player: stop', () => {
  test('stop cancels, clears the queue and nothing more is spoken', async () => {
    const { engine, player, of, log } = setup({ cancelTiming: 'async' });
    player.play(chunks('甲。', '乙。', '丙。'));
    engine.start();
    player.stop();
    await Promise.resolve();
    expect(player.state).toBe('idle');
    expect(player.total).toBe(0);
    expect(engine.speaking).toBeNull();
    expect(engine.cancels).toBe(1);
    expect(of('finished')).toEqual([{ reason: 'stopped' }]);
    expect(of('error')).toEqual([]);
    expect(engine.spoken).toHaveLength(1);
    const last = log.entries().at(-1)!;
    expect(last).toMatchObject({ kind: 'cancel', text: '甲。', detail: 'stop' });
    // next/previous after stop have no queue to move in
    player.next();
    player.previous();
    expect(engine.spoken).toHaveLength(1);
  });

  test('stop while paused finishes without another cancel', () => {
    const { engine, player, of } = setup();
    player.play(chunks('甲。'));
    player.pause();
    player.stop();
    expect(engine.cancels).toBe(1);
    expect(of('finished')).toEqual([{ reason: 'stopped' }]);
  });
});

describe('Player: next / previous', () => {
  test('while speaking: jump and speak there', () => {
    const { engine, player, of } = setup();
    player.play(chunks('一。', '二。', '三。', '四。'));
    player.next();
    expect(engine.speaking).toBe('二。');
    player.next();
    player.previous();
    expect(engine.speaking).toBe('二。');
    expect(of('error')).toEqual([]);
    expect(engine.spoken.map((u) => u.text)).toEqual(['一。', '二。', '三。', '二。']);
  });

  test('at the ends: previous at the first keeps speaking, next at the last keeps speaking', () => {
    const { engine, player } = setup();
    player.play(chunks('一。', '二。'));
    player.previous();
    expect(engine.spoken).toHaveLength(1);
    player.next();
    player.next();
    expect(engine.spoken.map((u) => u.text)).toEqual(['一。', '二。']);
  });

  test('while paused: move and stay paused, with a chunk event for the highlight', () => {
    const { engine, player, of } = setup();
    player.play(chunks('一。', '二。', '三。'));
    player.pause();
    player.next();
    player.next();
    expect(player.state).toBe('paused');
    expect(player.index).toBe(2);
    expect(of('chunk').map((e) => e.index)).toEqual([0, 1, 2]);
    player.resume();
    expect(engine.speaking).toBe('三。');
  });

  test('after the end: previous replays the last sentence, next does nothing', () => {
    const { engine, player } = setup();
    player.play(chunks('一。', '二。'));
    engine.finishAll();
    player.next();
    expect(engine.spoken).toHaveLength(2);
    player.previous();
    expect(engine.speaking).toBe('二。');
  });
});

describe('Player: errors', () => {
  test('a real error is reported and playback skips to the next chunk', () => {
    const { engine, player, of, log } = setup();
    player.play(chunks('一。', '二。', '三。'));
    engine.fail('synthesis-failed');
    expect(of('error')).toEqual([{ index: 0, chunk: { text: '一。', ranges: [] }, code: 'synthesis-failed', fatal: false }]);
    expect(engine.speaking).toBe('二。');
    engine.finishAll();
    expect(of('finished')).toEqual([{ reason: 'end' }]);
    expect(log.entries().filter((e) => e.kind === 'error').map((e) => e.detail)).toEqual(['synthesis-failed']);
  });

  test('three errors in a row stop (no engine at all must not spin through the page)', () => {
    const { engine, player, of } = setup();
    player.play(chunks('一。', '二。', '三。', '四。', '五。'));
    engine.fail('synthesis-failed');
    engine.fail('synthesis-failed');
    engine.fail('synthesis-failed');
    expect(player.state).toBe('idle');
    expect(of('error').map((e) => e.fatal)).toEqual([false, false, true]);
    expect(of('finished')).toEqual([{ reason: 'error' }]);
    expect(engine.spoken).toHaveLength(3);
  });

  test('not-allowed is fatal at once', () => {
    const { engine, player, of } = setup();
    player.play(chunks('一。', '二。'));
    engine.fail('not-allowed');
    expect(player.state).toBe('idle');
    expect(of('error')[0]!.fatal).toBe(true);
  });

  test('an interruption we did not cause (page called cancel) stops quietly', () => {
    const { engine, player, of } = setup();
    player.play(chunks('一。', '二。'));
    engine.fail('interrupted');
    expect(player.state).toBe('idle');
    expect(of('error')).toEqual([]);
    expect(of('finished')).toEqual([{ reason: 'interrupted' }]);
  });

  test('late callbacks of a cancelled utterance are ignored', () => {
    const engine = new FakeEngine({ cancelReports: 'none' });
    const player = new Player(engine, { startTimeoutMs: 0 });
    const captured: Array<{ onEnd(): void; onError(c: string): void }> = [];
    const speak = engine.speak.bind(engine);
    engine.speak = (req, h) => {
      captured.push(h);
      speak(req, h);
    };
    player.play(chunks('一。', '二。', '三。'));
    player.next(); // cancels 一
    captured[0]!.onEnd(); // stale end must not advance
    captured[0]!.onError('synthesis-failed'); // stale error must not skip
    expect(player.index).toBe(1);
    expect(engine.speaking).toBe('二。');
  });

  test('a throwing event handler does not break playback', () => {
    const { engine, player } = setup();
    player.on('chunk', () => {
      throw new Error('bad listener');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    player.play(chunks('一。', '二。'));
    engine.finish();
    expect(engine.speaking).toBe('二。');
    warn.mockRestore();
  });
});

describe('Player: start timeout', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('an engine that never starts is reported and stopped', () => {
    vi.useFakeTimers();
    const { engine, player, of } = setup({}, { startTimeoutMs: 5000 });
    player.play(chunks('一。', '二。'));
    vi.advanceTimersByTime(4999);
    expect(player.state).toBe('speaking');
    vi.advanceTimersByTime(1);
    expect(player.state).toBe('idle');
    expect(of('error')[0]).toMatchObject({ code: 'timeout', fatal: true });
    expect(engine.speaking).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  test('a started utterance clears the timer', () => {
    vi.useFakeTimers();
    const { engine, player } = setup({}, { startTimeoutMs: 5000 });
    player.play(chunks('一。'));
    engine.start();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(player.state).toBe('speaking');
  });
});

describe('Player: dispose and the log', () => {
  test('dispose cancels, forgets handlers and ignores later commands', () => {
    const { engine, player, of } = setup();
    player.play(chunks('一。'));
    player.dispose();
    expect(engine.speaking).toBeNull();
    player.play(chunks('二。'));
    expect(engine.spoken).toHaveLength(1);
    expect(of('finished')).toEqual([]);
  });

  test('the log records speak/start/end/cancel with text, lang and voice name', () => {
    const { engine, player, log } = setup();
    player.setVoice(voice('Chinese (Mandarin)', 'cmn'));
    player.play(chunks('一。', '二。'));
    engine.finish();
    player.stop();
    expect(log.entries().map(({ kind, text, lang, voiceName }) => ({ kind, text, lang, voiceName }))).toEqual([
      { kind: 'speak', text: '一。', lang: 'cmn', voiceName: 'Chinese (Mandarin)' },
      { kind: 'start', text: '一。', lang: 'cmn', voiceName: 'Chinese (Mandarin)' },
      { kind: 'end', text: '一。', lang: 'cmn', voiceName: 'Chinese (Mandarin)' },
      { kind: 'speak', text: '二。', lang: 'cmn', voiceName: 'Chinese (Mandarin)' },
      { kind: 'cancel', text: '二。', lang: 'cmn', voiceName: 'Chinese (Mandarin)' },
    ]);
  });

  test('the log is capped and returns copies', () => {
    let now = 1000;
    const log = new SpeechLog(3, () => now);
    for (let i = 0; i < 5; i++) {
      now += 10;
      log.add({ kind: 'speak', text: String(i), lang: 'zh-CN', voiceName: '' });
    }
    const entries = log.entries();
    expect(entries.map((e) => e.text)).toEqual(['2', '3', '4']);
    expect(entries.map((e) => e.t)).toEqual([30, 40, 50]);
    entries[0]!.text = 'changed';
    expect(log.entries()[0]!.text).toBe('2');
    log.clear();
    expect(log.size).toBe(0);
  });
});
