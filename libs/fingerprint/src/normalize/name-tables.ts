/**
 * Word lists of name tokenisation (names.ts): titles and ranks, articles,
 * particles and compound halves. Changing a list is a schema change.
 */
/** Titles, honorifics and ranks, dropped when they lead a name (after transliteration). */
// prettier-ignore
export const TITLES: ReadonlySet<string> = new Set([
  // civil and academic
  'mr', 'mrs', 'ms', 'miss', 'mx', 'messrs', 'dr', 'doctor', 'doktor', 'dktwr', 'prof', 'professor',
  'eng', 'engr', 'engineer', 'sir', 'lord', 'lady', 'dame', 'hon', 'honorable', 'honourable',
  'president', 'minister', 'judge', 'justice', 'ambassador', 'governor', 'senator', 'deputy',
  'gospodin', 'gospozha', 'kyrios', 'kyria', 'monsieur', 'madame', 'mme', 'mlle',
  'herr', 'frau', 'senor', 'senora', 'signor', 'signora', 'bay', 'bayan',
  // religious
  'sheikh', 'sheik', 'shaikh', 'shaykh', 'shaik', 'cheikh', 'cheik', 'shykh', 'shyk', 'shekh',
  'haj', 'hajj', 'hadj', 'haji', 'hajji', 'hadji', 'hajja', 'hajjah', 'alhaj', 'alhajj', 'alhaji',
  'mullah', 'mulla', 'mla', 'molla', 'mawlawi', 'maulvi', 'mawlavi', 'moulavi', 'molvi', 'maulana',
  'mawlana', 'mufti', 'mfty', 'imam', 'amam', 'ayatollah', 'ayatullah', 'ayatolah', 'hojatoleslam',
  'hojjatoleslam', 'hojatolislam', 'hujjatulislam', 'ustad', 'ustadh', 'ustaz', 'ustadz', 'astadh',
  'rev', 'reverend', 'father', 'fr', 'bishop', 'archbishop', 'metropolitan', 'patriarch',
  'archimandrite', 'rabbi', 'pastor', 'deacon', 'brother', 'sister',
  // military and police ranks
  'general', 'gen', 'heneral', 'lieutenant', 'lt', 'leytenant', 'leitenant', 'colonel', 'col',
  'polkovnik', 'podpolkovnik', 'major', 'maj', 'mayor', 'captain', 'capt', 'cpt', 'kapitan',
  'brigadier', 'brig', 'commander', 'cdr', 'cmdr', 'comdr', 'admiral', 'adm', 'kontr', 'vitse',
  'sergeant', 'sgt', 'serzhant', 'marshal', 'marshall', 'corporal', 'cpl', 'private', 'pvt',
  'commandant', 'commodore', 'warrant', 'officer', 'ensign', 'field', 'staff', 'chief',
  'stratigos', 'strategos', 'syntagmatarchis', 'antisyntagmatarchis', 'tagmatarchis',
  'sartip', 'sarlashkar', 'sarhang', 'sardar', 'sepahbod', 'liwa', 'lwaa',
  'aqyd', 'mqdm', 'nqyb', 'fryq',
  // nobility
  'prince', 'princess', 'king', 'queen', 'duke', 'count', 'countess', 'baron', 'pasha', 'bey',
  'effendi',
]);

/** Multi-word titles, matched in lead position. */
// prettier-ignore
export const TITLE_PHRASES: ReadonlyArray<readonly string[]> = [
  ['hojjat', 'ol', 'eslam'], ['hojat', 'ol', 'eslam'], ['hujjat', 'al', 'islam'],
  ['ayat', 'allah'], ['ayat', 'ollah'], ['hojjat', 'al', 'islam'],
];

/** Trailing generational suffixes and other noise tokens, dropped anywhere. */
// prettier-ignore
export const NOISE: ReadonlySet<string> = new Set(['jr', 'sr', 'jnr', 'snr', 'ii', 'iii', 'iv', 'nee', 'born']);

/** The Arabic article (and the Persian/Urdu ezafe "ol"/"ul"), dropped before another token. */
// prettier-ignore
export const ARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'ul', 'ol', 'il']);

/** Sun-letter forms of the article; only an article when hyphen-joined to the next word (ad-Din). */
// prettier-ignore
export const SUN_ARTICLES: ReadonlySet<string> = new Set([
  'ad', 'ar', 'as', 'at', 'az', 'an', 'ash', 'adh', 'ath', 'ed', 'er', 'es', 'et', 'ez', 'en',
  'ud', 'ur', 'us', 'ut', 'uz', 'un', 'ush', 'esh', 'eth',
]);

/** "Servant of": always part of a compound with the next word. */
// prettier-ignore
export const ABD_FORMS: ReadonlySet<string> = new Set([
  'abd', 'abdul', 'abdel', 'abdal', 'abdol', 'abdil', 'abdu', 'abdur', 'abdus', 'abdun', 'abduz',
  'abdush', 'abdoul', 'abdelal', 'abdoel',
]);

/** "Abed" is either a clipped "Abd" (Abed Allah) or the given name Abed (عابد): both readings are kept. */
export const AMBIGUOUS_ABD: ReadonlySet<string> = new Set(['abed', 'abid']);

/** "Father of": forms a compound surname with the next word (Abu Teir, Abou Tayr, Abutair). */
export const ABU_FORMS: ReadonlySet<string> = new Set([
  'abu',
  'abou',
  'abo',
  'aboo',
  'abul',
  'abi',
  'abuu',
  'aboe',
]);

/**
 * Connectors that sources either write apart, glue on, or leave out: "son
 * of" (bin Laden / Binladin / Laden) and European particles (Van Mazijk /
 * Vanmazijk / Mazijk). The connector is dropped and the next token gains the
 * glued form as an alternative.
 */
// prettier-ignore
export const PATRONYMIC_CONNECTORS: ReadonlySet<string> = new Set(['bin', 'ibn', 'ben', 'bint', 'binti', 'ould', 'ouled', 'walad', 'ibnu']);
// prettier-ignore
export const EUROPEAN_PARTICLES: ReadonlySet<string> = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'delle', 'di', 'du', 'des', 'da', 'dos', 'das',
  'ter', 'ten', 'vander', 'vanden', 'zu', 'af', 'av', 'degli', 'dei',
]);

/** Second halves of compound given names, merged into the previous token (Ala al-Din = Alaeddin). */
// prettier-ignore
export const SUFFIX_COMPOUNDS: Readonly<Record<string, string>> = {
  din: 'din', deen: 'din', dine: 'din', dinne: 'din', eddin: 'din', eddine: 'din', uddin: 'din',
  uddeen: 'din', addin: 'din', iddin: 'din', aldin: 'din', eldin: 'din', aldeen: 'din',
  eldeen: 'din', oddin: 'din', edin: 'din', udin: 'din', dyn: 'din', aldyn: 'din',
  allah: 'allah', ullah: 'allah', ollah: 'allah', illah: 'allah', ulla: 'allah', olla: 'allah', llah: 'allah',
  zadeh: 'zadeh', zade: 'zadeh', zada: 'zadeh', zoda: 'zadeh', zadah: 'zadeh', zadh: 'zadeh',
  // Pashto tribal names: Ahmad Zai = Ahmadzai = Ahmadzay
  zai: 'zai', zay: 'zai', zey: 'zai', zoy: 'zai',
};

/** Prefixes merged into the next token (Pour Ansari = Pouransari, Mc Donald = McDonald). */
export const PREFIX_COMPOUNDS: ReadonlySet<string> = new Set(['pour', 'pur', 'mac', 'mc']);

/** The Urdu and Persian idafa article between the halves of one given name (Noor-ul-Amin, Fazl-ur-Rahman). */
// prettier-ignore
export const IDAFA: ReadonlySet<string> = new Set(['ul', 'ur', 'us', 'ud', 'un', 'ut', 'uz', 'ush', 'ol', 'or', 'os']);

/**
 * Persian compound given names, written glued or apart (Mohammadreza /
 * Mohammad Reza / محمدرضا, Aliakbar, Gholamhossein): first and second halves.
 */
// prettier-ignore
export const COMPOUND_FIRST: readonly string[] = ['mohammad', 'ali', 'gholam', 'amir', 'abol', 'mir', 'seyed', 'hossein', 'nour'];
// prettier-ignore
export const COMPOUND_SECOND: readonly string[] = [
  'reza', 'ali', 'akbar', 'asghar', 'hossein', 'hasan', 'mahdi', 'javad', 'jafar', 'bagher', 'taghi', 'naghi',
  'sadegh', 'kazem', 'karim', 'rahim', 'amin', 'hadi', 'ebrahim', 'esmail', 'mohammad', 'mahmoud', 'hamid',
  'masoud', 'naser', 'saeed', 'morteza', 'mostafa', 'mojtaba', 'ehsan', 'hamed', 'nabi', 'vali', 'fazl',
];
