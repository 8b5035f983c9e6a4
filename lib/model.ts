/**
 * The normalized model (docs/ARCHITECTURE.md#model) as zod schemas, with their inferred types. Every provider,
 * whatever its platform, is reduced to a `ServiceStatus`. Views import only types from here
 * (`import type`) so zod never reaches their bundles.
 */
import { z } from './zod';
import { LEVELS } from './levels';

export { LEVELS, type Level } from './levels';

export type { ProviderId } from './providers/catalog';

/** A normalized level. */
export const LevelSchema = z.enum(LEVELS);
/** A provider id: a catalog id or `custom:<hostname>`. */
export const ProviderIdSchema = z.string().check(z.regex(/^(?:[a-z0-9-]{1,40}|custom:[a-z0-9.-]{1,253})$/));

/** One component (service part) of a provider. */
export const ComponentStatusSchema = z.object({
  id: z.string(),
  name: z.string(),
  group: z.nullable(z.string()),
  rawStatus: z.string(),
  level: LevelSchema,
  description: z.string(),
});
export type ComponentStatus = z.infer<typeof ComponentStatusSchema>;

/** One status phase of an incident, for the timeline. */
export const IncidentPhaseSchema = z.object({ status: z.string(), at: z.string() });
export type IncidentPhase = z.infer<typeof IncidentPhaseSchema>;

/** An incident, active or recent. Text fields are plain text, never HTML. */
export const IncidentSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  impact: z.string(),
  createdAt: z.string(),
  startedAt: z.string(),
  resolvedAt: z.nullable(z.string()),
  updatedAt: z.string(),
  url: z.string(),
  latestUpdate: z.string(),
  componentIds: z.array(z.string()),
  componentNames: z.array(z.string()),
  phases: z.array(IncidentPhaseSchema),
  /**
   * Per named component, the statuses the incident's updates set (Statuspage
   * `incident_updates[].affected_components[].new_status`), oldest first. Optional: stored data
   * from before it still reads, and sources without it (incident.io's compatible layer) omit it.
   */
  componentChanges: z.optional(z.array(z.object({ id: z.string(), status: z.string(), at: z.string() }))),
});
export type Incident = z.infer<typeof IncidentSchema>;

/** A scheduled or running maintenance window. */
export const MaintenanceSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  scheduledFor: z.string(),
  scheduledUntil: z.nullable(z.string()),
  url: z.string(),
  latestUpdate: z.string(),
  componentIds: z.array(z.string()),
});
export type Maintenance = z.infer<typeof MaintenanceSchema>;

/** One day of an uptime strip. */
export const DayBarSchema = z.object({
  date: z.string(),
  level: LevelSchema,
  /** Minutes of outage (major/full outage). */
  outageMinutes: z.number(),
  /** Minutes at the degraded level (partial outage and degraded performance). */
  degradedMinutes: z.number(),
  /** Titles of the incidents (or the page's related events) that touch this day. */
  incidents: z.array(z.string()),
  /** Seconds of major/full outage (weight 1); on an official Statuspage strip, the page's own `m`. */
  majorSeconds: z.optional(z.number()),
  /** Seconds of partial outage (weight 0.3); on an official Statuspage strip, the page's own `p`. */
  partialSeconds: z.optional(z.number()),
  /** Seconds of degraded performance (weight 0). */
  degradedSeconds: z.optional(z.number()),
  /**
   * Nothing is known about this day: before the data begins, after an official figure's last
   * day, or (observed) no check at all. Drawn as no-data; absent means false.
   */
  noData: z.optional(z.boolean()),
});
export type DayBar = z.infer<typeof DayBarSchema>;

/** Where an uptime figure comes from (docs/UPTIME.md). */
export const UPTIME_SOURCES = ['official', 'incidents', 'observed'] as const;
export type UptimeSource = (typeof UPTIME_SOURCES)[number];

/** The component with the lowest figure in a window. `name` may be empty when the source has none. */
export const UptimeWorstSchema = z.object({ id: z.string(), name: z.string(), percent: z.number() });
export type UptimeWorst = z.infer<typeof UptimeWorstSchema>;

/** How a provider-level figure is made from its components' figures. */
export const UptimeBasisSchema = z.object({
  /** `mean`: the average of the components' figures; `own`: the provider's own record. */
  method: z.enum(['mean', 'own']),
  /** How many components were averaged. */
  components: z.number(),
  worst90: z.nullable(UptimeWorstSchema),
  worst30: z.nullable(UptimeWorstSchema),
});
export type UptimeBasis = z.infer<typeof UptimeBasisSchema>;

/**
 * Uptime over the last 90 days with the figure's provenance. Every field after `coversDays` is
 * optional, so records stored before they existed still read.
 */
export const UptimeSchema = z.object({
  /** The 90-day figure, two decimals; null when the data does not cover the window. */
  percent90d: z.nullable(z.number()),
  /** The 30-day figure, two decimals; null when the data does not cover the window. */
  percent30d: z.nullable(z.number()),
  days: z.array(DayBarSchema),
  source: z.enum(UPTIME_SOURCES),
  /** Days with data among the 90. */
  coversDays: z.number(),
  /** First day (`YYYY-MM-DD`) the data covers, when it begins inside the window (or, observed, at install). */
  since: z.optional(z.nullable(z.string())),
  /** The figure over the covered part, shown as "since <date>" where a window is not covered. */
  percentSince: z.optional(z.nullable(z.number())),
  /** Until when the figures hold (ms): an official page's last day or the read's time. */
  asOf: z.optional(z.nullable(z.number())),
  /** Provider level: what the figure is (average of N components, the lowest named). */
  basis: z.optional(z.nullable(UptimeBasisSchema)),
  /** Incidents in the window that name no component: listed on the bars, not counted. */
  uncounted: z.optional(z.number()),
  /** A Statuspage group row (its figure is the page's, but it is not a component of the summary). */
  group: z.optional(z.boolean()),
  /** The official page's ETag, for a conditional re-read. */
  etag: z.optional(z.nullable(z.string())),
});
export type Uptime = z.infer<typeof UptimeSchema>;

/** Why the last fetch of a provider failed. */
export const FETCH_ERROR_KINDS = [
  'http',
  'rate-limited',
  'timeout',
  'network',
  'not-json',
  'bad-json',
  'wrong-shape',
  'too-large',
  'challenge',
  /** The browser does not let the extension read this host (permission missing or revoked). */
  'no-access',
] as const;
export type FetchErrorKind = (typeof FETCH_ERROR_KINDS)[number];

export const FetchErrorSchema = z.object({
  kind: z.enum(FETCH_ERROR_KINDS),
  message: z.string(),
  httpStatus: z.nullable(z.number()),
  at: z.number(),
});
export type FetchError = z.infer<typeof FetchErrorSchema>;

/** The normalized status of one provider (docs/ARCHITECTURE.md#model). */
export const ServiceStatusSchema = z.object({
  providerId: ProviderIdSchema,
  name: z.string(),
  pageUrl: z.string(),
  level: LevelSchema,
  description: z.string(),
  components: z.array(ComponentStatusSchema),
  incidents: z.array(IncidentSchema),
  maintenances: z.array(MaintenanceSchema),
  uptime: z.nullable(UptimeSchema),
  sourceUpdatedAt: z.nullable(z.string()),
  fetchedAt: z.number(),
  error: z.nullable(FetchErrorSchema),
  stale: z.boolean(),
  /** How the data was read: the JSON API, or the HTML page when the API served a challenge. */
  via: z.enum(['api', 'html']),
});
export type ServiceStatus = z.infer<typeof ServiceStatusSchema>;
