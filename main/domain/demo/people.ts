/**
 * The synthetic population behind the demo shop: persons in households that share an address
 * (and sometimes a phone), who move and change phones over time. Platform accounts and orders are
 * drawn from these true values; the exports then show them masked.
 */

import { drawGivenName, drawSurname, surnameOf, type Sex } from './names.js';
import { drawCity, drawHome, drawMove, drawOffice, drawPhone, type Address } from './places.js';
import type { Rng } from './prng.js';

/** A value that holds from day `from` on (until the next entry). */
export interface Dated<T> {
  from: number;
  value: T;
}

export function valueAt<T>(list: readonly Dated<T>[], day: number): T {
  let current = list[0];
  if (current === undefined) throw new Error('valueAt on an empty history');
  for (const entry of list) {
    if (entry.from <= day) current = entry;
    else break;
  }
  return current.value;
}

export interface Person {
  id: number;
  householdId: number;
  name: string;
  sex: Sex;
  birthYear: number;
  /** Phone history. A person who `sharesPhone` holds the very same list as a household member. */
  phones: Dated<string>[];
  sharesPhone: boolean;
  office: Address | null;
  /** False for people who only ever receive gifts. */
  buyer: boolean;
}

export interface Household {
  id: number;
  homes: Dated<Address>[];
  memberIds: number[];
}

export interface Population {
  persons: Person[];
  households: Household[];
}

const HOUSEHOLD_SIZES = [1, 2, 3];
const HOUSEHOLD_SIZE_WEIGHTS = [0.74, 0.19, 0.07];
const MOVE_PER_YEAR = 0.1;
const PHONE_CHANGE_PER_YEAR = 0.03;
const BUYER_SHARE = 0.88;

function opposite(sex: Sex): Sex {
  return sex === 'M' ? 'F' : 'M';
}

/** Events at a yearly rate between two days (at most one per year, which is plenty here). */
function eventDays(rng: Rng, perYear: number, fromDay: number, toDay: number): number[] {
  const days: number[] = [];
  for (let start = fromDay; start < toDay; start += 365) {
    if (rng.chance(perYear)) days.push(rng.int(start, Math.min(toDay, start + 364)));
  }
  return days;
}

/**
 * At least `count` persons (whole households are kept together). Histories (moves, phone changes)
 * cover the days `fromDay`..`toDay`.
 */
export function generatePopulation(rng: Rng, count: number, fromDay: number, toDay: number): Population {
  const persons: Person[] = [];
  const households: Household[] = [];
  const usedPhones = new Set<string>();
  const uniquePhone = (): string => {
    for (;;) {
      const phone = drawPhone(rng);
      if (!usedPhones.has(phone)) {
        usedPhones.add(phone);
        return phone;
      }
    }
  };
  while (persons.length < count) {
    const householdId = households.length + 1;
    const size = rng.weighted(HOUSEHOLD_SIZES, HOUSEHOLD_SIZE_WEIGHTS);
    const city = drawCity(rng);
    const homes: Dated<Address>[] = [{ from: fromDay, value: drawHome(rng, city) }];
    for (const day of eventDays(rng, MOVE_PER_YEAR, fromDay + 30, toDay)) {
      homes.push({ from: day, value: drawMove(rng, homes[homes.length - 1]!.value) });
    }
    const household: Household = { id: householdId, homes, memberIds: [] };
    households.push(household);

    const head = newPerson(
      rng,
      uniquePhone(),
      persons.length + 1,
      householdId,
      rng.chance(0.5) ? 'M' : 'F',
      drawSurname(rng),
      rng.int(1962, 2004),
    );
    const members: Person[] = [head];
    if (size >= 2) {
      // A partner (own surname) or a sibling/parent (same surname as the head).
      const partner = rng.chance(0.72);
      const sex = partner ? opposite(head.sex) : rng.chance(0.5) ? 'M' : 'F';
      const surname = partner ? drawSurname(rng) : surnameOf(head.name);
      const born = partner
        ? head.birthYear + rng.int(-4, 4)
        : head.birthYear + rng.pick([-27, -25, 2, -2, 26]);
      members.push(
        newPerson(rng, uniquePhone(), persons.length + 2, householdId, sex, surname, Math.min(born, 2005)),
      );
    }
    if (size >= 3) {
      // A grown-up child, with the father's surname when there is one in the house.
      const father = members.find((m) => m.sex === 'M') ?? head;
      const born = Math.min(2005, Math.max(head.birthYear + 22, 1990) + rng.int(0, 6));
      members.push(
        newPerson(
          rng,
          uniquePhone(),
          persons.length + 3,
          householdId,
          rng.chance(0.5) ? 'M' : 'F',
          surnameOf(father.name),
          born,
        ),
      );
    }
    if (members.length > 1 && rng.chance(0.22)) {
      // One member has no phone of their own and gives a family member's number.
      const sharer = members[members.length - 1]!;
      sharer.phones = head.phones;
      sharer.sharesPhone = true;
    }
    for (const m of members) {
      if (!m.sharesPhone) {
        for (const day of eventDays(rng, PHONE_CHANGE_PER_YEAR, fromDay + 30, toDay)) {
          m.phones.push({ from: day, value: uniquePhone() });
        }
      }
      if (m.birthYear < 2002 && rng.chance(0.3)) m.office = drawOffice(rng, homes[0]!.value);
      household.memberIds.push(m.id);
      persons.push(m);
    }
  }
  return { persons, households };
}

function newPerson(
  rng: Rng,
  phone: string,
  id: number,
  householdId: number,
  sex: Sex,
  surname: string,
  birthYear: number,
): Person {
  return {
    id,
    householdId,
    name: surname + drawGivenName(rng, sex),
    sex,
    birthYear,
    phones: [{ from: -Infinity, value: phone }],
    sharesPhone: false,
    office: null,
    buyer: rng.chance(BUYER_SHARE),
  };
}
