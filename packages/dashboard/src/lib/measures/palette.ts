import type { ColourClass } from '@gridsweep/core';

// What each of the core rules' colour classes looks like on screen, chosen to
// stay distinct for red-green colour-blind viewers by varying lightness as well as hue.

export const PALETTE: Record<ColourClass, string> = {
  red: '#d7301f',
  orange: '#fc8d59',
  yellow: '#fdd94a',
  green: '#1a9850',
  grey: '#b8bcc2',
};

export const NO_DATA_COLOUR = PALETTE.grey;

const CSS_COLOUR = /^#[0-9a-f]{3,8}$/i;

/** The CSS colour for a figure's colour class (or a colour the server already chose). */
export function cssColour(colour: string | undefined): string | null {
  if (colour === undefined) return null;
  if (colour in PALETTE) return PALETTE[colour as ColourClass];
  return CSS_COLOUR.test(colour) ? colour : null;
}
