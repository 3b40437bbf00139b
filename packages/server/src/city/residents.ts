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

// Module-level helpers rather than closures: this runs for millions of households.
function anySex(random: Random): Sex {
  return random.chance(0.5) ? 'male' : 'female';
}

function couple(random: Random, age: number, family: string): Person[] {
  return [
    { sex: 'male', age, family },
    { sex: 'female', age: Math.max(20, age + random.int(-5, 2)), family: surname(random) },
  ];
}

function child(random: Random, parentAge: number, family: string): Person {
  return { sex: anySex(random), age: random.int(0, Math.max(0, Math.min(25, parentAge - 22))), family };
}

function grandparents(random: Random, parentAge: number, count: number, family: string): Person[] {
  const people: Person[] = [];
  for (let i = 0; i < count; i++) {
    people.push({
      sex: count === 2 ? (i === 0 ? 'male' : 'female') : anySex(random),
      age: Math.min(98, parentAge + random.int(24, 32)),
      family: i === 0 ? family : surname(random),
    });
  }
  return people;
}

const TWO_PERSON_KINDS: readonly (readonly ['elderly' | 'couple' | 'parent', number])[] = [['elderly', 28], ['couple', 52], ['parent', 20]];

function compose(random: Random, size: number): Person[] {
  const family = surname(random);
  if (size === 1) {
    return [{ sex: anySex(random), age: random.chance(0.36) ? random.int(60, 92) : random.int(20, 59), family }];
  }
  if (size === 2) {
    const kind = random.weighted(TWO_PERSON_KINDS);
    if (kind === 'elderly') return couple(random, random.int(60, 88), family);
    if (kind === 'couple') return couple(random, random.int(23, 59), family);
    const parentAge = random.int(35, 68);
    return [{ sex: anySex(random), age: parentAge, family }, child(random, parentAge, family)];
  }
  const parentAge = random.int(28, 52);
  const people = couple(random, parentAge, family);
  if (size === 3) people.push(child(random, parentAge, family));
  else if (size === 4) {
    people.push(child(random, parentAge, family));
    if (random.chance(0.6)) people.push(child(random, parentAge, family));
    else people.push(...grandparents(random, parentAge, 1, family));
  } else {
    for (let i = size === 5 ? 1 : 2; i > 0; i--) people.push(child(random, parentAge, family));
    people.push(...grandparents(random, parentAge, 2, family));
  }
  return people;
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
