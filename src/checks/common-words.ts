const words = (list: string) => new Set(list.trim().split(/\s+/));

/**
 * English words that are capitalised without being a name of a person or place: function words
 * (sentence starts, title-case headlines), titles, institutions, calendar words and directions.
 */
export const COMMON_ENGLISH_WORDS: ReadonlySet<string> = words(`
  a an the and or but nor so yet if then than that this these those there here when where while why how what which who whom whose
  i me my we us our you your he him his she her it its they them their one ones
  in on at by for from of off to into onto over under with without within about above below after before since until during
  through across against along among around behind beyond despite except near per via amid amidst towards upon
  is are was were be been being has have had do does did will would shall should can could may might must not no yes
  all any both each every few many more most much other some such only also even just still again already now today
  as because although though however meanwhile moreover furthermore nevertheless instead accordingly
  according says said warns warned new old first second third last next former latest
  mr mrs ms dr prof sir madam lady lord saint st jr sr
  president presidents presidential vice prime minister ministers ministry chancellor chancellery secretary general
  foreign defence defense interior finance economy economic economics affairs justice health environment
  spokesman spokeswoman spokesperson spokespeople ambassador envoy diplomat king queen prince princess pope emperor
  mayor governor senator senate congress congressman congresswoman representative representatives speaker leader leaders
  chief head deputy director chairman chairwoman chair commissioner commission council committee board
  court courts judge judges supreme constitutional federal state states united republic kingdom union nations national
  international department office agency government governments parliament parliamentary assembly cabinet administration
  party parties democrats democratic republicans republican social socialist christian conservative conservatives
  liberal liberals green greens left right labour labor free alliance coalition opposition
  army navy force forces air guard police military intelligence service services security
  central bank fund monetary reserve exchange market stock world war wars cold peace
  north south east west northern southern eastern western central middle upper lower greater
  monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december
  christmas easter ramadan eid new year years day days week weeks month months
  summit conference treaty agreement pact accord deal charter resolution resolutions sanctions act law article clause
  city county province region district state capital river sea ocean gulf bay island islands mount mountain lake
  peninsula strait canal street square palace house hall tower airport station port bridge
  university college institute school hospital church cathedral mosque synagogue museum
  foundation association company corporation group inc ltd plc ag gmbh
  news press media times post radio television tv online internet web
  covid coronavirus pandemic
`);

/** German words that begin a sentence often enough, and titles that are not names. */
export const COMMON_GERMAN_WORDS: ReadonlySet<string> = words(`
  der die das des dem den ein eine einer eines einem einen kein keine
  und oder aber doch sondern denn weil wenn als ob dass da so auch noch nur schon bereits jetzt nun dann
  ich du er sie es wir ihr man sein seine ihre ihr unser dieser diese dieses jener jene solche welche wer was wie wo
  in im an am auf aus bei mit nach seit von vom zu zum zur für gegen ohne um über unter vor hinter neben zwischen durch
  trotz während wegen laut gemäß infolge angesichts seitens
  nicht kein nichts alle allem allen jeder jede jedes mehr viele einige andere beide
  herr frau dr prof
  präsident präsidentin kanzler kanzlerin bundeskanzler bundeskanzlerin minister ministerin
  ministerpräsident ministerpräsidentin premierminister premierministerin premier
  sprecher sprecherin regierungssprecher regierungssprecherin chef chefin staatschef regierungschef kremlchef machthaber
  papst könig königin prinz prinzessin kaiser bürgermeister bürgermeisterin oberbürgermeister
  generalsekretär generalsekretärin botschafter botschafterin gesandter diktator oppositionsführer
  abgeordneter abgeordnete senator senatorin gouverneur gouverneurin vorsitzender vorsitzende parteichef parteichefin
  montag dienstag mittwoch donnerstag freitag samstag sonntag
  januar jänner februar märz april mai juni juli august september oktober november dezember
  anfang mitte ende
`);

/** German words that announce a name after them ("Außenminister Lawrow", "Sprecherin Müller"). */
export const GERMAN_TITLE_ENDINGS: readonly string[] = [
  'präsident',
  'präsidentin',
  'kanzler',
  'kanzlerin',
  'minister',
  'ministerin',
  'sprecher',
  'sprecherin',
  'chef',
  'chefin',
  'herr',
  'frau',
  'papst',
  'könig',
  'königin',
  'meister',
  'meisterin',
  'sekretär',
  'sekretärin',
  'botschafter',
  'botschafterin',
  'machthaber',
  'diktator',
  'führer',
  'führerin',
  'premier',
  'gouverneur',
  'senator',
  'senatorin',
  'leiter',
  'leiterin',
  'kämmerer',
  'kämmerin',
  'direktor',
  'direktorin',
  'vorsitzender',
  'vorsitzende',
];

/**
 * Head words of English institution names. An institution is not a person or a place, and its
 * translated name ("Federal Employment Agency") cannot be found in a German article.
 */
export const ENGLISH_INSTITUTION_WORDS: ReadonlySet<string> = words(`
  ministry ministries department office agency court council committee commission party union bank institute
  association authority authorities service administration parliament assembly senate congress government police army
  foundation university company group corporation organisation organization bureau board chamber federation league
  fund network station school hospital museum airport prosecutor prosecutors prosecution tribunal
`);

/** Acronyms that are not names: "GDP", "KI", "World War II". Lowercase. */
export const NON_NAME_ACRONYMS: ReadonlySet<string> = words(`
  gdp ceo cfo cto coo ai ev evs vat tv pr hq id it pm am ok dna ipo lng gps sms usb pc faq
  bip ki öpnv pkw lkw gmbh ag kg mwst dax ard zdf
`);
