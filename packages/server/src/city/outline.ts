import type { Polygon, Position } from '@gridsweep/core';
import { offsetFromCentre } from './geometry.js';
import type { Random } from './random.js';

const OUTLINE_VERTICES = 72;

/**
 * The city's boundary: a closed wavy loop around the centre. A few sine
 * harmonics with seeded phases give lobes and bays, the kind of outline a
 * river basin city has, and keep the radius positive so the loop never crosses itself.
 */
export function cityOutline(radiusKm: number, random: Random): Polygon {
  const harmonics = [
    { order: 2, amplitude: 0.16, phase: random.next() * 2 * Math.PI },
    { order: 3, amplitude: 0.11, phase: random.next() * 2 * Math.PI },
    { order: 5, amplitude: 0.06, phase: random.next() * 2 * Math.PI },
    { order: 9, amplitude: 0.025, phase: random.next() * 2 * Math.PI },
  ];
  const ring: Position[] = [];
  for (let i = 0; i < OUTLINE_VERTICES; i++) {
    const angle = (2 * Math.PI * i) / OUTLINE_VERTICES;
    let factor = 1;
    for (const h of harmonics) factor += h.amplitude * Math.sin(h.order * angle + h.phase);
    // East-west stretch: the real city spreads along the Min River.
    ring.push(offsetFromCentre(1.3 * radiusKm * factor * Math.cos(angle), radiusKm * factor * Math.sin(angle)));
  }
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}
