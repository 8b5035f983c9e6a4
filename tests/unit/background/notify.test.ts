import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  applyNotifications,
  decideNotifications,
  meetsMinLevel,
  PROBLEM_COOLDOWN_MS,
  type NotificationDecision,
  type NotificationsApi,
  type NotifyStates,
} from '../../../lib/background/notify';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import type { ComponentStatus, Level, ProviderId, ServiceStatus } from '../../../lib/model';
import type { Snapshots } from '../../../lib/storage';
import { migrateNotifyStateV1 } from '../../../lib/records';
import { makeStatus, translator } from '../helpers';

const t = translator('en');
const MIN = 60_000;
const T0 = Date.parse('2026-09-15T12:00:00Z');

function component(id: string, name: string, level: Level): ComponentStatus {
  return { id, name, group: null, rawStatus: level, level, description: '' };
}

function settings(edit: (s: Settings) => void = () => {}): Settings {
  const s = structuredClone(DEFAULT_SETTINGS);
  s.notifications.minLevel = 'degraded';
  edit(s);
  return s;
}

interface Poll {
  /** Effective level per provider (a snapshot is built from it), or a full snapshot. */
  levels?: Partial<Record<ProviderId, Level | ServiceStatus>>;
  /** Providers whose fetch succeeded; defaults to every provider in `levels`. */
  succeeded?: ProviderId[];
  startup?: boolean;
  session?: string;
  /** Minutes after T0. */
  at?: number;
  settings?: Settings;
}

/** Runs polls in order, threading the state; returns the notifications of each poll. */
function run(polls: Poll[], initial: NotifyStates = {}) {
  let state = initial;
  let session = 's0';
  let snapshots: Snapshots = {};
  const perPoll: NotificationDecision[][] = [];
  const whenBack: ProviderId[][] = [];
  polls.forEach((poll, i) => {
    snapshots = { ...snapshots };
    for (const [id, value] of Object.entries(poll.levels ?? {}) as [ProviderId, Level | ServiceStatus][]) {
      snapshots[id] = typeof value === 'string' ? makeStatus(id, value) : value;
    }
    const result = decideNotifications({
      state,
      snapshots,
      succeeded: poll.succeeded ?? (Object.keys(poll.levels ?? {}) as ProviderId[]),
      settings: poll.settings ?? settings(),
      now: T0 + (poll.at ?? i) * MIN,
      // `startup` starts a new browser session at this poll; otherwise the session stays.
      session: poll.session ?? (poll.startup ? (session = `restart${i}`) : session),
      t,
    });
    state = result.nextState;
    perPoll.push(result.notifications);
    whenBack.push(result.whenBackDone);
  });
  return { perPoll, all: perPoll.flat(), state, whenBack };
}

const ok = { levels: { openai: 'operational' as Level } };
const outage = { levels: { openai: 'outage' as Level } };
const degraded = { levels: { openai: 'degraded' as Level } };

describe('decideNotifications', () => {
  it('first run: sets the baseline and sends nothing, even when the provider is down', () => {
    const { all, state } = run([outage]);
    expect(all).toEqual([]);
    expect(state.openai).toMatchObject({ notifiedLevel: 'outage', pending: null, lastNotifiedAt: null });
  });

  it('a problem is confirmed on the second consecutive poll, then notified once', () => {
    const { perPoll, state } = run([ok, outage, outage, outage]);
    expect(perPoll[1]).toEqual([]);
    expect(perPoll[2]).toEqual([
      {
        providerId: 'openai',
        id: 'ai-status-openai',
        kind: 'problem',
        level: 'outage',
        title: 'ChatGPT: Outage',
        message: 'See the status page for details.',
      },
    ]);
    expect(perPoll[3]).toEqual([]);
    expect(state.openai).toMatchObject({ notifiedLevel: 'outage', pending: null, lastNotifiedAt: T0 + 2 * MIN, announced: 'outage' });
  });

  it('a one-poll flap (A→B→A) sends nothing and clears the pending level', () => {
    const { all, state } = run([ok, outage, ok, degraded, ok]);
    expect(all).toEqual([]);
    expect(state.openai).toMatchObject({ notifiedLevel: 'operational', pending: null });
  });

  it('two different new levels in a row do not confirm each other', () => {
    const { perPoll } = run([ok, degraded, outage, outage]);
    expect(perPoll.slice(0, 3).flat()).toEqual([]);
    expect(perPoll[3]!.map((n) => n.level)).toEqual(['outage']);
  });

  it('a recovery after a notified problem is sent on the first operational poll', () => {
    const { perPoll, state } = run([ok, outage, outage, ok]);
    expect(perPoll[3]).toEqual([
      {
        providerId: 'openai',
        id: 'ai-status-openai',
        kind: 'recovery',
        level: 'operational',
        title: 'ChatGPT is back',
        message: 'Everything is operational again.',
      },
    ]);
    expect(state.openai).toMatchObject({ notifiedLevel: 'operational', announced: null });
  });

  it('no recovery for a problem that was never notified (minLevel suppressed it)', () => {
    const { all } = run([ok, degraded, degraded, ok], {});
    expect(all.map((n) => n.kind)).toEqual(['problem', 'recovery']); // minLevel degraded: notified
    const quiet = run([ok, degraded, degraded, ok].map((p) => ({ ...p, settings: settings((s) => (s.notifications.minLevel = 'outage')) })));
    expect(quiet.all).toEqual([]);
  });

  it('never notifies on a fetch error: the failed provider keeps its state untouched', () => {
    const failed = { levels: { openai: 'outage' as Level }, succeeded: [] as ProviderId[] };
    const { perPoll, state } = run([ok, outage, failed, failed, outage]);
    expect(perPoll.slice(0, 4).flat()).toEqual([]);
    // the failures in between neither confirmed nor cleared the pending outage
    expect(perPoll[4]!.map((n) => n.kind)).toEqual(['problem']);
    expect(state.openai?.notifiedLevel).toBe('outage');

    const first = run([ok]).state;
    const after = decideNotifications({ state: first, snapshots: { openai: makeStatus('openai', 'outage') }, succeeded: [], settings: settings(), now: T0, session: 's0', t });
    expect(after.nextState).toEqual(first);
    expect(after.changed).toBe(false);
  });

  it('after a browser restart the first poll confirms the baseline, and owes only an announced recovery', () => {
    const before = run([ok]).state;
    // Closed while fine; reopened during an outage: no notification on the startup poll...
    const restarted = run([{ ...outage, startup: true }, outage], before);
    expect(restarted.all).toEqual([]);
    expect(restarted.state.openai?.notifiedLevel).toBe('outage');
    // ...but a problem announced before the restart that ended while the browser was closed gets
    // its recovery on the first poll, once.
    const notified = run([ok, outage, outage]).state;
    const back = run([{ ...ok, startup: true }, ok, ok], notified);
    expect(back.perPoll.map((p) => p.map((n) => n.kind).join())).toEqual(['recovery', '', '']);
    expect(back.state.openai).toMatchObject({ notifiedLevel: 'operational', announced: null });
  });

  it('session: the first successful poll of each provider in a new browser session is a baseline', () => {
    const s1 = (p: Poll): Poll => ({ ...p, session: 's1' });
    const s2 = (p: Poll): Poll => ({ ...p, session: 's2' });
    const before = run([s1(ok), s1(outage), s1(outage)]);
    expect(before.all.map((n) => n.kind)).toEqual(['problem']);
    expect(before.state.openai?.session).toBe('s1');
    // New session: the first poll fails; the second is the first successful one → a baseline, with
    // the recovery of the problem announced in the last session.
    const failed = { levels: { openai: 'operational' as Level }, succeeded: [] as ProviderId[] };
    const later = [s2(failed), s2(ok), s2(ok), s2(outage), s2(outage)].map((p, i) => ({ ...p, at: 60 + i })); // past the cooldown
    const after = run(later, before.state);
    expect(after.perPoll.map((n) => n.map((x) => x.kind).join())).toEqual(['', 'recovery', '', '', 'problem']);
    expect(after.state.openai?.session).toBe('s2');
  });

  it('session: a worker restart inside the same session changes nothing', () => {
    const s1 = (p: Poll): Poll => ({ ...p, session: 's1' });
    const first = run([s1(ok), s1(outage)]); // pending outage when the worker goes idle
    const resumed = run([s1(outage)], first.state);
    expect(resumed.all.map((n) => n.kind)).toEqual(['problem']);
  });

  it('a restart while the notified problem continues still owes the recovery', () => {
    const notified = run([ok, outage, outage]).state;
    const { perPoll } = run([{ ...outage, startup: true }, outage, ok], notified);
    expect(perPoll[0]).toEqual([]);
    expect(perPoll[1]).toEqual([]);
    expect(perPoll[2]!.map((n) => n.kind)).toEqual(['recovery']);
  });

  it('cooldown: a second problem within 10 minutes waits for the cooldown, then is sent if it persists', () => {
    const polls: Poll[] = [
      { ...ok, at: 0 },
      { ...outage, at: 1 },
      { ...outage, at: 2 }, // problem sent at +2
      { ...ok, at: 3 }, // recovery sent
      { ...outage, at: 4 },
      { ...outage, at: 5 }, // confirmed, but within the cooldown → waits
      { ...outage, at: 11 }, // still within (9 min after +2)
      { ...outage, at: 12 }, // 10 min after the last problem notification → sent
    ];
    const { perPoll } = run(polls);
    expect(perPoll.map((n) => n.map((x) => x.kind).join())).toEqual(['', '', 'problem', 'recovery', '', '', '', 'problem']);
    expect(PROBLEM_COOLDOWN_MS).toBe(10 * MIN);
  });

  it('cooldown: a short second problem that ends inside the cooldown sends nothing', () => {
    const { perPoll } = run([ok, outage, outage, ok, outage, outage, ok].map((p, i) => ({ ...p, at: i })));
    expect(perPoll.map((n) => n.map((x) => x.kind).join())).toEqual(['', '', 'problem', 'recovery', '', '', '']);
  });

  it('an escalation respects the cooldown, an improvement is silent, an oscillation sends one alert', () => {
    const { perPoll, state } = run([ok, degraded, degraded, outage, outage, degraded, degraded, ok].map((p, i) => ({ ...p, at: i })));
    expect(perPoll.map((n) => n.map((x) => `${x.kind}:${x.level}`).join())).toEqual([
      '',
      '',
      'problem:degraded',
      '',
      '', // 2 minutes after the first alert: the escalation waits for the cooldown
      '',
      '',
      'recovery:operational',
    ]);
    expect(state.openai?.notifiedLevel).toBe('operational');

    // Past the cooldown the escalation is sent; then outage ↔ degraded flapping sends nothing more.
    const later = run([ok, degraded, degraded, outage, outage, degraded, degraded, outage, outage, degraded, degraded, outage, outage].map((p, i) => ({ ...p, at: i < 3 ? i : 10 + i })));
    expect(later.all.map((x) => `${x.kind}:${x.level}`)).toEqual(['problem:degraded', 'problem:outage']);
  });

  describe('settings', () => {
    it('minLevel outage: degraded is accepted silently, outage is sent', () => {
      const s = settings((x) => (x.notifications.minLevel = 'outage'));
      const { perPoll } = run([ok, degraded, degraded, outage, outage].map((p) => ({ ...p, settings: s })));
      expect(perPoll.map((n) => n.map((x) => x.level).join())).toEqual(['', '', '', '', 'outage']);
      expect(meetsMinLevel('degraded', 'outage')).toBe(false);
      expect(meetsMinLevel('degraded', 'degraded')).toBe(true);
      expect(meetsMinLevel('maintenance', 'degraded')).toBe(false);
    });

    it('the global switch off sends nothing but keeps tracking the state', () => {
      const off = settings((x) => (x.notifications.enabled = false));
      const { all, state } = run([ok, outage, outage, ok, outage, outage].map((p) => ({ ...p, settings: off })));
      expect(all).toEqual([]);
      expect(state.openai).toMatchObject({ notifiedLevel: 'outage', announced: null });
      // switched on again: the outage is the baseline, nothing is sent for it
      const { all: later } = run([outage], state);
      expect(later).toEqual([]);
    });

    it('per-provider off silences only that provider', () => {
      const s = settings((x) => (x.notifications.providers.openai = false));
      const both = (level: Level) => ({ levels: { openai: level, anthropic: level }, settings: s });
      const { all } = run([both('operational'), both('outage'), both('outage'), both('operational')]);
      expect(all.map((n) => `${n.providerId}:${n.kind}`)).toEqual(['anthropic:problem', 'anthropic:recovery']);
      expect(all[0]!.title).toBe('Claude: Outage');
      expect(all[0]!.id).toBe('ai-status-anthropic');
    });

    it('"notify me when it\'s back" sends the recovery of a problem suppressed by minLevel, and reports it done', () => {
      const s = settings((x) => {
        x.notifications.minLevel = 'outage';
        x.notifications.whenBack.openai = true;
      });
      const { perPoll, whenBack } = run([ok, degraded, degraded, degraded, ok].map((p) => ({ ...p, settings: s })));
      expect(perPoll.slice(0, 4).flat()).toEqual([]);
      expect(perPoll[4]!.map((n) => `${n.kind}:${n.title}`)).toEqual(['recovery:ChatGPT is back']);
      expect(whenBack[4]).toEqual(['openai']);
      expect(whenBack.slice(0, 4).flat()).toEqual([]);
    });

    it('"notify me when it\'s back" also answers when the problem was seen once only', () => {
      const s = settings((x) => (x.notifications.whenBack.openai = true));
      const { perPoll, whenBack } = run([ok, outage, ok].map((p) => ({ ...p, settings: s })));
      expect(perPoll[2]!.map((n) => n.kind)).toEqual(['recovery']);
      expect(whenBack[2]).toEqual(['openai']);
      const without = run([ok, outage, ok]);
      expect(without.all).toEqual([]);
    });

    it('"notify me when it\'s back" overrides the per-provider switch but not the global one', () => {
      const perProviderOff = settings((x) => {
        x.notifications.providers.openai = false;
        x.notifications.whenBack.openai = true;
      });
      expect(run([ok, outage, outage, ok].map((p) => ({ ...p, settings: perProviderOff }))).all.map((n) => n.kind)).toEqual(['recovery']);
      const globalOff = settings((x) => {
        x.notifications.enabled = false;
        x.notifications.whenBack.openai = true;
      });
      const r = run([ok, outage, outage, ok].map((p) => ({ ...p, settings: globalOff })));
      expect(r.all).toEqual([]);
      expect(r.whenBack.flat()).toEqual([]);
    });
  });

  describe('starred components', () => {
    const snapshot = (api: Level, chat: Level) =>
      makeStatus('openai', api === 'outage' || chat === 'outage' ? 'outage' : api === 'degraded' || chat === 'degraded' ? 'degraded' : 'operational', {
        components: [component('api', 'API', api), component('chat', 'ChatGPT app', chat)],
      });
    const starredApi = settings((x) => (x.starred.openai = ['api']));

    it('follows the starred components, not the provider level', () => {
      const polls = [snapshot('operational', 'operational'), snapshot('operational', 'outage'), snapshot('operational', 'outage')];
      expect(run(polls.map((s) => ({ levels: { openai: s }, settings: starredApi }))).all).toEqual([]);
      const apiDown = [snapshot('operational', 'operational'), snapshot('outage', 'outage'), snapshot('outage', 'outage'), snapshot('operational', 'outage')];
      const { perPoll } = run(apiDown.map((s) => ({ levels: { openai: s }, settings: starredApi })));
      expect(perPoll[2]).toEqual([
        expect.objectContaining({ kind: 'problem', level: 'outage', title: 'ChatGPT: Outage', message: 'Affected: API' }),
      ]);
      expect(perPoll[3]).toEqual([
        expect.objectContaining({ kind: 'recovery', message: 'The components you use are operational again.' }),
      ]);
    });

    it('falls back to the provider level when no starred id exists any more', () => {
      const gone = settings((x) => (x.starred.openai = ['removed']));
      const polls = [snapshot('operational', 'operational'), snapshot('operational', 'outage'), snapshot('operational', 'outage')];
      const { all } = run(polls.map((s) => ({ levels: { openai: s }, settings: gone })));
      expect(all.map((n) => n.message)).toEqual(['Affected: ChatGPT app']);
    });
  });

  it('the problem message prefers the active incident title', () => {
    const withIncident = makeStatus('anthropic', 'outage', {
      incidents: [
        {
          id: 'i1',
          title: 'Elevated errors on Claude Opus',
          status: 'investigating',
          impact: 'major',
          createdAt: '2026-09-15T11:00:00.000Z',
          startedAt: '2026-09-15T11:00:00.000Z',
          resolvedAt: null,
          updatedAt: '2026-09-15T11:00:00.000Z',
          url: 'https://status.claude.com/incidents/i1',
          latestUpdate: '',
          componentIds: [],
          componentNames: [],
          phases: [],
        },
      ],
    });
    const { all } = run([{ levels: { anthropic: 'operational' } }, { levels: { anthropic: withIncident } }, { levels: { anthropic: withIncident } }]);
    expect(all).toEqual([expect.objectContaining({ title: 'Claude: Outage', message: 'Elevated errors on Claude Opus' })]);
  });

  it('uses the Korean messages with a Korean translator', () => {
    const ko = translator('ko');
    const base = run([ok]).state;
    const step = decideNotifications({ state: base, snapshots: { openai: makeStatus('openai', 'outage') }, succeeded: ['openai'], settings: settings(), now: T0, session: 's0', t: ko });
    const r = decideNotifications({ state: step.nextState, snapshots: { openai: makeStatus('openai', 'outage') }, succeeded: ['openai'], settings: settings(), now: T0 + MIN, session: 's0', t: ko });
    expect(r.notifications[0]!.title).toBe('ChatGPT: 장애');
    const back = decideNotifications({ state: r.nextState, snapshots: { openai: makeStatus('openai', 'operational') }, succeeded: ['openai'], settings: settings(), now: T0 + 2 * MIN, session: 's0', t: ko });
    expect(back.notifications[0]!.title).toBe('ChatGPT 서비스가 복구되었습니다');
  });

  it('an unknown effective level leaves the state alone; unchanged state reports changed=false', () => {
    const base = run([ok]).state;
    const r = decideNotifications({ state: base, snapshots: { openai: makeStatus('openai', 'unknown') }, succeeded: ['openai'], settings: settings(), now: T0, session: 's0', t });
    expect(r.changed).toBe(false);
    expect(r.nextState).toEqual(base);
    const same = decideNotifications({ state: base, snapshots: { openai: makeStatus('openai', 'operational') }, succeeded: ['openai'], settings: settings(), now: T0, session: 's0', t });
    expect(same.changed).toBe(false);
  });

  it('a v1 state without problemNotified, migrated: a notified outage still owes its recovery', () => {
    const legacy = migrateNotifyStateV1({ openai: { notifiedLevel: 'outage', pending: null, lastNotifiedAt: T0 - 60 * MIN, session: 's0' } });
    expect(legacy.openai?.announced).toBe('outage');
    expect(run([ok], legacy).all.map((n) => n.kind)).toEqual(['recovery']);
    const baselineOnly = migrateNotifyStateV1({ openai: { notifiedLevel: 'outage', pending: null, lastNotifiedAt: null, session: 's0' } });
    expect(baselineOnly.openai?.announced).toBeNull();
    expect(run([ok], baselineOnly).all).toEqual([]);
  });
});

describe('applyNotifications', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  const decision = (kind: 'problem' | 'recovery', title: string): NotificationDecision => ({
    providerId: 'openai',
    id: 'ai-status-openai',
    kind,
    level: kind === 'problem' ? 'outage' : 'operational',
    title,
    message: 'm',
  });

  it('creates a basic notification per decision and replaces, not stacks, per provider', async () => {
    const api: NotificationsApi = fakeBrowser.notifications;
    await applyNotifications(api, [decision('problem', 'ChatGPT: Outage')]);
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({
      'ai-status-openai': { type: 'basic', iconUrl: 'icon/128.png', title: 'ChatGPT: Outage', message: 'm' },
    });
    const shown = await applyNotifications(api, [decision('recovery', 'ChatGPT is back')]);
    expect(shown).toEqual(['ai-status-openai']);
    const all = fakeBrowser.notifications.getAllCreateOptions();
    expect(Object.keys(all)).toEqual(['ai-status-openai']);
    expect(all['ai-status-openai']).toMatchObject({ title: 'ChatGPT is back' });
  });

  it('one failing create does not stop the others', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const created: string[] = [];
    const api: NotificationsApi = {
      clear: () => Promise.reject(new Error('no such notification')),
      create: (id) => (id === 'ai-status-openai' ? Promise.reject(new Error('denied')) : Promise.resolve(created.push(id))),
    };
    const shown = await applyNotifications(api, [decision('problem', 'x'), { ...decision('problem', 'y'), providerId: 'cursor', id: 'ai-status-cursor' }]);
    expect(shown).toEqual(['ai-status-cursor']);
    expect(created).toEqual(['ai-status-cursor']);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
