/**
 * Arabic and Persian names: the commonest ones hand-written with the
 * spellings found in public lists; a synthetic tail built on Arabic root
 * patterns (CaCCi nisba, CaCiC, CaCCaC), written in Latin spellings and in
 * Arabic script (short vowels unwritten, as in the script).
 */
import { digits, type Part } from './pool.js';

// prettier-ignore
export const ARABIC_MALE: readonly Part[] = [
  ['Mohammed', 'Muhammad', 'Mohamed', 'Mohamad', 'Muhammed', 'محمد'], ['Ahmad', 'Ahmed', 'Ahmet', 'أحمد'],
  ['Ali', 'Aly', 'علي'], ['Mahmoud', 'Mahmud', 'Mahmood', 'محمود'], ['Hasan', 'Hassan', 'Hasen', 'حسن'],
  ['Hussein', 'Husayn', 'Hussain', 'Husein', 'حسين'], ['Omar', 'Umar', 'Omer', 'عمر'],
  ['Khaled', 'Khalid', 'Haled', 'خالد'], ['Ibrahim', 'Ebrahim', 'Ibraheem', 'إبراهيم'],
  ['Abdullah', 'Abdallah', 'Abd Allah', 'عبد الله'], ['Yousef', 'Yusuf', 'Youssef', 'Yousif', 'يوسف'],
  ['Mustafa', 'Moustafa', 'Mostafa', 'مصطفى'], ['Abdul Rahman', 'Abd al-Rahman', 'Abdel Rahman', 'Abdurrahman', 'عبد الرحمن'],
  ['Saleh', 'Salih', 'صالح'], ['Said', 'Saeed', "Sa'id", 'سعيد'], ['Jamal', 'Gamal', 'Djamal', 'جمال'],
  ['Tariq', 'Tarek', 'Tareq', 'طارق'], ['Walid', 'Waleed', 'Oualid', 'وليد'], ['Ismail', 'Ismaeel', 'Esmail', 'إسماعيل'],
  ['Abdul Aziz', 'Abd al-Aziz', 'Abdelaziz', 'عبد العزيز'], ['Nasser', 'Naser', 'Nasir', 'ناصر'],
  ['Osama', 'Usama', 'Oussama', 'أسامة'], ['Yahya', 'Yehia', 'Yahia', 'يحيى'], ['Faisal', 'Faysal', 'Feisal', 'فيصل'],
  ['Ziad', 'Ziyad', 'Zeyad', 'زياد'], ['Hamza', 'Hamzah', 'Hamzeh', 'حمزة'], ['Qasim', 'Qassem', 'Kassem', 'Gasim', 'قاسم'],
  ['Fathi', 'Fathy', 'فتحي'], ['Bilal', 'Belal', 'بلال'], ['Anas', 'Enes', 'أنس'],
];
// prettier-ignore
export const ARABIC_FEMALE: readonly Part[] = [
  ['Fatima', 'Fatimah', 'Fatma', 'فاطمة'], ['Mariam', 'Maryam', 'Meriem', 'مريم'], ['Aisha', 'Aysha', 'Aicha', 'عائشة'],
  ['Zainab', 'Zaynab', 'Zeinab', 'زينب'], ['Khadija', 'Khadijah', 'Khadidja', 'خديجة'], ['Amina', 'Aminah', 'Amena', 'أمينة'],
  ['Huda', 'Houda', 'Hoda', 'هدى'], ['Layla', 'Leila', 'Laila', 'ليلى'], ['Samira', 'Sameera', 'Samirah', 'سميرة'],
  ['Nour', 'Noor', 'Nur', 'نور'],
];
// prettier-ignore
export const ARABIC_FAMILY: readonly Part[] = [
  ['al-Masri', 'el-Masry', 'Almasri', 'المصري'], ['Haddad', 'Hadad', 'Al-Haddad', 'الحداد'],
  ['al-Tamimi', 'Tamimi', 'el-Tamimi', 'التميمي'], ['Mansour', 'Mansur', 'Mansoor', 'منصور'],
  ['al-Najjar', 'Najjar', 'Nagar', 'النجار'], ['Hamad', 'Hammad', 'Hamed', 'حماد'], ['al-Shami', 'Shamy', 'el-Shami', 'الشامي'],
  ['Jaber', 'Jabir', 'Gaber', 'جابر'], ['al-Khatib', 'Khateeb', 'el-Khatib', 'الخطيب'], ['Salameh', 'Salama', 'Salamah', 'سلامة'],
  ['Darwish', 'Darweesh', 'Derviche', 'درويش'], ['Odeh', 'Ouda', 'Awda', 'عودة'], ['Saadi', "Sa'adi", 'al-Saadi', 'السعدي'],
  ['al-Obeidi', 'Ubaydi', 'el-Obeidi', 'العبيدي'], ['Qasem', 'Kassem', 'Qassim', 'قاسم'], ['al-Baghdadi', 'Baghdadi', 'el-Baghdady', 'البغدادي'],
  ['Barghouti', 'Barghouthi', 'Bargouti', 'البرغوثي'], ['Shehadeh', 'Shehada', 'Chehade', 'شحادة'], ['al-Asaad', 'Assad', 'el-Assad', 'الأسعد'],
  ['Nasrallah', 'Nasr Allah', 'Nasrullah', 'نصر الله'], ['al-Zahar', 'Zahhar', 'el-Zahar', 'الزهار'], ['Haniya', 'Haniyeh', 'Haniyya', 'هنية'],
  ['Abu Teir', 'Abou Tayr', 'Abutair', 'أبو طير'], ['al-Houthi', 'Huthi', 'al-Hothi', 'الحوثي'], ['al-Qaddafi', 'Gaddafi', 'Kadhafi', 'Qadhafi', 'القذافي'],
];
// prettier-ignore
export const PERSIAN_MALE: readonly Part[] = [
  ['Mohammad', 'Mohamad', 'Muhammad', 'محمد'], ['Ali', 'علی'], ['Hossein', 'Hosein', 'Husayn', 'حسین'], ['Reza', 'Rida', 'رضا'],
  ['Mohammad Reza', 'Mohammadreza', 'Muhammad Riza', 'محمدرضا'], ['Mahmoud', 'Mahmud', 'محمود'], ['Mehdi', 'Mahdi', 'مهدی'],
  ['Hassan', 'Hasan', 'حسن'], ['Ali Akbar', 'Aliakbar', 'علی اکبر'], ['Abbas', 'عباس'], ['Qasem', 'Ghasem', 'Kasem', 'قاسم'],
  ['Javad', 'Jawad', 'جواد'], ['Masoud', 'Massoud', "Mas'ud", 'مسعود'], ['Saeed', 'Said', 'سعید'], ['Farzad', 'Farzaad', 'فرزاد'],
  ['Seyed Mohammad', 'Sayyed Mohammad', 'Seyyed Muhammad', 'سید محمد'],
];
// prettier-ignore
export const PERSIAN_FEMALE: readonly Part[] = [
  ['Fatemeh', 'Fatima', 'فاطمه'], ['Zahra', 'Zehra', 'زهرا'], ['Maryam', 'Mariam', 'مریم'], ['Masoumeh', 'Masumeh', 'معصومه'],
  ['Zeinab', 'Zaynab', 'زینب'], ['Sakineh', 'Sakina', 'سکینه'], ['Leila', 'Leyla', 'لیلا'], ['Narges', 'نرگس'],
];
// prettier-ignore
export const PERSIAN_FAMILY: readonly Part[] = [
  ['Mohammadi', 'Muhammadi', 'محمدی'], ['Hosseini', 'Husseini', 'Hoseini', 'حسینی'], ['Ahmadi', 'احمدی'], ['Rezaei', 'Rezai', 'Rezaee', 'رضایی'],
  ['Moradi', 'مرادی'], ['Karimi', 'Kareemi', 'کریمی'], ['Jafari', "Ja'fari", 'Jaafari', 'جعفری'], ['Rahimi', 'رحیمی'],
  ['Mousavi', 'Musavi', 'Moussavi', 'موسوی'], ['Ghasemi', 'Qasemi', 'قاسمی'], ['Soleimani', 'Suleimani', 'Sulaymani', 'سلیمانی'],
  ['Tabatabaei', 'Tabatabai', 'طباطبایی'], ['Ahmadinejad', 'Ahmadi-Nejad', 'احمدی‌نژاد'], ['Khamenei', "Khamene'i", 'خامنه‌ای'],
  ['Pour Ansari', 'Pouransari', 'پورانصاری'], ['Ziracchian Zadeh', 'Ziracchianzadeh', 'زیرکچیان‌زاده'],
];

/** Consonants: Latin spellings (commonest first), Arabic letter, Persian letter where it differs. */
// prettier-ignore
const CONSONANTS: ReadonlyArray<readonly [readonly string[], string, string?]> = [
  [['k'], 'ك', 'ک'], [['q', 'k', 'g'], 'ق'], [['kh', 'h'], 'خ'], [['h'], 'ح'], [['sh', 'ch'], 'ش'], [['j', 'dj', 'g'], 'ج'],
  [['d'], 'د'], [['r'], 'ر'], [['s'], 'س'], [['t'], 'ت'], [['b'], 'ب'], [['f'], 'ف'], [['l'], 'ل'], [['m'], 'م'],
  [['n'], 'ن'], [['z'], 'ز'], [['gh'], 'غ'], [['s'], 'ص'],
];

/** Spellings of a root pattern; `v` = a short vowel written a or e in Latin, nothing in the script. */
function compose(
  slots: ReadonlyArray<number | string>,
  persian: boolean,
  variant: number,
): { latin: string; script: string } {
  let latin = '';
  let script = '';
  for (const slot of slots) {
    if (typeof slot === 'string') {
      const [lat, arab] = slot.split('|') as [string, string];
      const forms = lat.split('/');
      latin += forms[variant % forms.length] as string;
      script += arab ?? '';
      continue;
    }
    const [lat, arab, pers] = CONSONANTS[slot] as readonly [readonly string[], string, string?];
    latin += lat[variant % lat.length] as string;
    script += persian ? (pers ?? arab) : arab;
  }
  return { latin: latin.charAt(0).toUpperCase() + latin.slice(1), script };
}

const PATTERNS: ReadonlyArray<(c: readonly number[]) => ReadonlyArray<number | string>> = [
  ([a, b, c]) => [a as number, 'a/e|', b as number, c as number, 'i/y|ي'], // nisba: Karmi
  ([a, b, c]) => [a as number, 'a/a|', b as number, 'i/ee|ي', c as number], // Rashid / Rasheed
  ([a, b, c]) => [a as number, 'a/e|', b as number, b as number, 'a/a|ا', c as number], // Najjar: doubled, one letter
];

function rootTail(
  n: number,
  persian: boolean,
  suffixes: ReadonlyArray<readonly [string, string]>,
  article: boolean,
  given = false,
): Part {
  const k = CONSONANTS.length;
  const [c1, c2, c3, p0, s, al] = digits(n, [
    k,
    k,
    k,
    given ? 1 : PATTERNS.length,
    suffixes.length,
    article ? 2 : 1,
  ]);
  // given names take the CaCiC pattern (Rashid, Karim), never the nisba
  const p = given ? 1 : p0;
  const slots = (PATTERNS[p as number] as (c: readonly number[]) => ReadonlyArray<number | string>)(
    [c1 as number, c2 as number, c3 as number],
  );
  // the doubled consonant of the third pattern is written once in the script
  const spell = (variant: number): { latin: string; script: string } => {
    const r = compose(slots, persian, variant);
    if (p === 2)
      r.script = [...r.script].filter((ch, i, all) => i === 0 || ch !== all[i - 1]).join('');
    if (persian) r.script = r.script.replace(/ي/gu, 'ی');
    const [sl, ss] = suffixes[s as number] as readonly [string, string];
    return { latin: `${r.latin}${sl}`, script: `${r.script}${ss}` };
  };
  const a = spell(0);
  const b = spell(1);
  const latins = [...new Set([a.latin, b.latin])];
  if (al === 1)
    return [...latins.map((l) => `al-${l}`), ...latins.map((l) => `el-${l}`), `ال${a.script}`];
  return [...latins, a.script];
}

export const arabicTail =
  (article: boolean) =>
  (n: number): Part =>
    rootTail(n, false, [['', '']], article);
export const arabicGivenTail = (n: number): Part => rootTail(n, false, [['', '']], false, true);
// prettier-ignore
const PERSIAN_SUFFIXES: ReadonlyArray<readonly [string, string]> = [['', ''], ['zadeh', 'زاده'], ['pour', 'پور'], ['nejad', 'نژاد'], ['ian', 'یان']];
export const persianTail = (n: number): Part => rootTail(n, true, PERSIAN_SUFFIXES, false);
export const persianGivenTail = (n: number): Part => rootTail(n, true, [['', '']], false, true);
