/**
 * Loose zod schema of incident.io's native status endpoint `GET /proxy/<host>` (the data the
 * status page itself renders). Only the fields used; enums read as strings; optional keys may be
 * absent or null; one malformed element is dropped instead of failing the whole response.
 *
 * Shape: `{ summary: { name, public_url, components[{id,name,description?}],
 * structure{items[{component:{component_id,name,hidden}} | {group:{id,name,hidden,components[…]}}]},
 * affected_components[{component_id,status}], ongoing_incidents[event], scheduled_maintenances[event] } }`
 * where an event is `{id,name,status,type:'incident'|'maintenance',published_at,updates[…],
 * component_impacts[{component_id,start_at,end_at?,status}], affected_components[…]}`.
 */
import { z } from '../zod';
import { looseList, optionalObject } from './adapter-kit';
import { lenientArray } from './statuspage-schema';

const optStr = z.nullish(z.string());

/** A component as placed in the page structure. */
const StructureComponentSchema = z.object({
  component_id: z.string(),
  name: optStr,
  hidden: z.nullish(z.boolean()),
});

const StructureGroupSchema = z.object({
  id: optStr,
  name: optStr,
  hidden: z.nullish(z.boolean()),
  components: looseList(StructureComponentSchema),
});

/** One top-level item of the page: a component or a group of components. */
export const StructureItemSchema = z.object({
  component: optionalObject(StructureComponentSchema),
  group: optionalObject(StructureGroupSchema),
});

const ComponentSchema = z.object({ id: z.string(), name: optStr, description: optStr });

const AffectedSchema = z.object({ component_id: z.string(), status: optStr, current_status: optStr });

const ImpactSchema = z.object({ component_id: optStr, start_at: optStr, end_at: optStr, status: optStr });

const UpdateSchema = z.object({
  published_at: optStr,
  to_status: optStr,
  message_string: optStr,
  /** A ProseMirror document, `{ text_node: doc, markdown }`, or absent. */
  message: z.optional(z.unknown()),
});

/** An ongoing incident or a scheduled / running maintenance. */
export const NativeEventSchema = z.object({
  id: z.string(),
  name: optStr,
  status: optStr,
  type: optStr,
  published_at: optStr,
  updates: looseList(UpdateSchema),
  component_impacts: looseList(ImpactSchema),
  affected_components: looseList(AffectedSchema),
});
export type NativeEvent = z.infer<typeof NativeEventSchema>;

/** `GET /proxy/<host>`. */
export const NativeSummarySchema = z.object({
  summary: z.object({
    name: optStr,
    public_url: optStr,
    components: lenientArray(ComponentSchema),
    structure: optionalObject(z.object({ items: lenientArray(StructureItemSchema) })),
    affected_components: lenientArray(AffectedSchema),
    ongoing_incidents: lenientArray(NativeEventSchema),
    scheduled_maintenances: lenientArray(NativeEventSchema),
  }),
});
export type NativeSummary = z.infer<typeof NativeSummarySchema>['summary'];
