import { fakePhone, personName, surname, type Sex } from './person-names.js';
import type { Random } from './random.js';

/** Ages are as of the first campaign year the generator imitates (2022). */
export const CENSUS_YEAR = 2022;

export interface Resident {
  readonly name: string;
  readonly phone: string | null;
  readonly birthYear: number;
  readonly tags: readonly string[];
}

interface Person {
  readonly sex: Sex;
  readonly age: number;
  readonly family: string;
}

// Household sizes as in a Chinese city: mean 2.6 people (0.25 + 0.56 + 0.66 + 0.60 + 0.35 + 0.18).
const SIZES: readonly (readonly [number, number])[] = [[1, 25], [2, 28], [3, 22], [4, 15], [5, 7], [6, 3]];

/** The people of one occupied dwelling, with the special-group tags a roster would carry. */
export function householdResidents(random: Random): Resident[] {
  const people = compose(random, random.weighted(SIZES));
  return people.map((person) => resident(random, person, people.length));
}

function compose(random: Random, size: number): Person[] {
  const family = surname(random);
  const sex = (): Sex => (random.chance(0.5) ? 'male' : 'female');
  const couple = (age: number): Person[] => [
    { sex: 'male', age, family },
    { sex: 'female', age: Math.max(20, age + random.int(-5, 2)), family: surname(random) },
  ];
  const child = (parentAge: number): Person => ({
    sex: sex(),
    age: random.int(0, Math.max(0, Math.min(25, parentAge - 22))),
    family,
  });
  const grandparents = (parentAge: number, count: number): Person[] =>
    Array.from({ length: count }, (_, i) => ({
      sex: count === 2 ? (i === 0 ? 'male' : 'female') : sex(),
      age: Math.min(98, parentAge + random.int(24, 32)),
      family: i === 0 ? family : surname(random),
    }));

  if (size === 1) return [{ sex: sex(), age: random.chance(0.36) ? random.int(60, 92) : random.int(20, 59), family }];
  if (size === 2) {
    const kind = random.weighted([['elderly', 28], ['couple', 52], ['parent', 20]] as const);
    if (kind === 'elderly') return couple(random.int(60, 88));
    if (kind === 'couple') return couple(random.int(23, 59));
    const parentAge = random.int(35, 68);
    return [{ sex: sex(), age: parentAge, family }, child(parentAge)];
  }
  const parentAge = random.int(28, 52);
  if (size === 3) return [...couple(parentAge), child(parentAge)];
  if (size === 4) {
    return random.chance(0.6)
      ? [...couple(parentAge), child(parentAge), child(parentAge)]
      : [...couple(parentAge), child(parentAge), ...grandparents(parentAge, 1)];
  }
  const children = size === 5 ? 1 : 2;
  return [
    ...couple(parentAge),
    ...Array.from({ length: children }, () => child(parentAge)),
    ...grandparents(parentAge, 2),
  ];
}

function resident(random: Random, person: Person, householdSize: number): Resident {
  const { age, sex } = person;
  const tags: string[] = [];
  if (age >= 60 && householdSize === 1) tags.push('elderly_alone');
  if (random.chance(age >= 60 ? 0.05 : 0.015)) tags.push('disabled');
  if (sex === 'female' && age >= 22 && age <= 40 && random.chance(0.04)) tags.push('pregnant');
  if (random.chance(age >= 75 ? 0.06 : age >= 60 ? 0.02 : 0.002)) tags.push('bedridden');
  if (age <= 3) tags.push('infant');
  if (random.chance(age >= 60 ? 0.25 : age >= 40 ? 0.08 : 0.01)) tags.push('chronic');
  const hasPhone = age >= 14 && random.chance(age >= 80 ? 0.5 : 0.95);
  return {
    name: personName(random, sex, person.family),
    phone: hasPhone ? fakePhone(random) : null,
    birthYear: CENSUS_YEAR - age,
    tags,
  };
}
