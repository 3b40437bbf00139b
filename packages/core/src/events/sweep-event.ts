/**
 * One observation from the field (扫楼记录). The id is made on the device, so a
 * phone can resend the same event forever without it counting twice.
 */
export interface SweepEvent {
  /** UUID v7, lowercase, made on the device. */
  readonly id: string;
  /** The device's clock when the observation was made, in ms since the Unix epoch. */
  readonly deviceTime: number;
  readonly roundId: string;
  readonly workerId: string;
  readonly householdId: string;
  /** Present when the observation is about one member rather than the household. */
  readonly memberId?: string;
  /** Field id to option id, as the round's template defines them. */
  readonly values: Readonly<Record<string, string>>;
}
