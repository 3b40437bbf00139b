/**
 * Compiles only when `From` can be assigned to `To`. Two of them, both ways,
 * hold a schema's static type and the core type it mirrors together:
 *
 *     export type AreaMirrorsCore = [Assignable<Static<typeof AreaSchema>, Area>, Assignable<Area, Static<typeof AreaSchema>>];
 *
 * so that when either changes without the other, `pnpm check` fails on that line.
 */
export type Assignable<From extends To, To> = [From, To];
