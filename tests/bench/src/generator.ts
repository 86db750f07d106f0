/**
 * Deterministic generator of synthetic persons for benchmarks and for the
 * synthetic calibration check: realistic multi-script names (Arabic,
 * Persian, Russian, Ukrainian, Greek, Western), real-world spelling
 * variants, aliases, birth dates in list formats, and identifiers.
 *
 * The spelling variants are hand-written from how names appear in public
 * lists, independently of the normalisation rules; the generator never calls
 * the fingerprint library.
 */
import type { FtmPerson, TypedIdentifier } from '@parallax/fingerprint';

/** mulberry32: a small deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;

/** A name part: its spellings, the first being the most common Latin one; the last ones may be native script. */
type Part = readonly string[];

// prettier-ignore
const ARABIC_GIVEN: readonly Part[] = [
  ['Mohammed', 'Muhammad', 'Mohamed', 'Mohamad', 'Muhammed', 'محمد'],
  ['Ahmad', 'Ahmed', 'Ahmet', 'أحمد'],
  ['Mahmoud', 'Mahmud', 'Mahmood', 'محمود'],
  ['Hasan', 'Hassan', 'Hasen', 'حسن'],
  ['Hussein', 'Husayn', 'Hussain', 'Husein', 'حسين'],
  ['Ali', 'Aly', 'علي'],
  ['Omar', 'Umar', 'Omer', 'عمر'],
  ['Khaled', 'Khalid', 'Haled', 'خالد'],
  ['Ibrahim', 'Ebrahim', 'Ibraheem', 'إبراهيم'],
  ['Yousef', 'Yusuf', 'Youssef', 'Yousif', 'يوسف'],
  ['Abdullah', 'Abdallah', 'Abd Allah', 'عبد الله'],
  ['Abdul Rahman', 'Abd al-Rahman', 'Abdel Rahman', 'Abdurrahman', 'عبد الرحمن'],
  ['Abdul Aziz', 'Abd al-Aziz', 'Abdelaziz', 'عبد العزيز'],
  ['Saleh', 'Salih', 'Salah', 'صالح'],
  ['Jamal', 'Gamal', 'Djamal', 'جمال'],
  ['Tariq', 'Tarek', 'Tareq', 'طارق'],
  ['Walid', 'Waleed', 'Oualid', 'وليد'],
  ['Osama', 'Usama', 'Oussama', 'أسامة'],
  ['Yahya', 'Yehia', 'Yahia', 'يحيى'],
  ['Ismail', 'Ismaeel', 'Esmail', 'إسماعيل'],
  ['Mustafa', 'Moustafa', 'Mostafa', 'مصطفى'],
  ['Faisal', 'Faysal', 'Feisal', 'فيصل'],
  ['Nasser', 'Naser', 'Nasir', 'ناصر'],
  ['Ziad', 'Ziyad', 'Zeyad', 'زياد'],
  ['Said', 'Saeed', 'Sa\'id', 'سعيد'],
  ['Fathi', 'Fathy', 'Fat-hi', 'فتحي'],
  ['Hamza', 'Hamzah', 'Hamzeh', 'حمزة'],
  ['Qasim', 'Qassem', 'Kassem', 'Gasim', 'قاسم'],
  ['Bilal', 'Belal', 'بلال'],
  ['Anas', 'Enes', 'أنس'],
  ['Fatima', 'Fatimah', 'Fatma', 'فاطمة'],
  ['Aisha', 'Aysha', 'Aicha', 'عائشة'],
  ['Mariam', 'Maryam', 'Meriem', 'مريم'],
  ['Huda', 'Houda', 'Hoda', 'هدى'],
  ['Samira', 'Sameera', 'Samirah', 'سميرة'],
];

// prettier-ignore
const ARABIC_FAMILY: readonly Part[] = [
  ['al-Houthi', 'Huthi', 'al-Hothi', 'الحوثي'],
  ['al-Qaddafi', 'Gaddafi', 'Kadhafi', 'Qadhafi', 'القذافي'],
  ['al-Masri', 'el-Masry', 'Almasri', 'المصري'],
  ['al-Shami', 'Shamy', 'el-Shami', 'الشامي'],
  ['Haniya', 'Haniyeh', 'Haniyya', 'هنية'],
  ['Abu Teir', 'Abou Tayr', 'Abutair', 'أبو طير'],
  ['Mansour', 'Mansur', 'Mansoor', 'منصور'],
  ['al-Zahar', 'Zahhar', 'el-Zahar', 'الزهار'],
  ['Hamad', 'Hammad', 'Hamed', 'حماد'],
  ['Salameh', 'Salama', 'Salamah', 'سلامة'],
  ['al-Tamimi', 'Tamimi', 'el-Tamimi', 'التميمي'],
  ['al-Baghdadi', 'Baghdadi', 'el-Baghdady', 'البغدادي'],
  ['Nasrallah', 'Nasr Allah', 'Nasrullah', 'نصر الله'],
  ['al-Khatib', 'Khateeb', 'el-Khatib', 'الخطيب'],
  ['Darwish', 'Darweesh', 'Derviche', 'درويش'],
  ['al-Obeidi', 'Ubaydi', 'el-Obeidi', 'العبيدي'],
  ['Qasem', 'Kassem', 'Qassim', 'قاسم'],
  ['Barghouti', 'Barghouthi', 'Bargouti', 'البرغوثي'],
  ['al-Asaad', 'Assad', 'el-Assad', 'الأسعد'],
  ['Shehadeh', 'Shehada', 'Chehade', 'شحادة'],
  ['al-Najjar', 'Najjar', 'Nagar', 'النجار'],
  ['Haddad', 'Hadad', 'Al-Haddad', 'الحداد'],
  ['Saadi', 'Sa\'adi', 'al-Saadi', 'السعدي'],
  ['Jaber', 'Jabir', 'Gaber', 'جابر'],
  ['Odeh', 'Ouda', 'Awda', 'عودة'],
];

// prettier-ignore
const PERSIAN_GIVEN: readonly Part[] = [
  ['Mohammad Reza', 'Mohammadreza', 'Muhammad Riza', 'محمدرضا'],
  ['Hossein', 'Hosein', 'Husayn', 'حسین'],
  ['Mahmoud', 'Mahmud', 'محمود'],
  ['Reza', 'Rida', 'رضا'],
  ['Ali Akbar', 'Aliakbar', 'علی اکبر'],
  ['Qasem', 'Ghasem', 'Kasem', 'قاسم'],
  ['Seyed Mohammad', 'Sayyed Mohammad', 'Seyyed Muhammad', 'سید محمد'],
  ['Farzad', 'Farzaad', 'فرزاد'],
  ['Masoud', 'Massoud', 'Mas\'ud', 'مسعود'],
  ['Javad', 'Jawad', 'جواد'],
  ['Zahra', 'Zehra', 'زهرا'],
  ['Maryam', 'Mariam', 'مریم'],
];

// prettier-ignore
const PERSIAN_FAMILY: readonly Part[] = [
  ['Soleimani', 'Suleimani', 'Sulaymani', 'سلیمانی'],
  ['Rezaei', 'Rezai', 'Rezaee', 'رضایی'],
  ['Hosseini', 'Husseini', 'Hoseini', 'حسینی'],
  ['Mohammadi', 'Muhammadi', 'محمدی'],
  ['Ahmadinejad', 'Ahmadi-Nejad', 'احمدی‌نژاد'],
  ['Jafari', 'Ja\'fari', 'Jaafari', 'جعفری'],
  ['Karimi', 'Kareemi', 'کریمی'],
  ['Mousavi', 'Musavi', 'Moussavi', 'موسوی'],
  ['Tabatabaei', 'Tabatabai', 'طباطبایی'],
  ['Khamenei', 'Khamene\'i', 'خامنه‌ای'],
  ['Pour Ansari', 'Pouransari', 'پورانصاری'],
  ['Ziracchian Zadeh', 'Ziracchianzadeh', 'زیرکچیان‌زاده'],
];

/** East Slavic parts: Russian Latin, Ukrainian Latin, Russian Cyrillic, Ukrainian Cyrillic. */
// prettier-ignore
const SLAVIC_GIVEN: readonly Part[] = [
  ['Aleksandr', 'Oleksandr', 'Alexander', 'Александр', 'Олександр'],
  ['Evgeny', 'Yevhen', 'Yevgeniy', 'Евгений', 'Євген'],
  ['Sergei', 'Serhiy', 'Sergey', 'Сергей', 'Сергій'],
  ['Vladimir', 'Volodymyr', 'Wladimir', 'Владимир', 'Володимир'],
  ['Dmitry', 'Dmytro', 'Dmitriy', 'Дмитрий', 'Дмитро'],
  ['Oleg', 'Oleh', 'Олег'],
  ['Igor', 'Ihor', 'Игорь', 'Ігор'],
  ['Grigory', 'Hryhoriy', 'Grigoriy', 'Григорий', 'Григорій'],
  ['Andrei', 'Andriy', 'Andrey', 'Андрей', 'Андрій'],
  ['Yuri', 'Yuriy', 'Iurii', 'Юрий', 'Юрій'],
  ['Viktor', 'Victor', 'Виктор', 'Віктор'],
  ['Mikhail', 'Mykhailo', 'Михаил', 'Михайло'],
  ['Elena', 'Olena', 'Yelena', 'Елена', 'Олена'],
  ['Olga', 'Olha', 'Ольга'],
  ['Tatiana', 'Tetiana', 'Tatyana', 'Татьяна', 'Тетяна'],
];

// prettier-ignore
const SLAVIC_FAMILY: readonly Part[] = [
  ['Ivanov', 'Ivanow', 'Иванов'],
  ['Petrenko', 'Петренко'],
  ['Marchuk', 'Марчук'],
  ['Yanukovych', 'Yanukovich', 'Янукович'],
  ['Tsarev', 'Tsaryov', 'Царёв', 'Царьов'],
  ['Kurchenko', 'Курченко'],
  ['Medvedchuk', 'Медведчук'],
  ['Prigozhin', 'Prigojine', 'Пригожин'],
  ['Shevchenko', 'Шевченко'],
  ['Kovalenko', 'Коваленко'],
  ['Bondarenko', 'Бондаренко'],
  ['Zakharchenko', 'Захарченко'],
  ['Kolomoisky', 'Kolomoyskyi', 'Коломойский', 'Коломойський'],
  ['Smirnov', 'Smirnoff', 'Смирнов'],
  ['Sokolov', 'Соколов'],
  ['Zelensky', 'Zelenskyy', 'Зеленский', 'Зеленський'],
];

// prettier-ignore
const GREEK_GIVEN: readonly Part[] = [
  ['Dimitrios', 'Dimitris', 'Δημήτρης', 'Δημήτριος'],
  ['Georgios', 'Giorgos', 'Γεώργιος'],
  ['Konstantinos', 'Constantinos', 'Κωνσταντίνος'],
  ['Ioannis', 'Yannis', 'Γιάννης'],
  ['Christos', 'Χρήστος'],
  ['Evangelos', 'Vangelis', 'Ευάγγελος'],
  ['Nikolaos', 'Nikolaos', 'Νικόλαος'],
];

// prettier-ignore
const GREEK_FAMILY: readonly Part[] = [
  ['Papadopoulos', 'Papadopulos', 'Παπαδόπουλος'],
  ['Kampis', 'Cambis', 'Καμπής'],
  ['Georgiou', 'Yeorgiou', 'Γεωργίου'],
  ['Nikolaidis', 'Nikolaides', 'Νικολαΐδης'],
  ['Papadakis', 'Παπαδάκης'],
];

// prettier-ignore
const WESTERN_GIVEN: readonly Part[] = [
  ['Paul', 'Paulus'], ['Alexander', 'Alex'], ['Johannes', 'Johan'], ['Pierre'], ['Maria'], ['Anna'], ['Thomas'],
];
// prettier-ignore
const WESTERN_FAMILY: readonly Part[] = [
  ['van Mazijk', 'Van Mazijk', 'Vanmazijk'], ['Hollebrand'], ['de Vries', 'De Vries'], ['Müller', 'Mueller', 'Muller'], ['Dubois'],
];

interface Culture {
  readonly name: string;
  readonly weight: number;
  readonly given: readonly Part[];
  readonly family: readonly Part[];
  /** patronymic / father's name between given and family name */
  readonly middle: 'father' | 'patronymic' | 'none';
}

const CULTURES: readonly Culture[] = [
  { name: 'arabic', weight: 0.45, given: ARABIC_GIVEN, family: ARABIC_FAMILY, middle: 'father' },
  { name: 'persian', weight: 0.15, given: PERSIAN_GIVEN, family: PERSIAN_FAMILY, middle: 'none' },
  {
    name: 'slavic',
    weight: 0.25,
    given: SLAVIC_GIVEN,
    family: SLAVIC_FAMILY,
    middle: 'patronymic',
  },
  { name: 'greek', weight: 0.07, given: GREEK_GIVEN, family: GREEK_FAMILY, middle: 'none' },
  { name: 'western', weight: 0.08, given: WESTERN_GIVEN, family: WESTERN_FAMILY, middle: 'none' },
];

// prettier-ignore
const PATRONYMICS: readonly Part[] = [
  ['Viktorovich', 'Viktorovych', 'Викторович', 'Вікторович'],
  ['Aleksandrovich', 'Oleksandrovych', 'Александрович', 'Олександрович'],
  ['Sergeevich', 'Serhiyovych', 'Сергеевич', 'Сергійович'],
  ['Ivanovich', 'Ivanovych', 'Иванович', 'Іванович'],
  ['Petrovich', 'Petrovych', 'Петрович', 'Петрович'],
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PLATFORMS = ['telegram', 'twitter', 'facebook', 'vk', 'instagram'];

/** The latent identity of a synthetic person: chosen parts and facts, before any spelling. */
export interface Identity {
  readonly index: number;
  readonly culture: Culture;
  readonly parts: readonly Part[];
  readonly birth: { year: number; month: number; day: number } | null;
  readonly passport: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly handle: TypedIdentifier | null;
  readonly other: TypedIdentifier | null;
}

function pickCulture(rng: Rng): Culture {
  let r = rng();
  for (const c of CULTURES) {
    r -= c.weight;
    if (r <= 0) return c;
  }
  return CULTURES[0] as Culture;
}

/** A deterministic latent identity. */
export function identity(rng: Rng, index: number): Identity {
  const culture = pickCulture(rng);
  const parts: Part[] = [pick(rng, culture.given)];
  if (culture.middle === 'father' && rng() < 0.7) parts.push(pick(rng, culture.given));
  if (culture.middle === 'patronymic' && rng() < 0.5) parts.push(pick(rng, PATRONYMICS));
  parts.push(pick(rng, culture.family));
  const hasBirth = rng() < 0.8;
  const digits = (n: number): string =>
    Array.from({ length: n }, () => Math.floor(rng() * 10)).join('');
  const letters = (n: number): string =>
    Array.from({ length: n }, () => String.fromCharCode(65 + Math.floor(rng() * 26))).join('');
  return {
    index,
    culture,
    parts,
    birth: hasBirth
      ? {
          year: 1940 + Math.floor(rng() * 50),
          month: 1 + Math.floor(rng() * 12),
          day: 1 + Math.floor(rng() * 28),
        }
      : null,
    passport: rng() < 0.3 ? `${letters(1)}${digits(7)}` : null,
    phone:
      rng() < 0.2
        ? `+${pick(rng, ['961', '963', '964', '967', '98', '380', '7', '30'])}${digits(9)}`
        : null,
    email: rng() < 0.1 ? `user${index}.${digits(3)}@example.org` : null,
    handle:
      rng() < 0.1
        ? { type: pick(rng, PLATFORMS), value: `@h${index}_${letters(3).toLowerCase()}` }
        : null,
    other:
      rng() < 0.05
        ? {
            type: pick(rng, ['tail number', 'plate', 'wallet']),
            value: `${letters(2)}-${digits(4)}`,
          }
        : null,
  };
}

const NATIVE_SCRIPT = /[\u0370-\u03ff\u0400-\u04ff\u0600-\u06ff]/u;

/** One spelling of the identity's name: a variant of each part; sometimes the middle part is dropped. */
function spell(rng: Rng, id: Identity, variantRate: number, dropMiddle: boolean): string {
  const parts =
    dropMiddle && id.parts.length > 2 ? [id.parts[0], id.parts[id.parts.length - 1]] : id.parts;
  // a whole name in one script: choose Latin or native for all parts together
  const native = rng() < variantRate * 0.4;
  return parts
    .map((p) => {
      const part = p as Part;
      const natives = part.filter((s) => NATIVE_SCRIPT.test(s));
      const latins = part.filter((s) => !NATIVE_SCRIPT.test(s));
      if (native && natives.length > 0) return pick(rng, natives);
      return rng() < variantRate ? pick(rng, latins) : (latins[0] as string);
    })
    .join(' ');
}

function birthValues(rng: Rng, id: Identity): string[] {
  if (!id.birth) return [];
  const { year, month, day } = id.birth;
  const r = rng();
  if (r < 0.45) return [`${String(day).padStart(2, '0')} ${MONTHS[month - 1] as string} ${year}`];
  if (r < 0.65)
    return [`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`];
  if (r < 0.9) return [String(year)];
  return [`01 Jan ${year} to 31 Dec ${year + 1}`];
}

/**
 * A record of the identity as one organisation holds it: a name spelling,
 * 0–2 aliases, birth date in a list format, and some of the identifiers.
 */
export function record(rng: Rng, id: Identity, recordId: string, variantRate = 0.5): FtmPerson {
  const name = spell(rng, id, variantRate, rng() < 0.3);
  const aliases: string[] = [];
  const aliasCount = rng() < 0.5 ? 0 : rng() < 0.7 ? 1 : 2;
  for (let i = 0; i < aliasCount; i++) aliases.push(spell(rng, id, 1, rng() < 0.5));
  const properties: Record<string, string[]> = { name: [name] };
  if (aliases.length > 0) properties['alias'] = aliases;
  if (rng() < 0.9) {
    const birth = birthValues(rng, id);
    if (birth.length > 0) properties['birthDate'] = birth;
  }
  if (id.passport && rng() < 0.7)
    properties['passportNumber'] = [
      id.passport.replace(/^(.)(\d{3})/u, rng() < 0.5 ? '$1 $2-' : '$1$2'),
    ];
  if (id.phone && rng() < 0.7) properties['phone'] = [id.phone];
  if (id.email && rng() < 0.7)
    properties['email'] = [rng() < 0.5 ? id.email.toUpperCase() : id.email];
  const identifiers: TypedIdentifier[] = [];
  if (id.handle && rng() < 0.7) identifiers.push(id.handle);
  if (id.other && rng() < 0.7) identifiers.push(id.other);
  return {
    id: recordId,
    schema: 'Person',
    properties,
    ...(identifiers.length > 0 ? { identifiers } : {}),
  };
}

/** `count` synthetic persons (one record each), deterministic for a seed. */
export function syntheticPersons(count: number, seed = 20240601): FtmPerson[] {
  const rng = prng(seed);
  return Array.from({ length: count }, (_, i) => record(rng, identity(rng, i), `synthetic-${i}`));
}

/**
 * Two organisations' lists over a shared population: `overlap` identities
 * appear in both (spelled independently), the rest in one only. Returns the
 * lists and the true pairs.
 */
export function syntheticLinkage(
  perSide: number,
  overlap: number,
  seed = 7,
): { left: FtmPerson[]; right: FtmPerson[]; truth: Set<string> } {
  const rng = prng(seed);
  const identities = Array.from({ length: 2 * perSide - overlap }, (_, i) => identity(rng, i));
  const left: FtmPerson[] = [];
  const right: FtmPerson[] = [];
  const truth = new Set<string>();
  identities.forEach((id, i) => {
    const inLeft = i < perSide;
    const inRight = i >= perSide - overlap;
    if (inLeft) left.push(record(rng, id, `L${i}`));
    if (inRight) right.push(record(rng, id, `R${i}`));
    if (inLeft && inRight) truth.add(`L${i},R${i}`);
  });
  return { left, right, truth };
}
