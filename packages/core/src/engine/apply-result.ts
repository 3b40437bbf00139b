/**
 * What `apply` did. An event the engine cannot place (unknown round, household
 * or member, or a field the template lacks) is refused with the field and the
 * reason and changes nothing: the roster can change under a running server, so
 * this is an expected case, not a broken invariant.
 */
export type ApplyResult =
  | { readonly ok: true; readonly changed: boolean }
  | { readonly ok: false; readonly field: string; readonly reason: string };

export const APPLIED_CHANGED: ApplyResult = Object.freeze({ ok: true, changed: true });
export const APPLIED_UNCHANGED: ApplyResult = Object.freeze({ ok: true, changed: false });

export function refused(field: string, reason: string): ApplyResult {
  return { ok: false, field, reason };
}
