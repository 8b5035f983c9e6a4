/** The dashboard's favicon: a dot in the color of the worst level, as an SVG data URL. */
import { LEVEL_COLOR, type Level } from '../levels';

/** SVG data URL for the favicon of `level`. */
export function faviconUrl(level: Level): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="14" fill="${LEVEL_COLOR[level]}"/></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
