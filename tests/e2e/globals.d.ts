/** The extension API as seen from code evaluated inside the worker or an extension page. */
interface E2eChrome {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined> };
  action: {
    getBadgeBackgroundColor(d: object): Promise<number[]>;
    getBadgeText(d: object): Promise<string>;
    getTitle(d: object): Promise<string>;
  };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  storage: Record<
    'local' | 'session',
    { get(keys: string[]): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> }
  >;
}
declare const chrome: E2eChrome;
