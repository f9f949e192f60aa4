/**
 * Which drawn points the pointer is on: those whose disc, plus a few pixels of slack for small points and
 * unsteady hands, holds the pointer. Positions in CSS pixels.
 */
export interface DrawnPoint {
  x: number;
  y: number;
  radius: number;
}

export const HIT_SLACK = 4;

/** Every point under the pointer, nearest first: the tooltip names them all when they overlap, a click opens the first. */
export function pointsAt(drawn: readonly DrawnPoint[], x: number, y: number): number[] {
  return drawn
    .map((point, index) => ({ index, distance: Math.hypot(point.x - x, point.y - y), reach: point.radius + HIT_SLACK }))
    .filter(({ distance, reach }) => distance <= reach)
    .sort((a, b) => a.distance - b.distance)
    .map(({ index }) => index);
}
