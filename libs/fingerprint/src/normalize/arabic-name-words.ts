/**
 * Frequent Arabic / Persian / Pashto name words (schema v2): the dictionary
 * behind glued Arabic-script segmentation (arabic-glued.ts) and the
 * "is this a known name word" gate of the Latin conventions
 * (arabic-latin.ts).
 *
 * Source: hand-compiled, deliberately small. The classical core (Muhammad,
 * Ahmad, Ali, Abd Allah, Abd al-Rahman, Ibrahim, Yusuf, Yahya, Umar, Hasan,
 * Uthman, Isa, Sulayman, Qasim, Musa…) follows the frequency tables of
 * Juliana de Luna, "Frequency of Men's Given Names from al-Andalus"
 * (s-gabriel.org/names/juliana/alandalus/popmascism.html); modern Arabic,
 * Persian, Pashto, Somali, Malay/Indonesian and Caucasian usage was added
 * from the name words of Wikipedia's "List of Arabic given names" and
 * "Persian name" articles. Names are facts, not creative content; no list was
 * copied. Abd-/Abu- compounds are not listed: the segmenter builds them from
 * a prefix and a listed word.
 *
 * Each line: the Arabic-script word, then its Latin spellings (only those
 * whose phonetic skeleton differs, e.g. Persian reza for رضا, Arabic rida).
 * Changing this list is a schema change.
 */
// prettier-ignore
export const ARABIC_NAME_WORDS: readonly string[] = [
  'محمد muhammad', 'احمد ahmad', 'محمود mahmud', 'علي ali', 'حسن hasan', 'حسين husayn', 'حسنين hasanayn',
  'عمر umar', 'عثمان uthman,usman,osman', 'خالد khalid', 'ابراهيم ibrahim', 'يوسف yusuf', 'يحيى yahya',
  'عيسى isa', 'موسى musa', 'سليمان sulayman', 'قاسم qasim', 'سعيد said', 'سعد sad', 'صالح salih',
  'صلاح salah', 'جمال jamal', 'كمال kamal', 'مصطفى mustafa', 'عادل adil', 'عزيز aziz', 'كريم karim',
  'رحيم rahim', 'رحمن rahman', 'حميد hamid', 'مجيد majid', 'ماجد majid', 'رشيد rashid', 'سالم salim',
  'اسماعيل ismail', 'اسحاق ishaq', 'يعقوب yaqub', 'داود dawud', 'هارون harun', 'ادريس idris',
  'الياس ilyas', 'زكريا zakariya', 'ايوب ayyub', 'نوح nuh', 'آدم adam', 'بكر bakr', 'جعفر jafar',
  'طارق tariq', 'زياد ziyad', 'زيد zayd', 'فهد fahd', 'فيصل faysal', 'ناصر nasir', 'منصور mansur',
  'نصر nasr', 'نور nur', 'امين amin', 'انور anwar', 'ايمن ayman', 'اسامة usama', 'هشام hisham',
  'وليد walid', 'خليل khalil', 'فاطمة fatima', 'عائشة aisha', 'خديجة khadija', 'حواء hawa', 'زينب zaynab',
  'مريم maryam', 'ليلى layla', 'امينة amina', 'حليمة halima', 'سمير samir',
  'سامي sami', 'هاني hani', 'عاطف atif', 'رامي rami', 'باسم basim', 'حازم hazim', 'حمزة hamza',
  'حامد hamid', 'عامر amir', 'امير amir', 'عمار ammar', 'ياسر yasir', 'ياسين yasin', 'جابر jabir',
  'جلال jalal', 'بلال bilal', 'هلال hilal', 'فرج faraj', 'فارح farah', 'شريف sharif', 'شكري shukri',
  'فتحي fathi', 'فتح fath', 'رضا rida,reza', 'مهدي mahdi', 'هادي hadi', 'جواد jawad,javad', 'باقر baqir',
  'كاظم kazim', 'تقي taqi', 'نقي naqi', 'صادق sadiq', 'مرتضى murtada,morteza', 'مجتبى mujtaba',
  'غلام ghulam', 'حبيب habib', 'حيدر haydar', 'شاه shah', 'خان khan', 'مراد murad', 'نبيل nabil',
  'نجيب najib', 'وائل wail', 'مازن mazin', 'معاذ muadh,moaz', 'انس anas', 'عدنان adnan', 'عباس abbas',
  'قادر qadir', 'جبار jabbar', 'رزاق razzaq', 'غني ghani', 'لطيف latif', 'حكيم hakim', 'ستار sattar',
  'غفار ghaffar', 'واحد wahid', 'وهاب wahhab', 'حق haqq', 'قيوم qayyum', 'شمس shams', 'بدر badr',
  'فخر fakhr', 'سيف sayf', 'نظام nizam', 'علاء ala', 'ضياء diya,zia', 'شهاب shihab', 'تاج taj',
  'جميل jamil', 'اكبر akbar', 'اصغر asghar', 'رسول rasul', 'نبي nabi', 'ولي wali', 'فضل fadl,fazl',
  'مير mir', 'سيد sayyid', 'اسد asad', 'محسن muhsin', 'احسان ihsan', 'هاشم hashim', 'توفيق tawfiq',
  'فوزي fawzi', 'رحمة rahmat', 'هداية hidayat', 'عارف arif', 'زين zayn', 'رجب rajab', 'رمضان ramadan,ramazan',
  'قربان qurban', 'الهام ilham', 'شامل shamil', 'حاجي haji', 'جامع jama', 'عبدي abdi', 'علمي ilmi',
  'حرسي hirsi', 'روح ruh', 'نعمة nimat', 'حكمت hikmat', 'حشمت heshmat', 'عزت izzat', 'شوكت shawkat',
  'دين din', 'الله allah', 'عبدالله abdullah,abdullahi', 'گل gul', 'شير sher', 'زاده zadeh',
  'بهرام bahram', 'پرويز parviz', 'داريوش daryush', 'كوروش kurosh', 'جمشيد jamshid', 'رستم rustam',
  'سهراب sohrab', 'فريدون fereydun', 'منوچهر manuchehr', 'بيژن bizhan', 'شهرام shahram', 'فرهاد farhad',
  'خسرو khosrow', 'اسفنديار esfandiyar', 'نادر nadir', 'صفر safar', 'جليل jalil',
  'نعيم naim', 'سلمان salman', 'عرفان irfan', 'فاروق faruq', 'مختار mukhtar', 'منير munir', 'نزار nizar',
  'هيثم haytham', 'يونس yunus', 'ادهم adham', 'اكرم akram', 'اشرف ashraf', 'اسلام islam', 'عصام isam',
  'عماد imad', 'قيس qays', 'لقمان luqman', 'مالك malik', 'مسعود masud', 'نعمان numan',
  'وحيد wahid', 'يزيد yazid', 'سفيان sufyan', 'سراج siraj', 'حافظ hafiz', 'حارث harith', 'خضر khidr',
];
