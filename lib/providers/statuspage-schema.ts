/**
 * Loose zod schemas for the Statuspage v2 API and incident.io's Statuspage-compatible layer.
 * Only the fields we use; enums are read as strings and mapped later; optional keys may be
 * absent or null; one malformed element is dropped instead of failing the whole response.
 */
import { z } from '../zod';

const str = z.string();
const optStr = z.string().nullish();

/** An array whose malformed elements are dropped instead of failing the whole parse. */
export function lenientArray<T extends z.ZodType>(element: T) {
  return z
    .array(z.unknown())
    .nullish()
    .transform((items) => {
      const out: z.infer<T>[] = [];
      for (const item of items ?? []) {
        const parsed = element.safeParse(item);
        if (parsed.success) out.push(parsed.data);
      }
      return out;
    });
}

/** A component row (group rows carry `group: true` and `components: [ids]`). */
export const RawComponentSchema = z.object({
  id: str,
  name: str,
  status: z.string().nullish(),
  position: z.number().nullish(),
  description: optStr,
  group: z.boolean().nullish(),
  group_id: optStr,
  only_show_if_degraded: z.boolean().nullish(),
  components: z.array(z.string()).nullish(),
});
export type RawComponent = z.infer<typeof RawComponentSchema>;

const AffectedComponentSchema = z.object({ code: optStr, name: optStr, new_status: optStr });

/** One incident update. */
export const RawIncidentUpdateSchema = z.object({
  status: z.string().nullish(),
  body: z.string().nullish(),
  display_at: optStr,
  created_at: optStr,
  affected_components: lenientArray(AffectedComponentSchema),
});

/** An incident (also the shape of a scheduled maintenance). */
export const RawIncidentSchema = z.object({
  id: str,
  name: z.string().nullish(),
  status: z.string().nullish(),
  impact: z.string().nullish(),
  created_at: optStr,
  started_at: optStr,
  updated_at: optStr,
  monitoring_at: optStr,
  resolved_at: optStr,
  shortlink: optStr,
  scheduled_for: optStr,
  scheduled_until: optStr,
  components: lenientArray(z.object({ id: str, name: z.string().nullish() })),
  incident_updates: lenientArray(RawIncidentUpdateSchema),
});
export type RawIncident = z.infer<typeof RawIncidentSchema>;

/** `GET /api/v2/summary.json`. */
export const SummarySchema = z.object({
  page: z.object({ id: optStr, name: optStr, url: optStr, updated_at: optStr }).nullish(),
  status: z.object({ indicator: z.string().nullish(), description: z.string().nullish() }).nullish(),
  components: lenientArray(RawComponentSchema),
  incidents: lenientArray(RawIncidentSchema),
  scheduled_maintenances: lenientArray(RawIncidentSchema),
});
export type Summary = z.infer<typeof SummarySchema>;

/** `GET /api/v2/incidents.json` (the 50 most recent incidents). */
export const IncidentsSchema = z.object({
  page: z.object({ id: optStr, updated_at: optStr }).nullish(),
  incidents: lenientArray(RawIncidentSchema),
});
