/**
 * The background lane: one repeating alarm with period `max(interval, 30 s)`, re-ensured on every
 * worker start, on install/startup and when the interval changes (Firefox clears alarms on restart).
 */
import { alarmPeriodSec } from '../settings';

/** Name of the polling alarm. */
export const POLL_ALARM = 'poll';

/** The parts of `browser.alarms` the schedule needs. */
export interface AlarmsApi {
  get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined>;
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): void | Promise<void>;
}

/** Creates the alarm, or recreates it when its period differs. Returns the period in minutes. */
export async function ensureAlarm(alarms: AlarmsApi, intervalSec: number): Promise<number> {
  const periodInMinutes = alarmPeriodSec(intervalSec) / 60;
  const existing = await alarms.get(POLL_ALARM);
  if (!existing || existing.periodInMinutes !== periodInMinutes) {
    await alarms.create(POLL_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
  }
  return periodInMinutes;
}
