// Passwords given without their label next to them: the label is said elsewhere in the message
// ("I reset my password yesterday. I reset it to Password123"), the value is named by what it
// opens ("use hunter2! to log in"), it follows a user name ("credentials: admin / Adm1n!pass"),
// or it is a passphrase of plain words after a colon ("password is: correct horse battery
// staple"). labelled.ts reads a value right after (or before) its label.
import { mayMatch, quickTest } from "../pair-guard";
import { CHANGED_FROM_TO, PASSWORD_FROM, SET_IT_TO, VALUE } from "./password-changes";
import { PRIORITY, type Candidate } from "./pii-types";

/** A password named anywhere in the message, in the languages labelled.ts reads. */
const PASSWORD_WORD = /(?:^|[^\p{L}])(?:pass(?:word|wd|code|phrase)?s?|pwd|pw|ww(?!\d)|locked\s+out|log(?:-?in|\s+in)|logg(?:ing|ed)\s+in|sign(?:-?in|\s+in)|sign(?:ing|ed)\s+in|contrase[ñn]a|senha|passwort|kennwort|wachtwoord|mot\s+de\s+passe|has[łl]o|parola|parool|salasana|l[öo]senord|passord|adgangskode|heslo|jelsz[óo]|[şs]ifre(?:m|mi|min|miz|niz|nizi|si|sini|yi)?|пароль|парол|κωδικ[όο]ς|كلمة\s+المرور|رمز\s+عبور|비밀번호|パスワード|密码|密碼|mật\s+khẩu|kata\s+sandi)(?![\p{L}])/iu;
/** Logging in, in the languages PASSWORD_WORD reads ("impossible de me connecter"). */
const LOGGING_IN = /\b(?:connecter|connexion|conectar(?:me)?|iniciar\s+sesi[óo]n|anmelden|einloggen|accedere|acessar|entrar)\b/i;
/** (English "I tried …" has its own reader, TRIED below: what is tried there must be quoted or carry a symbol.) */
const TRIED_IN_LANGUAGES = /essay|probad|prob[ée]|tentei|intent|provato/i;
const TRIED_PASSWORDS = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:j'ai\s+(?:aussi\s+)?essay[ée]|he\s+probado|prob[ée]|tentei|intent[ée]|ho\s+provato)\s+(?:with\s+|avec\s+|con\s+|com\s+)?["'“]?${VALUE}(?:\s*(?:,|and|et|y|e|und|or|ou|o|puis|then)\s+(?:with\s+|avec\s+)?["'“]?(?<second>[^\s"'“”]{5,64}))?`,
  "giu",
);
/** "v2.3.1", "1.4b": a version, not a password. */
const VERSION = /^v?\d+(?:\.\d+)+[a-z]?$/i;
export const isSecretShaped = (v: string): boolean =>
  /\p{L}/u.test(v) && /[^\p{L}]/u.test(v) && !v.startsWith("[REDACTED") && !/^\p{L}+[.,;:!?]$/u.test(v) && !v.includes("/") && !EMAIL.test(v) && !VERSION.test(v);
/** "j.smith@mail.com": an address, not a password (a password may hold an "@": "qu0kk@11"). */
const EMAIL = /@[\p{L}\p{N}-]+\.[\p{L}]{2,}/u;

/**
 * Where a message talks of a password or a login, a string no name, word, host or reference is:
 * small letters, a digit, and a capital or a symbol that no name uses (not a dash, an underscore
 * or a dot), 8 to 24 long, not a setting's key or a speaker's name before a colon ("I changed it
 * from Spring2023! …", "Mango!Tree77 <- thats what i set it to").
 */
const STRONG_ANYWHERE = /(?<![^\s"'“‘(])(?<value>[^\s"'“”‘’()<>[\]{},;:=/\\.]{8,24})(?=[\s"'”’),;!?]|\.(?!\S)|$)(?![^\s]*:)/gu;
const STRONG_ENOUGH = /^(?=.*\p{Ll})(?=.*\d)(?:(?=.*\p{Lu})|(?=.*[!#$%^&*+=?~]))[^\s@]{8,64}$/u;
const FILE_NAME = /\.[a-z]{2,4}$/i;
// "use hunter2! to log in", "I typed Tr0ub4dor&3 to sign in", "tried Summer2024 for the login".
const USED_TO_LOG_IN = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:use|used|using|tried|try|typed?|entered|enter)\s+["'“]?${VALUE}["'”]?\s+(?:to|for)\s+(?:the\s+)?(?:log(?:-?in|\s+in|\s+on)|sign(?:-?in|\s+in|\s+on)|access)(?![\p{L}])`,
  "giu",
);
// "I tried 'Bluebird!77' and it said wrong password", "typed Kj8#44x twice": where the message
// names a password or a login, what was tried is one when it is quoted or carries a symbol.
const TRIED = new RegExp(String.raw`(?:^|[^\p{L}])(?:tried|trying|typed?|typing|entered|entering|put\s+in|input)\s+(?:in\s+)?(?<quote>["'“‘])?${VALUE}`, "giu");
const TRIED_WORD = /tried|trying|typ(?:e|ing)|enter(?:ed|ing)|put in|input/i;
/** What a message about getting into an account says besides naming a password. */
const LOCKED_OUT = /\blocked\b|can'?t get in(?:to)?\b|cannot get in|won'?t let me (?:in|log)/i;
const hasSymbol = (v: string): boolean => /[^\p{L}\p{N}]/u.test(v.replace(/[!?.]+$/, ""));
const BUSINESS_REF = /^[A-Z]{2,6}[-#_]?\d/;

// "login details: user jsmith / Hunter2024", "credentials: admin / Adm1n!pass": a user name, a
// slash (or bar, comma, "and"), then the password.
const CREDENTIAL_PAIR = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:credentials|creds|log-?in(?:\s+(?:details|info|data))?|log\s+in\s+details|user\s*(?:name)?\s*(?:and|&|/)\s*pass(?:word)?)\s*(?:are|is)?\s*[:=-]?\s*(?:user(?:name)?\s*[:=]?\s*)?[^\s/|,:]{2,64}\s*(?:/|\||,|:|\s+and\s+)\s*(?:(?:pass(?:word)?|pwd|pw)\s*[:=]?\s*)?["'“]?${VALUE}`,
  "giu",
);
// "log in with jsmith and falcon250", "signed in with j.smith@mail.com and Summer2024!": a user
// name and what no plain word is, given together to log in.
const USER_AND_PASSWORD = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:log(?:ging|ged)?[\s-]*in|sign(?:ing|ed)?[\s-]*in)\s+(?:with|using)\s+(?:user(?:name)?\s+)?[\w.@+-]{2,64}(?:\s*\/\s*|\s+and\s+|\s*&\s*)(?:pass(?:word)?\s+)?["'“]?${VALUE}`,
  "giu",
);
// "the temp password you gave me (Orchid_Phoenix18) expired": in brackets a few words after its label;
// "my old password was … and the new one is qu0kk@11": the next one named after one given;
// "tried logging in with Marley1915*", "if you need to log in to check, use bluebird0259".
const IN_BRACKETS_AFTER = new RegExp(String.raw`(?:^|[^\p{L}])(?:pass(?:word|code)?s?|pwd|pw)(?![\p{L}])[^.()\n]{0,40}\(${VALUE}\)`, "giu");
// "the old one, which was PumpkinSpice!23", "and before that Kirab00!!": the others named beside it
const NEW_ONE_IS = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:and\s+|,\s*)?(?:(?:the|my)\s+(?:new|old|previous|former|temporary|temp)\s+one(?:,?\s+which)?\s+(?:is|was|will\s+be)|(?:and\s+)?before\s+that(?:\s+it\s+was)?)\s*:?\s+["'“]?${VALUE}`,
  "giu",
);
// "Router admin: admin / MapleRise!Admin14": a user's name, a slash or bar, then what no plain word is
const ADMIN_PAIR = new RegExp(String.raw`(?:^|[^\p{L}])(?:(?:admin(?:istrator)?|root|user(?:name)?|login|acct|account|db|database|sftp|ftp|ssh|credentials|zugangsdaten|identifiants|credenciales)(?:\s*\([^()\n]{1,30}\))?[^\n/|:]{0,80}?:?\s+[\w.@+$-]{2,64}|(?<=[\s:(])(?:admin|root|administrator|sa))\s*(?:/|\|)\s*(?:(?:pass(?:word)?|pwd|pw)\s*[:=]?\s*)?["'“]?${VALUE}`, "giu");
const LOGGING_IN_WITH = new RegExp(String.raw`(?:^|[^\p{L}])(?:log(?:ging|ged)?|sign(?:ing|ed)?)[\s-]*in\s+(?:with|using)\s+["'“]?${VALUE}`, "giu");
const USE_AT_CLAUSE_END = new RegExp(String.raw`(?:^|[^\p{L}])use\s+["'“]?${VALUE}(?=\s*(?:$|[.,;!?\n]))`, "giu");
// "I use 9un5v0qtiy for everything": the one password someone reuses, named by what it opens.
const USED_FOR_EVERYTHING = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:re)?us(?:e|ed|ing)\s+["'“]?${VALUE}["'”]?\s+(?:for|on)\s+(?:everything|all\s+(?:my\s+)?(?:accounts|sites|logins|apps)|every\s+(?:account|site|app|login))(?![\p{L}])`,
  "giu",
);
const EVERYTHING = /everything|every\s+(?:account|site|app|login)|all\s+(?:my\s+)?(?:accounts|sites|logins|apps)/i;
// "Passwort … Meins ist Bärenhöhle7!", "… mine is Kj8#44x": whose it is, after a password is named
const MINE_IS = new RegExp(String.raw`(?:^|[^\p{L}])(?:mine|meins|meines|el\s+m[íi]o|o\s+meu|le\s+mien|il\s+mio)\s+(?:is|was|ist|war|es|era|é|est|è)\s*:?\s*["'“]?${VALUE}`, "giu");
// "- main: priya.n@gmail.com / Mumbai#2019": an email address, a slash or bar, then what no plain word is
const EMAIL_THEN_SECRET = new RegExp(String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+\s*(?:/|\|)\s*["'“]?${VALUE}`, "giu");
// "bindPassword Bind!Ldap42", "POSTGRES_PASSWORD: dev_only_pw_123", "smtpPass=…": a setting's name that holds a password, then its value
// (on its own line: a value on the next line is the next setting's name, "DB_PASSWORD\n  remoteRef:")
// ("DB_PASS: …", "the DB_PASSWORD is …", "EMAIL_HOST_PASSWORD = 'hwqz kmpt ravn yxel'", PHP's "define( 'DB_PASSWORD', '…' )")
const PASSWORD_SETTING = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])(?:[A-Za-z][A-Za-z0-9_]*?(?:_?(?:PASSWORD|PASSWD|PWD|Password|Passwd|Pwd|password)|_PASS|_pass|[a-z]Pass)|(?:[A-Za-z][A-Za-z0-9]*_)?(?:contrase[nñ]a|senha|passwort|kennwort|wachtwoord)(?:_[a-z]+)?)(?![\p{L}\p{N}_])['"]?[ \t]*(?<link>[:=,][ \t]*|[ \t]+(?:is|was)[ \t]+|[ \t]+)(?:["'“](?<quoted>[^"'”\n]{4,64})["'”]|${VALUE}(?![^\s,;]*:))`,
  "gu",
);
const PAIR_IN_BRACKETS = /\(\s*[\w.@-]{2,32}\s*\/\s*(?<value>[^\s()/]{5,64})\s*\)/gu;
const PLACEHOLDER = /^(?:[$%{<(*•]|\[)/;
// "sqlplus reporting/Orcl#2024@//ora-db01:1521/ORCLPDB1": user/password@host, as Oracle's tools take it
const USER_SLASH_PASSWORD_AT = /(?<![\p{L}\p{N}/._-])[A-Za-z][\w.$-]{1,30}\/(?<value>[^\s/@]{4,64})@(?:\/\/)?[\w.-]+/gu;
// "I'm just telling you: maple-tundra-pepper2", "giving it here - Kj8#44x" (where a password or a login is named)
const TELLING_YOU = new RegExp(String.raw`(?:^|[^\p{L}])(?:telling|giving|sending|sharing)\s+(?:you|it)(?:\s+(?:here|now|anyway))?\s*[:\-–]\s*["'“]?${VALUE}`, "giu");
// "wifi: HomeNet_5G / wgcwm7cnv5e98ut2": a network's name, then its key.
const WIFI_PAIR = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:wi-?fi|wlan|ssid)(?:\s+(?:details|login|network|info))?\s*[:=-]\s*[^\s/|,]{1,32}\s*(?:/|\||,)\s*(?:(?:pass(?:word)?|key|pw)\s*[:=]?\s*)?["'“]?${VALUE}`,
  "giu",
);
const WIFI_WORD = /wi-?fi|wlan|ssid/i;
/** In a message about Wi-Fi, a "key" of letters and digits ("network \"Grand-Palms-Guest\" and key palms2026guest"). */
const WIFI_KEY = /(?<![\p{L}])(?:key|wpa2?\s+key|network\s+key)\s*(?:is\s+|:\s*|=\s*)?["'“]?(?<value>[\p{L}\d_!@#$%^&*.-]{8,40}?)["'”]?(?=[\s,;)]|[.!?](?:\s|$)|$)/giu;
/** Letters and digits mixed, as generators make them ("zvbjsng6", "9un5v0qtiy"); no plain word or number is. */
const GENERATED = /^(?=[\p{L}]*\d)(?=\d*\p{L})[\p{L}\d]{6,64}$/u;
// "pepper-velvet-tundra9": three to five plain words joined by hyphens and a number, as password
// managers make passphrases; wherever it stands, but not in a web address, a path or an email.
const GENERATED_PASSPHRASE = /(?<![\p{L}\p{N}/.@_-])(?<value>[a-z]{3,10}(?:-[a-z]{3,10}){2,4}\d{1,4})(?![\p{L}\p{N}/@_-]|\.[\p{L}\p{N}])/gu;

// "password is: correct horse battery staple": three to six plain words after the colon, to the
// end of the clause. Words that tell rather than name ("password: not working anymore", "password
// is: the same as before") stop it.
const PASSPHRASE = /(?:^|[^\p{L}])(?:password|passphrase|passwd|pwd|pass\s+phrase)(?:\s+[\p{L}']+){0,4}?\s*:\s*(?<value>(?:[a-z]{3,12}[ -]){2,5}[a-z]{3,12})(?=\s*(?:$|[.,;!?\n)]))/giu;
// "my password is purple elephant dancing": two to six plain words after "is", to the end of the clause.
const PASSPHRASE_IS = /(?:^|[^\p{L}])(?:password|passphrase|passwd|pass\s+phrase)\s+(?:is|was)\s+(?<value>(?:[a-z]{3,12}[ -]){1,5}[a-z]{3,12})(?=\s*(?:$|[.,;!?\n)]))/giu;
// "recovery phrase: absorb harvest canvas …": a wallet's seed words (12 to 24)
/** A message about a wallet's seed words, and a line of 12 to 24 of them, said apart from its name ("the phrase is:\n\norbit pledge …"). */
const SEED_TALK = /\b(?:recovery|seed|secret|mnemonic|backup)\s+(?:phrase|words|seed)|\brecovery\s+seed|\b(?:12|24|twelve|twenty-four)[- ]word\b|\bseed-?phrase|frase\s+(?:semilla|semente|secreta|de\s+recupera|di\s+recupero)|palabras\s+semilla|phrase\s+(?:de\s+r[ée]cup|secr[èe]te|mn[ée]mo)|wiederherstellungsphrase|mnemoni|сид-фраз|секретн\S*\s+фраз|助记词|ニーモニック|시드\s?구문/i;
const SEED_LINE = /(?:^|\n|:|\b(?:is|are|was|were))[ \t]*(?<value>(?:[a-z]{3,8}[ ,]+){11,23}[a-z]{3,8})[ \t]*(?=$|\n|[.;!?])/gm;
const SEED_PHRASE = /(?:^|[^\p{L}])(?:(?:recovery|seed|secret|mnemonic|backup)\s+(?:phrase|words)|(?:the\s+)?(?:12|24|twelve|twenty-four)\s+(?:seed\s+|recovery\s+)?words)\s*(?:is|are|were|:|-)?\s*(?<value>(?:[a-z]{3,10}[ ,]+){11,23}[a-z]{3,10})/giu;
const TELLING_WORDS = new Set(
  ("not now never still again any anymore working work works doesnt isnt cant wont same reset forgot forgotten lost changed expired " +
    "invalid incorrect locked blocked please help what where when which that this there the and but you your our their its his her " +
    "have has had was were are been will would should could can may might need needs meant needed asked supposed here").split(" "),
);

/** Words that describe a password after "is" ("too short", "case sensitive"), not name one. */
const NOT_A_PASSPHRASE = new Set(
  ("too very really quite short long weak strong wrong right correct simple easy hard secure unsafe required needed " +
    "case sensitive different old new current temporary temp mine yours ok okay fine good bad correct invalid " +
    "being getting going also just now only still always sometimes usually rejected accepted saved stored shown about expire expired expiring expires least most").split(" "),
);

const SAYS_MINE = /\b(?:mine|meine?s?|m[íi]o|meu|mien)\b/i;
const ORACLE = /sqlplus|oracle|\bora-|@\/\//i;
const ADMIN_WORD = /\b(?:admin|root|user|login|acct|account|db|database|sftp|ftp|ssh|sa|credentials|zugangsdaten|identifiants|credenciales)\b/i;
const PASSWORD_STEM = /pass|pwd|contrase|senha|kennwort|wachtwoord/i;
const FROM = /\bfrom\b/;
const THREE_WORDS_JOINED = /[a-z]{3}-[a-z]{3,10}-[a-z]{3}/;

const EMAIL_THEN_SECRET_GATE = /@[\w-]+\.[\w.-]+\s*[/|]/;
const PAIR_IN_BRACKETS_GATE = /\(\s*[\w.@-]{2,32}\s*\/\s*\S/;

export function findPasswordsByPhrasing(text: string): Candidate[] {
  const out: Candidate[] = [];
  const named = quickTest(PASSWORD_WORD, text);
  const take = (re: RegExp, ok: (v: string) => boolean): void => {
    if (!mayMatch(re, text)) return;
    for (const m of text.matchAll(re)) {
      const raw = m.groups!.value!;
      // a closing full stop or bracket ends the sentence; "!" may be the password's own
      const value = raw.replace(/[.,;:)\]}>"'”]+$/, "");
      if (!value || !ok(value)) continue;
      const start = m.index! + m[0].lastIndexOf(raw);
      out.push({ start, end: start + value.length, type: "password", priority: PRIORITY.labelledAfter });
    }
  };
  if (named) take(SET_IT_TO, isSecretShaped);
  if (named) take(PASSWORD_FROM, isSecretShaped);
  // "J'ai essayé Marseille13! et marseille13", "tentei …": the passwords tried, in a message about logging in
  if ((named || quickTest(LOGGING_IN, text)) && quickTest(TRIED_IN_LANGUAGES, text)) {
    for (const m of text.matchAll(TRIED_PASSWORDS)) {
      for (const raw of [m.groups!.value!, m.groups!.second]) {
        const value = raw?.replace(/[.,;:)\]}>"'”]+$/, "");
        if (!value || !isSecretShaped(value) || !/\d/.test(value) || BUSINESS_REF.test(value)) continue;
        const start = m.index! + m[0].lastIndexOf(raw!);
        out.push({ start, end: start + value.length, type: "password", priority: PRIORITY.labelledAfter });
      }
    }
  }
  take(USED_TO_LOG_IN, isSecretShaped);
  if ((named || quickTest(LOCKED_OUT, text)) && quickTest(TRIED_WORD, text)) {
    for (const m of text.matchAll(TRIED)) {
      const raw = m.groups!.value!;
      const value = m.groups!.quote ? raw.replace(/["'”’]+.*$/, "") : raw.replace(/[.,;:)\]}>"'”]+$/, "");
      // quoted, or what no plain word is: a symbol, or letters and digits mixed ("I typed zvbjsng6 like 5 times")
      if (!isSecretShaped(value) || BUSINESS_REF.test(value) || (!m.groups!.quote && !hasSymbol(value) && !GENERATED.test(value.replace(/[!?.]+$/, "")))) continue;
      const start = m.index! + m[0].lastIndexOf(raw);
      out.push({ start, end: start + value.length, type: "password", priority: PRIORITY.labelledAfter });
    }
  }
  take(CREDENTIAL_PAIR, isSecretShaped);
  if (named) {
    if (text.includes("(")) take(IN_BRACKETS_AFTER, isSecretShaped);
    take(NEW_ONE_IS, isSecretShaped);
    for (const re of [LOGGING_IN_WITH, USE_AT_CLAUSE_END, USER_AND_PASSWORD]) take(re, (v) => isSecretShaped(v) && !BUSINESS_REF.test(v));
  }
  if (named && quickTest(SAYS_MINE, text)) take(MINE_IS, (v) => isSecretShaped(v) && !BUSINESS_REF.test(v));
  if (text.includes("@")) {
    if (quickTest(EMAIL_THEN_SECRET_GATE, text)) take(EMAIL_THEN_SECRET, (v) => isSecretShaped(v) && !BUSINESS_REF.test(v) && !PLACEHOLDER.test(v));
    if (quickTest(ORACLE, text)) take(USER_SLASH_PASSWORD_AT, (v) => !PLACEHOLDER.test(v));
  }
  // "(sa / Adm1n#SQLsrv)": a user and a password in brackets
  if (quickTest(PAIR_IN_BRACKETS_GATE, text)) take(PAIR_IN_BRACKETS, (v) => isSecretShaped(v) && !BUSINESS_REF.test(v) && hasSymbol(v));
  if (/[/|]/.test(text) && quickTest(ADMIN_WORD, text)) take(ADMIN_PAIR, (v) => isSecretShaped(v) && !BUSINESS_REF.test(v) && !PLACEHOLDER.test(v) && (hasSymbol(v) || GENERATED.test(v)));
  if (quickTest(PASSWORD_STEM, text)) {
    // after ":" or "=" any value but a placeholder; after a space only what no plain word is
    for (const m of text.matchAll(PASSWORD_SETTING)) {
      const raw = m.groups!.quoted ?? m.groups!.value!;
      const value = m.groups!.quoted ?? raw.replace(/[.,;:)\]}>"'”]+$/, "");
      if (value.length < 4 || PLACEHOLDER.test(value) || (!/[:=,]/.test(m.groups!.link!) && !m.groups!.quoted && !isSecretShaped(value))) continue;
      const start = m.index! + m[0].lastIndexOf(raw);
      out.push({ start, end: start + value.length, type: "password", priority: PRIORITY.labelledAfter });
    }
  }
  if (quickTest(EVERYTHING, text)) take(USED_FOR_EVERYTHING, (v) => isSecretShaped(v) && !BUSINESS_REF.test(v));
  if (named) take(TELLING_YOU, isSecretShaped);
  if (named) take(STRONG_ANYWHERE, (v) => STRONG_ENOUGH.test(v) && !BUSINESS_REF.test(v) && !VERSION.test(v) && !FILE_NAME.test(v) && !EMAIL.test(v));
  if (quickTest(FROM, text)) {
    for (const m of text.matchAll(CHANGED_FROM_TO)) {
      const [before, after] = [m.groups!.old!, m.groups!.value!.replace(/[.,;:)\]}>"'”]+$/, "")];
      if (!STRONG_ENOUGH.test(before) || !STRONG_ENOUGH.test(after)) continue;
      const end = m.index! + m[0].length;
      const from = end - m[0].length + m[0].indexOf(before, m[0].search(/\sfrom\s/i));
      out.push({ start: from, end: from + before.length, type: "password", priority: PRIORITY.labelledAfter });
      const start = end - m.groups!.value!.length;
      out.push({ start, end: start + after.length, type: "password", priority: PRIORITY.labelledAfter });
    }
  }
  if (quickTest(WIFI_WORD, text)) {
    take(WIFI_PAIR, (v) => v.length >= 8 && isSecretShaped(v));
    take(WIFI_KEY, (v) => /\d/.test(v) && /\p{L}/u.test(v) && !BUSINESS_REF.test(v));
  }
  if (quickTest(THREE_WORDS_JOINED, text)) take(GENERATED_PASSPHRASE, () => true);
  if (text.includes("phrase") || text.includes("words")) take(SEED_PHRASE, () => true);
  if (quickTest(SEED_TALK, text)) take(SEED_LINE, () => true);
  if (named) take(PASSPHRASE_IS, (v) => !v.toLowerCase().split(/[ -]/).some((w) => TELLING_WORDS.has(w) || NOT_A_PASSPHRASE.has(w)));
  take(PASSPHRASE, (v) => {
    const words = v.toLowerCase().split(/[ -]/);
    // After a colon, three plain words or more are the passphrase even where the first could say
    // what is wrong ("correct horse battery staple"); words that tell a story are not.
    return !words.some((w) => TELLING_WORDS.has(w));
  });
  return out;
}
