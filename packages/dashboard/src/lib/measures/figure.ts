import type { LocalizedText, MarkerTone } from '@gridsweep/core';

/** One marker option's count in an area, for a figure of markers: each option that flags someone, worst first. */
export interface MarkerCount {
  readonly id: string;
  readonly name: LocalizedText;
  readonly tone: MarkerTone;
  readonly count: number;
}

/** One figure of an area by one measure, with what it was computed from. */
export interface Figure {
  /** A share's fraction, or how many people (or households) a count finds. */
  readonly value: number;
  readonly numerator?: number;
  readonly denominator?: number;
  /** The colour class the server's rules gave the area, when the figure came with them. */
  readonly colour?: string;
  /** A figure of markers: the options that flag someone, worst first. */
  readonly markers?: readonly MarkerCount[];
}
