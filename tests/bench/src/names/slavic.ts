/**
 * East Slavic names, written in Cyrillic (Russian and Ukrainian forms) and
 * romanised by several systems. Male given names carry their patronymic
 * forms, so a person's patronymic derives from the father's given name.
 */
import { pickByDigits, type Part } from './pool.js';
import { romaniseRussian, romaniseUkrainian } from './romanise.js';

/** Russian, Ukrainian; Russian and Ukrainian patronymic (male). */
// prettier-ignore
const MALE: ReadonlyArray<readonly [string, string, string, string]> = [
  ['Александр', 'Олександр', 'Александрович', 'Олександрович'], ['Сергей', 'Сергій', 'Сергеевич', 'Сергійович'],
  ['Дмитрий', 'Дмитро', 'Дмитриевич', 'Дмитрович'], ['Андрей', 'Андрій', 'Андреевич', 'Андрійович'],
  ['Алексей', 'Олексій', 'Алексеевич', 'Олексійович'], ['Владимир', 'Володимир', 'Владимирович', 'Володимирович'],
  ['Евгений', 'Євген', 'Евгеньевич', 'Євгенович'], ['Игорь', 'Ігор', 'Игоревич', 'Ігорович'],
  ['Николай', 'Микола', 'Николаевич', 'Миколайович'], ['Юрий', 'Юрій', 'Юрьевич', 'Юрійович'],
  ['Виктор', 'Віктор', 'Викторович', 'Вікторович'], ['Михаил', 'Михайло', 'Михайлович', 'Михайлович'],
  ['Олег', 'Олег', 'Олегович', 'Олегович'], ['Иван', 'Іван', 'Иванович', 'Іванович'],
  ['Василий', 'Василь', 'Васильевич', 'Васильович'], ['Анатолий', 'Анатолій', 'Анатольевич', 'Анатолійович'],
  ['Валерий', 'Валерій', 'Валерьевич', 'Валерійович'], ['Вячеслав', 'Вячеслав', 'Вячеславович', 'Вячеславович'],
  ['Павел', 'Павло', 'Павлович', 'Павлович'], ['Петр', 'Петро', 'Петрович', 'Петрович'],
  ['Виталий', 'Віталій', 'Витальевич', 'Віталійович'], ['Геннадий', 'Геннадій', 'Геннадьевич', 'Геннадійович'],
  ['Григорий', 'Григорій', 'Григорьевич', 'Григорович'], ['Роман', 'Роман', 'Романович', 'Романович'],
  ['Максим', 'Максим', 'Максимович', 'Максимович'], ['Денис', 'Денис', 'Денисович', 'Денисович'],
  ['Артем', 'Артем', 'Артемович', 'Артемович'], ['Константин', 'Костянтин', 'Константинович', 'Костянтинович'],
  ['Борис', 'Борис', 'Борисович', 'Борисович'], ['Вадим', 'Вадим', 'Вадимович', 'Вадимович'],
  ['Леонид', 'Леонід', 'Леонидович', 'Леонідович'], ['Ростислав', 'Ростислав', 'Ростиславович', 'Ростиславович'],
  ['Богдан', 'Богдан', 'Богданович', 'Богданович'], ['Станислав', 'Станіслав', 'Станиславович', 'Станіславович'],
  ['Тарас', 'Тарас', 'Тарасович', 'Тарасович'],
];
// prettier-ignore
const FEMALE: ReadonlyArray<readonly [string, string]> = [
  ['Елена', 'Олена'], ['Ольга', 'Ольга'], ['Татьяна', 'Тетяна'], ['Наталья', 'Наталія'], ['Ирина', 'Ірина'],
  ['Светлана', 'Світлана'], ['Анна', 'Ганна'], ['Юлия', 'Юлія'], ['Мария', 'Марія'], ['Людмила', 'Людмила'],
  ['Галина', 'Галина'], ['Оксана', 'Оксана'], ['Екатерина', 'Катерина'], ['Марина', 'Марина'],
  ['Валентина', 'Валентина'], ['Надежда', 'Надія'], ['Виктория', 'Вікторія'], ['Анастасия', 'Анастасія'],
  ['Любовь', 'Любов'], ['Нина', 'Ніна'], ['Лариса', 'Лариса'], ['Вера', 'Віра'], ['Алла', 'Алла'],
  ['Тамара', 'Тамара'], ['Инна', 'Інна'],
];
/** Interleaved Russian-type and Ukrainian-type family names, commonest first. */
// prettier-ignore
const FAMILY: ReadonlyArray<readonly [string, string]> = [
  ['Иванов', 'Іванов'], ['Шевченко', 'Шевченко'], ['Смирнов', 'Смирнов'], ['Коваленко', 'Коваленко'],
  ['Кузнецов', 'Кузнєцов'], ['Бондаренко', 'Бондаренко'], ['Попов', 'Попов'], ['Ткаченко', 'Ткаченко'],
  ['Васильев', 'Васильєв'], ['Кравченко', 'Кравченко'], ['Петров', 'Петров'], ['Коваль', 'Коваль'],
  ['Соколов', 'Соколов'], ['Олейник', 'Олійник'], ['Михайлов', 'Михайлов'], ['Шевчук', 'Шевчук'],
  ['Новиков', 'Новіков'], ['Полищук', 'Поліщук'], ['Федоров', 'Федоров'], ['Бойко', 'Бойко'],
  ['Морозов', 'Морозов'], ['Ткачук', 'Ткачук'], ['Волков', 'Волков'], ['Савченко', 'Савченко'],
  ['Алексеев', 'Алексєєв'], ['Руденко', 'Руденко'], ['Лебедев', 'Лебедєв'], ['Мельник', 'Мельник'],
  ['Семенов', 'Семенов'], ['Марченко', 'Марченко'], ['Егоров', 'Єгоров'], ['Петренко', 'Петренко'],
  ['Павлов', 'Павлов'], ['Клименко', 'Клименко'], ['Козлов', 'Козлов'], ['Лысенко', 'Лисенко'],
  ['Степанов', 'Степанов'], ['Кравчук', 'Кравчук'], ['Николаев', 'Миколаєв'], ['Захарченко', 'Захарченко'],
  ['Царев', 'Царьов'], ['Медведчук', 'Медведчук'], ['Коломойский', 'Коломойський'], ['Янукович', 'Янукович'],
  ['Зеленский', 'Зеленський'], ['Пригожин', 'Пригожин'],
];

/** Latin spellings (Russian-based first, then Ukrainian-based), then the two Cyrillic forms. */
export function slavicPart(ru: string, uk: string): Part {
  return [...new Set([...romaniseRussian(ru), ...romaniseUkrainian(uk), ru, uk])];
}

export interface SlavicGiven {
  readonly part: Part;
  readonly patronymic: { readonly male: Part; readonly female: Part };
}

/** Feminine patronymics: Russian -ич → -на, Ukrainian -йович → -ївна, -ович → -івна. */
const ruFeminine = (p: string): string => p.replace(/ич$/u, 'на');
const ukFeminine = (p: string): string => p.replace(/йович$/u, 'ївна').replace(/ович$/u, 'івна');

export const SLAVIC_MALE: readonly SlavicGiven[] = MALE.map(([ru, uk, rp, up]) => ({
  part: slavicPart(ru, uk),
  patronymic: { male: slavicPart(rp, up), female: slavicPart(ruFeminine(rp), ukFeminine(up)) },
}));
export const SLAVIC_FEMALE: readonly Part[] = FEMALE.map(([ru, uk]) => slavicPart(ru, uk));

/** Feminine family names: -ов/-ев/-ин + а, -ский → -ская / -ська; -енко, -чук, -ник… do not change. */
function feminineFamily(name: string, ukrainian: boolean): string {
  if (/ськ?ий$/u.test(name)) return name.replace(/ий$/u, ukrainian ? 'а' : 'ая');
  if (/(ов|ев|єв|ёв|ьов|ин)$/u.test(name)) return `${name}а`;
  return name;
}

export interface SlavicFamily {
  readonly male: Part;
  readonly female: Part;
}
const family = (ru: string, uk: string): SlavicFamily => ({
  male: slavicPart(ru, uk),
  female: slavicPart(feminineFamily(ru, false), feminineFamily(uk, true)),
});
export const SLAVIC_FAMILY_HEAD: readonly SlavicFamily[] = FAMILY.map(([ru, uk]) => family(ru, uk));

const C = [...'бвгдзклмнпрстхчшц'];
const V = [...'аоуеи'];
const SUFFIX: ReadonlyArray<readonly [string, string]> = [
  ['ов', 'ов'],
  ['енко', 'енко'],
  ['ин', 'ін'],
  ['чук', 'чук'],
  ['ский', 'ський'],
  ['ук', 'ук'],
  ['ев', 'єв'],
  ['ич', 'ич'],
  ['як', 'як'],
];
/**
 * The optional syllable after C V C: none, or a vowel and a consonant, the
 * consonant changing fastest (the rank order the seed caches were built with).
 */
const EXTRA = ['', ...V.flatMap((v) => C.map((c) => `${v}${c}`))];
/** Synthetic family name n: C V C [V C] + suffix, bijective in n (about 1.2 million names). */
export function slavicFamilyTail(n: number): SlavicFamily {
  const [c1, v1, c2, extra, [ru, uk]] = pickByDigits(n, [C, V, C, EXTRA, SUFFIX]);
  const stem = `${c1.toUpperCase()}${v1}${c2}${extra}`;
  // Ukrainian spelling of the stem: и is written і where Russian has и
  return family(`${stem}${ru}`, `${stem.replace(/и/gu, 'і')}${uk}`);
}
