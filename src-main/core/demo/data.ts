/**
 * Word lists for the demo portfolio: faker's German locale (first names, surnames, street names)
 * mixed with short curated lists of the most frequent German names, so that Müller, Schäfer and
 * Jürgen show up as often as they do on a real bell board. Read once; the generator only indexes
 * into these arrays (per-row faker calls would be far too slow for a million contacts).
 */
import { faker as fakerDE } from '@faker-js/faker/locale/de';

function nonEmpty(list: readonly string[] | undefined, what: string): readonly string[] {
  if (list === undefined || list.length === 0) throw new Error(`faker de has no ${what}`);
  return list;
}

const person = fakerDE.rawDefinitions.person;
const location = fakerDE.rawDefinitions.location;

/** "Adalbert-Stifter-Str." → "Adalbert-Stifter-Straße", "Breslauer Str." → "Breslauer Straße", "Ahrstr." → "Ahrstraße". */
function expandStreet(name: string): string {
  return name.replace(/Str\.$/, 'Straße').replace(/str\.$/, 'straße');
}

const FAKER_MALE = nonEmpty(person?.first_name?.male, 'male first names');
const FAKER_FEMALE = nonEmpty(person?.first_name?.female, 'female first names');
const FAKER_LAST = nonEmpty(person?.last_name?.generic, 'last names');

// prettier-ignore
const COMMON_LAST = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz',
  'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann',
  'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner',
  'Schmitz', 'Krause', 'Meier', 'Lehmann', 'Schmid', 'Schulze', 'Maier', 'Köhler', 'Herrmann',
  'König', 'Walter', 'Mayer', 'Huber', 'Kaiser', 'Fuchs', 'Peters', 'Lang', 'Scholz', 'Möller',
  'Weiß', 'Jung', 'Hahn', 'Schubert', 'Vogel', 'Friedrich', 'Keller', 'Günther', 'Frank', 'Berger',
  'Winkler', 'Roth', 'Beck', 'Lorenz', 'Baumann', 'Franke', 'Albrecht', 'Schuster', 'Simon',
  'Ludwig', 'Böhm', 'Winter', 'Kraus', 'Martin', 'Schumacher', 'Krämer', 'Vogt', 'Stein', 'Jäger',
  'Otto', 'Sommer', 'Groß', 'Seidel', 'Heinrich', 'Brandt', 'Haas', 'Schreiber', 'Graf', 'Schulte',
  'Dietrich', 'Ziegler', 'Kuhn', 'Kühn', 'Pohl', 'Engel', 'Horn', 'Busch', 'Bergmann', 'Thomas',
  'Voigt', 'Sauer', 'Arnold', 'Wolff', 'Pfeiffer', 'Yılmaz', 'Kaya', 'Demir', 'Öztürk', 'Nowak',
  'Kowalski', 'Rossi', 'Papadopoulos', 'Nguyen', 'Ivanov',
];

// prettier-ignore
const COMMON_MALE = [
  'Jürgen', 'Günter', 'Jörg', 'Uwe', 'Klaus', 'Hans-Peter', 'Wolfgang', 'Thomas', 'Michael',
  'Andreas', 'Stefan', 'Frank', 'Peter', 'Dieter', 'Bernd', 'Ralf', 'Matthias', 'Martin',
  'Christian', 'Markus', 'Sebastian', 'Tobias', 'Jan', 'Lukas', 'Felix', 'Maximilian', 'Jonas',
  'Björn', 'Sören', 'Horst', 'Manfred', 'Helmut', 'Rüdiger', 'Jens', 'Dirk', 'Sven', 'Florian',
  'Alexander', 'Daniel', 'Tim', 'Niklas', 'Paul', 'Leon', 'Mehmet', 'Ali', 'Karl-Heinz',
];

// prettier-ignore
const COMMON_FEMALE = [
  'Sabine', 'Ursula', 'Bärbel', 'Jutta', 'Renate', 'Gisela', 'Käthe', 'Petra', 'Monika', 'Andrea',
  'Claudia', 'Susanne', 'Birgit', 'Karin', 'Heike', 'Anja', 'Katrin', 'Stefanie', 'Nicole', 'Julia',
  'Anna', 'Laura', 'Lena', 'Lea', 'Hannah', 'Sophie', 'Marie', 'Jana', 'Sarah', 'Katharina',
  'Christine', 'Elke', 'Gudrun', 'Hildegard', 'Ingrid', 'Brigitte', 'Sandra', 'Melanie',
  'Franziska', 'Mareike', 'Silke', 'Doris', 'Jasmin', 'Özlem', 'Anneliese',
];

/** German first names, male: half curated, half faker (so both Jürgen and Arvid appear). */
export const MALE_FIRST: readonly string[] = [...COMMON_MALE, ...COMMON_MALE, ...COMMON_MALE, ...FAKER_MALE];
export const FEMALE_FIRST: readonly string[] = [
  ...COMMON_FEMALE,
  ...COMMON_FEMALE,
  ...COMMON_FEMALE,
  ...FAKER_FEMALE,
];
/** First names for salutation 'mx'. */
// prettier-ignore
export const NEUTRAL_FIRST: readonly string[] = [
  'Alex', 'Kim', 'Robin', 'Sascha', 'Luca', 'Charlie', 'Toni', 'Janne', 'Mika', 'Jo',
];
/** Surnames: the frequent ones weighted about as heavily as faker's long tail. */
export const LAST_NAMES: readonly string[] = [
  ...COMMON_LAST,
  ...COMMON_LAST,
  ...COMMON_LAST,
  ...COMMON_LAST,
  ...COMMON_LAST,
  ...COMMON_LAST,
  ...COMMON_LAST,
  ...COMMON_LAST,
  ...COMMON_LAST,
  ...COMMON_LAST,
  ...FAKER_LAST,
];

/** English-speaking contacts (language 'en'). */
// prettier-ignore
export const ENGLISH_MALE: readonly string[] = [
  'Oliver', 'James', 'William', 'Harry', 'George', 'Jack', 'Thomas', 'Daniel', 'Michael', 'David',
  'Matthew', 'Andrew', 'Christopher', 'Ryan', 'Liam', 'Noah', 'Ethan', 'Samuel',
];
// prettier-ignore
export const ENGLISH_FEMALE: readonly string[] = [
  'Emily', 'Olivia', 'Sophie', 'Charlotte', 'Amelia', 'Jessica', 'Hannah', 'Grace', 'Emma', 'Sarah',
  'Rachel', 'Laura', 'Megan', 'Chloe', 'Isabella', 'Ava', 'Eleanor',
];
// prettier-ignore
export const ENGLISH_LAST: readonly string[] = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson',
  'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson',
  'Clarke', "O'Brien", 'Murphy', 'Kelly', 'Walsh', 'Bennett', 'Campbell', 'Hughes', 'Edwards',
  'Miller', 'Anderson', 'Harris', 'Cooper', 'Morgan', 'Baker', 'Turner', 'Parker', 'Collins',
  'Stewart', 'Morris',
];

/** Street names with "Str." spelt out. */
export const STREETS: readonly string[] = nonEmpty(location?.street_name ?? undefined, 'street names').map(
  expandStreet,
);

export interface City {
  name: string;
  /** Lowest and highest postcode of the city (postcodes are drawn in between). */
  postcodeFrom: number;
  postcodeTo: number;
  /** Telephone area code with its leading 0. */
  areaCode: string;
}

function city(name: string, postcodeFrom: number, postcodeTo: number, areaCode: string): City {
  return { name, postcodeFrom, postcodeTo, areaCode };
}

export const BERLIN = city('Berlin', 10115, 14199, '030');
export const POTSDAM = city('Potsdam', 14467, 14482, '0331');

export const CITIES: readonly City[] = [
  BERLIN,
  city('Hamburg', 20095, 22769, '040'),
  city('München', 80331, 81929, '089'),
  city('Köln', 50667, 51149, '0221'),
  city('Frankfurt am Main', 60306, 60599, '069'),
  city('Stuttgart', 70173, 70629, '0711'),
  city('Düsseldorf', 40210, 40629, '0211'),
  city('Leipzig', 4103, 4357, '0341'),
  city('Dortmund', 44135, 44388, '0231'),
  city('Essen', 45127, 45359, '0201'),
  city('Bremen', 28195, 28779, '0421'),
  city('Dresden', 1067, 1328, '0351'),
  city('Hannover', 30159, 30669, '0511'),
  city('Nürnberg', 90402, 90491, '0911'),
  city('Duisburg', 47051, 47279, '0203'),
  city('Bochum', 44787, 44894, '0234'),
  city('Wuppertal', 42103, 42399, '0202'),
  city('Bielefeld', 33602, 33739, '0521'),
  city('Bonn', 53111, 53229, '0228'),
  city('Münster', 48143, 48167, '0251'),
  city('Mannheim', 68159, 68309, '0621'),
  city('Karlsruhe', 76131, 76229, '0721'),
  city('Augsburg', 86150, 86199, '0821'),
  city('Wiesbaden', 65183, 65207, '0611'),
  city('Aachen', 52062, 52080, '0241'),
  city('Braunschweig', 38100, 38126, '0531'),
  city('Kiel', 24103, 24159, '0431'),
  city('Chemnitz', 9111, 9247, '0371'),
  city('Halle (Saale)', 6108, 6132, '0345'),
  city('Magdeburg', 39104, 39130, '0391'),
  city('Freiburg im Breisgau', 79098, 79117, '0761'),
  city('Lübeck', 23552, 23570, '0451'),
  city('Erfurt', 99084, 99099, '0361'),
  city('Rostock', 18055, 18147, '0381'),
  city('Mainz', 55116, 55131, '06131'),
  city('Kassel', 34117, 34134, '0561'),
  POTSDAM,
  city('Würzburg', 97070, 97084, '0931'),
  city('Regensburg', 93047, 93059, '0941'),
  city('Göttingen', 37073, 37085, '0551'),
  city('Heidelberg', 69115, 69126, '06221'),
  city('Ulm', 89073, 89081, '0731'),
  city('Oldenburg', 26121, 26135, '0441'),
  city('Saarbrücken', 66111, 66133, '0681'),
  city('Osnabrück', 49074, 49090, '0541'),
  city('Jena', 7743, 7751, '03641'),
  city('Darmstadt', 64283, 64297, '06151'),
  city('Cottbus', 3042, 3055, '0355'),
  city('Schwerin', 19053, 19063, '0385'),
];

// prettier-ignore
export const MOBILE_PREFIXES: readonly string[] = [
  '0151', '0152', '0157', '0160', '0170', '0171', '0172', '0173', '0175', '0176', '0177', '0178',
  '0179',
];

/** Owner companies; `#` is replaced by a surname, `@` by a city. */
export const OWNER_COMPANIES: readonly string[] = [
  '# Immobilien GmbH',
  '# & # Grundbesitz GbR',
  '# Vermögensverwaltung GmbH & Co. KG',
  'Wohnbau @ GmbH',
  '# Hausbesitz KG',
  '# Beteiligungs-GmbH',
  'Grundstücksgesellschaft # mbH',
  '# Wohnen AG',
];

/** Commercial tenants; `#` is replaced by a surname, `$` by a first name. */
export const TRADE_COMPANIES: readonly string[] = [
  'Bäckerei #',
  'Café #',
  'Praxis Dr. #',
  '# Steuerberatung GmbH',
  'Friseursalon $',
  'Blumen # e. K.',
  '# & # Rechtsanwälte PartG mbB',
  '# Optik GmbH',
  'Physiotherapie #',
  'Architekturbüro #',
  '# IT-Service UG (haftungsbeschränkt)',
  'Weinhandlung # KG',
];

/** Names of commercial units by kind. */
export const COMMERCIAL_KINDS: readonly string[] = ['Laden', 'Büro', 'Praxis', 'Gewerbe'];

/** The property manager's own remarks on a contact. */
export const NOTES: readonly string[] = [
  'Schlüssel beim Hausmeister hinterlegt.',
  'Bevorzugt telefonische Rückrufe am Vormittag.',
  'SEPA-Lastschriftmandat liegt vor.',
  'Hund im Haushalt gemeldet.',
  'Ansprechpartner im Urlaub bis Monatsende.',
  'Schriftverkehr bitte in Kopie an den Betreuer.',
  'Stellplatz Nr. 4 mitvermietet.',
  'Rauchwarnmelder-Wartung: Zugang nur nach Absprache.',
  'Beiratsmitglied der WEG.',
  'Nebenkostenabrechnung bitte per Post.',
];

/** Floor sides by units per floor. */
export const SIDES: readonly (readonly string[])[] = [
  [],
  [''],
  ['links', 'rechts'],
  ['links', 'Mitte', 'rechts'],
  ['links', 'Mitte links', 'Mitte rechts', 'rechts'],
];
